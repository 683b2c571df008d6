package check_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/check"
	"garantie/dsl/parser"
)

// TestConditionRegions checks the region of each condition form, negated
// or not, and of conjunctions.
func TestConditionRegions(t *testing.T) {
	with := func(f func(*check.Region)) check.Region {
		r := check.Everything()
		f(&r)
		return r
	}
	tests := []struct {
		cond string
		want check.Region
	}{
		{"age < 16", with(func(r *check.Region) { r.Age, r.NeedsAge = check.Range(0, 16), true })},
		{"age <= 16", with(func(r *check.Region) { r.Age, r.NeedsAge = check.Range(0, 17), true })},
		{"age > 16", with(func(r *check.Region) { r.Age, r.NeedsAge = check.Range(17, check.Inf), true })},
		{"age >= 16", with(func(r *check.Region) { r.Age, r.NeedsAge = check.Range(16, check.Inf), true })},
		{"enfant", with(func(r *check.Region) { r.Age, r.NeedsAge = check.Range(0, 18), true })},
		{"adulte", with(func(r *check.Region) { r.Age, r.NeedsAge = check.Range(18, 60), true })},
		{"senior", with(func(r *check.Region) { r.Age, r.NeedsAge = check.Range(60, check.Inf), true })},
		{"non adulte", with(func(r *check.Region) {
			r.Age, r.NeedsAge = check.IntSet{{Lo: 0, Hi: 18}, {Lo: 60, Hi: check.Inf}}, true
		})},
		{"anciennete >= 2 ans", with(func(r *check.Region) { r.Anciennete, r.NeedsAnciennete = check.Range(2, check.Inf), true })},
		{"reseau", with(func(r *check.Region) { r.Reseau = check.OnlyTrue })},
		{"non reseau", with(func(r *check.Region) { r.Reseau = check.OnlyFalse })},
		{"non optam", with(func(r *check.Region) { r.Optam = check.OnlyFalse })},
		{"hors parcours", with(func(r *check.Region) { r.Parcours = check.OnlyFalse })},
		{"non hors parcours", with(func(r *check.Region) { r.Parcours = check.OnlyTrue })},
		{"secteur 2", with(func(r *check.Region) { r.Secteur = 1 << 2 })},
		{"non secteur 2", with(func(r *check.Region) { r.Secteur = 1<<0 | 1<<1 | 1<<3 })},
		{"enfant et reseau et non optam", with(func(r *check.Region) {
			r.Age, r.NeedsAge, r.Reseau, r.Optam = check.Range(0, 18), true, check.OnlyTrue, check.OnlyFalse
		})},
		{"ald", with(func(r *check.Region) { r.Ald = check.OnlyTrue })},
		{"non ald", with(func(r *check.Region) { r.Ald = check.OnlyFalse })},
		{"rembourse", with(func(r *check.Region) { r.Rembourse = check.OnlyTrue })},
		{"non remboursée", with(func(r *check.Region) { r.Rembourse = check.OnlyFalse })},
		{"verres simples", with(func(r *check.Region) { r.Verres = 1 << check.VerresSimples })},
		{"verre complexe", with(func(r *check.Region) { r.Verres = 1 << check.VerresComplexes })},
		{"Verres Très Complexes", with(func(r *check.Region) { r.Verres = 1 << check.VerresTresComplexes })},
		// A claim without a type of lenses is not simple: "non verres
		// simples" holds for it, like "non secteur 2" for no secteur.
		{"non verres simples", with(func(r *check.Region) {
			r.Verres = 1<<check.NoVerres | 1<<check.VerresComplexes | 1<<check.VerresTresComplexes
		})},
		{"non verres simples et non verres complexes", with(func(r *check.Region) {
			r.Verres = 1<<check.NoVerres | 1<<check.VerresTresComplexes
		})},
		{"ANCIENNETÉ > 1 ANS et Réseau", with(func(r *check.Region) {
			r.Anciennete, r.NeedsAnciennete, r.Reseau = check.Range(2, check.Inf), true, check.OnlyTrue
		})},
	}
	for _, tt := range tests {
		t.Run(tt.cond, func(t *testing.T) {
			f, ds := parser.Parse("c.garantie", []byte("contrat \"X\"\nconsult.generaliste si "+tt.cond+": 100% BRSS\n"))
			p, cds := check.Check(f, nil)
			if ds = append(ds, cds...); len(ds) > 0 || len(p.Rules) != 1 {
				t.Fatalf("diagnostics: %v", ds)
			}
			if diff := cmp.Diff(tt.want, p.Rules[0].Cond); diff != "" {
				t.Errorf("region (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMatchNewDimensions checks that a claim point matches the regions of
// the conditions on ald, rembourse and verres, and that a region that
// does not constrain them matches whatever the claim says.
func TestMatchNewDimensions(t *testing.T) {
	region := func(cond string) check.Region {
		f, _ := parser.Parse("c.garantie", []byte("contrat \"X\"\nconsult.generaliste si "+cond+": 100% BRSS\n"))
		p, ds := check.Check(f, nil)
		if len(ds) > 0 || len(p.Rules) != 1 {
			t.Fatalf("%s: diagnostics %v", cond, ds)
		}
		return p.Rules[0].Cond
	}
	tests := []struct {
		cond  string
		point check.Point
		want  bool
	}{
		{"ald", check.Point{Ald: true}, true},
		{"ald", check.Point{}, false},
		{"non ald", check.Point{}, true},
		{"rembourse", check.Point{Rembourse: true}, true},
		{"non rembourse", check.Point{Rembourse: true}, false},
		{"verres complexes", check.Point{Verres: check.VerresComplexes}, true},
		{"verres complexes", check.Point{Verres: check.VerresTresComplexes}, false},
		{"verres complexes", check.Point{}, false},
		{"non verres complexes", check.Point{}, true},
		{"reseau", check.Point{Reseau: true, Ald: true, Verres: check.VerresSimples}, true},
	}
	for _, tt := range tests {
		if got := region(tt.cond).Match(tt.point); got != tt.want {
			t.Errorf("%s matches %+v: %t, want %t", tt.cond, tt.point, got, tt.want)
		}
	}
}
