package page

import (
	"strings"
	"testing"

	"garantie/eval/money"
)

func TestEuros(t *testing.T) {
	for c, want := range map[money.Cents]string{
		0: "0,00 €", 5: "0,05 €", 900: "9,00 €", 150000: "1 500,00 €", 123456789: "1 234 567,89 €", -250: "-2,50 €",
	} {
		if got := Euros(c); got != want {
			t.Errorf("Euros(%d) = %q, want %q", c, got, want)
		}
	}
}

func TestStyleIsSelfContainedAndPrintsOnA4(t *testing.T) {
	css := string(Style())
	for _, want := range []string{"@page { size: A4", "@media print"} {
		if !strings.Contains(css, want) {
			t.Errorf("stylesheet has no %q", want)
		}
	}
	for _, bad := range []string{"url(", "@import", "http"} {
		if strings.Contains(css, bad) {
			t.Errorf("stylesheet has %q: it must load nothing", bad)
		}
	}
}
