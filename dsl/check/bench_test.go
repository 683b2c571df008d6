package check_test

import (
	"io"
	"strings"
	"testing"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/parser"
)

// hostileContracts are contracts written to make the checker slow: a
// megabyte of rules of one poste on one line, rules of one poste that all
// differ, as many rules as a poste may hold cutting the claim space into
// as many cells as they can, a megabyte of conditions on one rule, a
// 50,000-character poste code misspelt against a declared one
// (did-you-mean), and a megabyte of distinct misspelt codes against 2000
// declared postes.
func hostileContracts() map[string][]byte {
	long := strings.Repeat("a", 50_000)
	var distinct strings.Builder
	distinct.WriteString("contrat \"X\"\n")
	for i := 0; distinct.Len() < 1<<20; i++ {
		// Each rule has its own region: one age bound, one seniority bound.
		distinct.WriteString("optique.monture si age < ")
		distinct.WriteString(itoa(i % 151))
		distinct.WriteString(" et anciennete >= ")
		distinct.WriteString(itoa(i / 151 % 151))
		distinct.WriteString(" ans: 100% BRSS\n")
	}
	// crowded: as many rules as one poste may hold, cutting the claim
	// space into as many cells as they can.
	// The rules form a chain in age and seniority, and the most specific
	// one is split further on every other dimension, so no two rules are
	// ambiguous and most cells hold many rules.
	var crowded strings.Builder
	crowded.WriteString("contrat \"X\"\n")
	conds := []string{"reseau", "optam", "hors parcours", "secteur 2", "ald", "rembourse", "verres simples", "anciennete >= 140 ans"}
	chain := check.MaxFormulaRules - len(conds)
	for i := range chain {
		crowded.WriteString("optique.monture si age < " + itoa(1+i) + " et anciennete >= " + itoa(chain-i) + ": 100% BRSS\n")
	}
	refined := "optique.monture si age < 1 et anciennete >= " + itoa(chain)
	for _, cond := range conds {
		refined += " et " + cond
		crowded.WriteString(refined + ": 100% BRSS\n")
	}
	// conditions: one rule of a megabyte of conditions, the last of which
	// contradicts the others.
	conditions := "contrat \"X\"\noptique.monture si " + strings.Repeat("reseau et ", 1<<20/10) + "non reseau: 100% BRSS\n"
	// postes: declared postes, then a megabyte of rules naming misspelt,
	// all different, codes (did-you-mean against every declared poste).
	var postes strings.Builder
	postes.WriteString("contrat \"X\"\nposte bienetre \"B\"\n")
	for i := range 2000 {
		postes.WriteString("poste bienetre.soin" + itoa(i) + " \"S\"\n")
	}
	for i := 0; postes.Len() < 1<<20; i++ {
		postes.WriteString("bienetre.sion" + itoa(i) + ": 1€ / acte\n")
	}
	return map[string][]byte{
		"postes":     []byte(postes.String()),
		"conditions": []byte(conditions),
		"crowded":    []byte(crowded.String()),
		"rules":      []byte("contrat \"X\"\n" + strings.Repeat("optique.monture: 100% BRSS; ", 1<<20/28) + "\n"),
		"distinct":   []byte(distinct.String()),
		"identifier": []byte("contrat \"X\"\nposte " + long + " \"L\"\n" + long + "b: 100% BRSS\n"),
	}
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}

// BenchmarkCheckHostile parses and checks each hostile contract and
// renders its diagnostics, as garantie check does. Run it with
//
//	go test ./dsl/check -run '^$' -bench CheckHostile -benchtime 3x
//
// Each must take well under a second: the checker is near-linear in the
// size of the file.
func BenchmarkCheckHostile(b *testing.B) {
	for _, name := range []string{"rules", "distinct", "crowded", "conditions", "identifier", "postes"} {
		src := hostileContracts()[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				f, ds := parser.Parse("hostile.garantie", src)
				_, cds := check.Check(f, nil)
				ds = append(ds, cds...).Dedup()
				if err := diag.WriteText(io.Discard, ds, diag.Source{"hostile.garantie": src}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
