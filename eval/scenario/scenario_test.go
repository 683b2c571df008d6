package scenario_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"garantie/dsl/diag"
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
	"garantie/eval/scenario"
)

const kalixia = `# Optique and dentaire steered into the network
scenario "Réseau Kalixia"
graine 2026
optique:                    40% des lignes, prix -30%
optique.lentilles:          0% des lignes, prix -30%
dentaire.prothese:          25,5% des lignes, prix -20%
medecine_douce.osteopathie: 100 % des lignes, prix - 12.5 %
`

func mustParse(t *testing.T, src string) *scenario.Scenario {
	t.Helper()
	s, ds := scenario.Parse("k.scenario", []byte(src), nil)
	if ds.HasErrors() {
		t.Fatalf("Parse: %v", ds)
	}
	return s
}

func TestParse(t *testing.T) {
	s := mustParse(t, kalixia)
	if s.Name != "Réseau Kalixia" || s.Seed != 2026 {
		t.Errorf("name %q seed %d", s.Name, s.Seed)
	}
	want := []scenario.Rule{
		{Poste: "optique", Share: 4000, Reduction: 3000, Line: 4},
		{Poste: "optique.lentilles", Share: 0, Reduction: 3000, Line: 5},
		{Poste: "dentaire.prothese", Share: 2550, Reduction: 2000, Line: 6},
		{Poste: "medecine_douce.osteopathie", Share: 10000, Reduction: 1250, Line: 7},
	}
	if diff := cmp.Diff(want, s.Rules); diff != "" {
		t.Error(diff)
	}
	if r, ok := s.Rule("optique.verres"); !ok || r.Poste != "optique" {
		t.Errorf("optique.verres is governed by %+v, %v; want the optique line", r, ok)
	}
	if _, ok := s.Rule("consult.generaliste"); ok {
		t.Error("consult.generaliste has a rule")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		src  string
		code diag.Code
		col  int
	}{
		{"optique.montre: 40% des lignes, prix -30%", scenario.CodePoste, 1},
		{"optique: 140% des lignes, prix -30%", scenario.CodeShare, 9},
		{"optique: 40% des lignes, prix -130%", scenario.CodeReduction, 25},
		{"optique: 40% des lignes", scenario.CodeSyntax, 9},
		{"optique: 40% des lignes, prix +30%", scenario.CodeSyntax, 25},
		{"optique 40% des lignes, prix -30%", scenario.CodeSyntax, 1},
		{"optique: 40,123% des lignes, prix -30%", scenario.CodeSyntax, 9},
		{"graine -1", scenario.CodeSeed, 1},
		{"scenario Kalixia", scenario.CodeSyntax, 1},
		{"  # ok\n€ optique: 40% des lignes, prix -30%", scenario.CodePoste, 1},
		{"optique: 40% des lignes, prix -30%\noptique: 10% des lignes, prix -30%", scenario.CodeDuplicate, 1},
		{"optique: 40% des lignes, prix -30% \x00", scenario.CodeText, 1},
	}
	for _, tt := range tests {
		s, ds := scenario.Parse("x", []byte(tt.src), nil)
		if s != nil || len(ds) != 1 || ds[0].Code != tt.code || ds[0].Range.Start.Col != tt.col {
			t.Errorf("%q: got %v, want one %s at column %d", tt.src, ds, tt.code, tt.col)
		}
	}
	// A poste a contract declares is known.
	if _, ds := scenario.Parse("x", []byte("optique.verres.complexes: 10% des lignes, prix -5%"), func(p string) bool { return p == "optique.verres.complexes" }); ds.HasErrors() {
		t.Errorf("declared poste: %v", ds)
	}
}

func line(id, assure, poste, frais, base string) claims.Claim {
	c := claims.Claim{ID: id, Assure: assure, Poste: poste, Date: date.DayOf(2026, 3, 2), Quantite: 1, Parcours: true}
	c.Frais, _ = money.CentsOf(mustDecimal(frais))
	c.Base, _ = money.CentsOf(mustDecimal(base))
	return c
}

func TestShareAndDeterminism(t *testing.T) {
	s := mustParse(t, kalixia)
	var cs []claims.Claim
	for i := range 10000 {
		cs = append(cs, line(fmt.Sprintf("l%05d", i), fmt.Sprintf("a%d", i%700), "optique.verres", "200", "0.05"))
	}
	moved := map[string]bool{}
	for i := range cs {
		c := cs[i]
		if s.Apply(&c) {
			moved[c.ID] = true
		}
	}
	// 40% of 10,000 lines, within the spread of a fair draw (±4 standard
	// deviations of a binomial: sqrt(10000 × 0.4 × 0.6) ≈ 49).
	if n := len(moved); n < 4000-200 || n > 4000+200 {
		t.Errorf("%d lines moved, want about 4,000", n)
	}
	// The same lines move whatever their order.
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	n := s.ApplyAll(cs)
	for _, c := range cs {
		if c.Reseau != moved[c.ID] {
			t.Fatalf("line %s moved %v in file order, %v shuffled", c.ID, moved[c.ID], c.Reseau)
		}
	}
	if n != len(moved) {
		t.Errorf("ApplyAll moved %d, want %d", n, len(moved))
	}
	// Another seed moves other lines.
	other := mustParse(t, strings.Replace(kalixia, "graine 2026", "graine 7", 1))
	same := 0
	for i := range cs {
		if m, _ := other.Moves(&cs[i]); m.Poste != "" {
			c := cs[i]
			c.Reseau = false
			if _, ok := other.Moves(&c); ok == moved[c.ID] {
				same++
			}
		}
	}
	if same == len(cs) {
		t.Error("seeds 2026 and 7 move the same lines")
	}
}

func TestApply(t *testing.T) {
	s := mustParse(t, kalixia)
	tests := []struct {
		name  string
		c     claims.Claim
		moved bool
		frais string
	}{
		// 100% of ostéopathie moves; 60 × (1 − 12.5%) = 52.50.
		{"reduced", line("o1", "a", "medecine_douce.osteopathie", "60", "0"), true, "52.50"},
		// 33.33 × 0.875 = 29.16375 → 29.16.
		{"rounded", line("o2", "a", "medecine_douce.osteopathie", "33.33", "0"), true, "29.16"},
		// 0.20 × 0.875 = 0.175 → 0.18, half away from zero.
		{"half away", line("o3", "a", "medecine_douce.osteopathie", "0.20", "0"), true, "0.18"},
		// Never below the base: 30 × 0.875 = 26.25 < 28.
		{"floor at base", line("o4", "a", "medecine_douce.osteopathie", "30", "28"), true, "28.00"},
		// 0% of lentilles: no line moves.
		{"share 0", line("l1", "a", "optique.lentilles", "100", "0"), false, "100.00"},
		{"no rule", line("g1", "a", "consult.generaliste", "30", "30"), false, "30.00"},
	}
	for _, tt := range tests {
		c := tt.c
		got := s.Apply(&c)
		if got != tt.moved || c.Reseau != tt.moved || c.Frais.String() != tt.frais {
			t.Errorf("%s: moved %v reseau %v frais %s; want %v %s", tt.name, got, c.Reseau, c.Frais, tt.moved, tt.frais)
		}
	}
	// A line already in the network stays as it is.
	c := line("o5", "a", "medecine_douce.osteopathie", "60", "0")
	c.Reseau = true
	if s.Apply(&c) || c.Frais.String() != "60.00" {
		t.Errorf("a line already in the network was changed: %s", c.Frais)
	}
	// Never below the RO the claim states.
	c = line("o6", "a", "medecine_douce.osteopathie", "40", "0")
	c.RO, c.HasRO = 3900, true
	if s.Apply(&c); c.Frais.String() != "39.00" {
		t.Errorf("frais %s below the RO of 39.00", c.Frais)
	}
}

func mustDecimal(s string) decimal.Decimal { return decimal.RequireFromString(s) }
