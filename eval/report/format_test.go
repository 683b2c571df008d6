package report

import (
	"testing"

	"garantie/eval/money"
)

func TestEuros(t *testing.T) {
	for _, c := range []struct {
		in   money.Cents
		want string
	}{
		{0, "0,00\u00a0€"},
		{-5, "-0,05\u00a0€"},
		{123456, "1\u00a0234,56\u00a0€"},
		{100000000, "1\u00a0000\u00a0000,00\u00a0€"},
		{-99999, "-999,99\u00a0€"},
	} {
		if got := euros(c.in); got != c.want {
			t.Errorf("euros(%d) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := signedEuros(1050); got != "+10,50\u00a0€" {
		t.Errorf("signedEuros = %q", got)
	}
	if got := pourmille(-1234, true); got != "-123,4\u00a0%" {
		t.Errorf("pourmille = %q", got)
	}
	if got := shorten("Essentiel 2026 + Surco Dépassements 2026 + réseau", 34); got != "Essentiel 2026 + Surco…26 + réseau" || len([]rune(got)) != 34 {
		t.Errorf("shorten = %q", got)
	}
}
