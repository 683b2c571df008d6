package check

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// region builds a region from a list of one-dimension constraints.
func region(parts ...func(*Region)) Region {
	r := Everything()
	for _, p := range parts {
		p(&r)
	}
	return r
}

func ages(lo, hi int) func(*Region) {
	return func(r *Region) { r.Age = r.Age.Intersect(Range(lo, hi)); r.NeedsAge = true }
}
func seniority(lo, hi int) func(*Region) {
	return func(r *Region) { r.Anciennete = r.Anciennete.Intersect(Range(lo, hi)); r.NeedsAnciennete = true }
}
func reseau(v bool) func(*Region) {
	return func(r *Region) { r.Reseau &= pickBools(v) }
}
func optam(v bool) func(*Region) {
	return func(r *Region) { r.Optam &= pickBools(v) }
}
func secteurs(s Secteurs) func(*Region) {
	return func(r *Region) { r.Secteur &= s }
}

func lenses(s VerresSet) func(*Region) {
	return func(r *Region) { r.Verres &= s }
}

func pickBools(v bool) Bools {
	if v {
		return OnlyTrue
	}
	return OnlyFalse
}

func TestFindAmbiguities(t *testing.T) {
	tests := []struct {
		name  string
		rules []Region
		want  []string // "i-j" pairs of ambiguous rules
	}{
		{"enfant and reseau", []Region{region(ages(0, 18)), region(reseau(true))}, []string{"0-1"}},
		{"overlap rule resolves", []Region{region(ages(0, 18)), region(reseau(true)), region(ages(0, 18), reseau(true))}, nil},
		{"contained age", []Region{region(ages(0, 16)), Everything()}, nil},
		{"age < 10 inside enfant", []Region{region(ages(0, 10)), region(ages(0, 18))}, nil},
		{"optam and non optam", []Region{region(optam(true)), region(optam(false))}, nil},
		{"overlapping ages", []Region{region(ages(0, 20)), region(ages(10, Inf))}, []string{"0-1"}},
		{"disjoint ages", []Region{region(ages(0, 20)), region(ages(20, Inf))}, nil},
		{"three dimensions, one pair resolved", []Region{
			region(ages(0, 18)), region(reseau(true)), region(ages(0, 18), reseau(true)), region(optam(true)),
		}, []string{"2-3", "0-3", "1-3"}},
		{"sectors", []Region{region(secteurs(1 << 2)), region(secteurs(AnySecteur &^ (1 << 1)))}, nil},
		{"sectors overlap", []Region{region(secteurs(1<<2 | 1<<3)), region(secteurs(1<<1 | 1<<2))}, []string{"0-1"}},
		{"seniority and age", []Region{region(seniority(2, Inf)), region(ages(60, Inf))}, []string{"0-1"}},
		{"equal regions are duplicates, not ambiguous", []Region{region(reseau(true)), region(reseau(true))}, nil},
		{"lens types are exclusive", []Region{region(lenses(1 << VerresSimples)), region(lenses(1 << VerresComplexes)), Everything()}, nil},
		{"lens types overlap", []Region{region(lenses(1<<VerresSimples | 1<<VerresComplexes)), region(lenses(1<<VerresComplexes | 1<<NoVerres))}, []string{"0-1"}},
		{"ald and rembourse", []Region{region(func(r *Region) { r.Ald = OnlyTrue }), region(func(r *Region) { r.Rembourse = OnlyTrue })}, []string{"0-1"}},
		{"ald and non ald", []Region{region(func(r *Region) { r.Ald = OnlyTrue }), region(func(r *Region) { r.Ald = OnlyFalse })}, nil},
		{"rembourse inside everything", []Region{region(func(r *Region) { r.Rembourse = OnlyFalse }), Everything()}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := make([]*Rule, len(tt.rules))
			for i, r := range tt.rules {
				rules[i] = &Rule{Index: i, Cond: r}
			}
			var got []string
			for _, a := range findAmbiguities(rules) {
				got = append(got, fmt.Sprintf("%d-%d", a.a.Index, a.b.Index))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ambiguous pairs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFindAmbiguitiesExample checks the example claim of a reported pair:
// it must match both rules and no rule contained in both.
func TestFindAmbiguitiesExample(t *testing.T) {
	rules := []*Rule{{Cond: region(ages(0, 18))}, {Cond: region(reseau(true))}}
	got := findAmbiguities(rules)
	if len(got) != 1 {
		t.Fatalf("got %d ambiguities, want 1", len(got))
	}
	at := got[0].at
	if age := at[dimAge]; age < 0 || age >= 18 {
		t.Errorf("example age %d is not a child's", age)
	}
	if at[dimReseau] != 1 {
		t.Errorf("example is not in réseau: %v", at)
	}
	if want := "a claim for a beneficiary aged 8 in réseau"; describe(at, rules[0], rules[1]) != want {
		t.Errorf("describe = %q, want %q", describe(at, rules[0], rules[1]), want)
	}
}

// BenchmarkFindAmbiguities measures the worst shape the checker meets in
// practice: many rules on one poste, each with its own age bounds and a
// flag.
func BenchmarkFindAmbiguities(b *testing.B) {
	var rules []*Rule
	for i := range 40 {
		rules = append(rules, &Rule{Index: i, Cond: region(ages(i*2, i*2+2), reseau(i%2 == 0))})
	}
	for b.Loop() {
		findAmbiguities(rules)
	}
}
