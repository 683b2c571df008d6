package check_test

import (
	"fmt"
	"strings"
	"testing"

	"garantie/dsl/check"
	"garantie/dsl/parser"
)

// TestSuggestionsAreBounded checks that each misspelt poste code is
// looked up once and that a file gets suggestions for its first 100
// distinct misspelt codes only: the rest are still errors, without a fix.
func TestSuggestionsAreBounded(t *testing.T) {
	var src strings.Builder
	src.WriteString("contrat \"X\"\n")
	for i := range 101 {
		fmt.Fprintf(&src, "poste bienetre%d \"B\"\n", i)
	}
	for i := range 101 {
		fmt.Fprintf(&src, "bienetre%dx: 1€ / acte\nbienetre%dx: 2€ / acte\n", i, i)
	}
	f, ds := parser.Parse("s.garantie", []byte(src.String()))
	_, cds := check.Check(f, nil)
	if ds = append(ds, cds...); len(ds) != 202 {
		t.Fatalf("got %d diagnostics, want 202 E109", len(ds))
	}
	fixes := map[string]int{}
	for _, d := range ds {
		if d.Code == "E109" && d.Fix != nil {
			fixes[d.Fix.NewText]++
		}
	}
	if len(fixes) != 100 {
		t.Errorf("%d codes got a suggestion, want 100", len(fixes))
	}
	for code, n := range fixes {
		if n != 2 {
			t.Errorf("%s suggested %d times, want 2 (both rules)", code, n)
		}
	}
	if fixes["bienetre100"] != 0 {
		t.Errorf("the 101st misspelt code got a suggestion")
	}
}
