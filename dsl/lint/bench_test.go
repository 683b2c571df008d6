package lint_test

import (
	"fmt"
	"strings"
	"testing"

	"garantie/dsl/check"
	"garantie/dsl/lint"
	"garantie/dsl/parser"
	"garantie/regles"
)

// generatedContract returns a contract of n rules spread over the
// standard postes, each poste with up to eight overlapping but
// unambiguous conditions, so the ambiguity check has real work to do.
func generatedContract(n int) []byte {
	conditions := []string{"", " si enfant", " si reseau", " si enfant et reseau", " si senior", " si senior et reseau", " si age < 10", " si age < 10 et reseau"}
	var postes []string
	for _, p := range regles.Postes() {
		if strings.Contains(p.Code, ".") {
			postes = append(postes, p.Code)
		}
	}
	var b strings.Builder
	b.WriteString("contrat \"Généré\"\norganisme \"Bench\"\neffet 2026-01-01\n")
	for i := range n {
		poste := postes[i/len(conditions)%len(postes)]
		cond := conditions[i%len(conditions)]
		fmt.Fprintf(&b, "%s%s: %d%% BRSS + %d€ / acte, max %d actes / annee civile, plafond %d€ / 24 mois glissants\n",
			poste, cond, 100+i%300, 10+i%50, 1+i%12, 500+i)
	}
	return []byte(b.String())
}

// BenchmarkCheck measures parse, check and lint of a 300-rule contract:
//
//	go test ./dsl/lint -run '^$' -bench BenchmarkCheck -benchmem
func BenchmarkCheck(b *testing.B) {
	src := generatedContract(300)
	f, ds := parser.Parse("bench.garantie", src)
	p, cds := check.Check(f, check.Regles())
	if ds = append(ds, cds...); ds.HasErrors() {
		b.Fatalf("generated contract has errors: %v", ds)
	}
	if len(p.Rules) != 300 {
		b.Fatalf("got %d rules, want 300", len(p.Rules))
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		f, _ := parser.Parse("bench.garantie", src)
		p, _ := check.Check(f, check.Regles())
		lint.Run(p)
	}
}

// BenchmarkCheckLint measures check and lint alone on the parsed
// 300-rule contract, without the parser.
func BenchmarkCheckLint(b *testing.B) {
	f, _ := parser.Parse("bench.garantie", generatedContract(300))
	for b.Loop() {
		p, _ := check.Check(f, check.Regles())
		lint.Run(p)
	}
}
