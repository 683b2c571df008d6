package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
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

// TestFindAmbiguitiesAgainstBruteForce compares findAmbiguities with a
// direct search over every claim point of a small space, on random
// rules: a poste is ambiguous exactly when some point matches rules none
// of which is contained in all the others, and each reported example
// point matches both rules of its pair.
func TestFindAmbiguitiesAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []func() func(*Region){
		func() func(*Region) { lo := rng.IntN(30); return ages(lo, lo+1+rng.IntN(30)) },
		func() func(*Region) { return seniority(rng.IntN(4), Inf) },
		func() func(*Region) { return reseau(rng.IntN(2) == 0) },
		func() func(*Region) { return optam(rng.IntN(2) == 0) },
		func() func(*Region) { return secteurs(Secteurs(1 + rng.IntN(15))) },
		func() func(*Region) { return lenses(VerresSet(1 + rng.IntN(15))) },
		func() func(*Region) { v := pickBools(rng.IntN(2) == 0); return func(r *Region) { r.Ald &= v } },
		func() func(*Region) { v := pickBools(rng.IntN(2) == 0); return func(r *Region) { r.Rembourse &= v } },
	}
	ambiguous := 0
	for n := range 300 {
		var rules []*Rule
		for i := range 2 + rng.IntN(5) {
			var parts []func(*Region)
			for range rng.IntN(3) {
				parts = append(parts, pieces[rng.IntN(len(pieces))]())
			}
			if r := region(parts...); !r.IsEmpty() {
				rules = append(rules, &Rule{Index: i, Cond: r})
			}
		}
		rules = distinctRegions(rules)
		found := findAmbiguities(rules)
		want := bruteAmbiguous(rules)
		if want {
			ambiguous++
		}
		if (len(found) > 0) != want {
			t.Fatalf("case %d: findAmbiguities found %d pairs, brute force says ambiguous=%t; rules:\n%s", n, len(found), want, regionsText(rules))
		}
		for _, a := range found {
			p := pointOf(a.at)
			if !a.a.Cond.Match(p) || !a.b.Cond.Match(p) {
				t.Fatalf("case %d: example %+v does not match both rules:\n%s", n, p, regionsText(rules))
			}
		}
	}
	if ambiguous < 30 || ambiguous > 270 {
		t.Errorf("%d of 300 random cases are ambiguous: the generator tests one answer only", ambiguous)
	}
}

// bruteAmbiguous searches every point of the space the random rules use.
func bruteAmbiguous(rules []*Rule) bool {
	for age := range 62 {
		for anc := range 5 {
			for bits := range 16 {
				for sect := range 4 {
					for v := range 4 {
						p := Point{Age: age, HasAge: true, Anciennete: anc, HasAnc: true, Reseau: bits&1 != 0, Optam: bits&2 != 0,
							Parcours: true, Ald: bits&4 != 0, Rembourse: bits&8 != 0, Secteur: sect, Verres: Verres(v)}
						var m []*Rule
						for _, r := range rules {
							if r.Cond.Match(p) {
								m = append(m, r)
							}
						}
						if len(m) >= 2 && !slices.ContainsFunc(m, func(a *Rule) bool {
							return !slices.ContainsFunc(m, func(b *Rule) bool { return !a.Cond.SubsetOf(b.Cond) })
						}) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// pointOf turns an example cell into a claim point; a dimension no rule
// constrains (-1) takes any value.
func pointOf(at point) Point {
	v := func(d dimension) int { return max(at[d], 0) }
	return Point{Age: v(dimAge), HasAge: true, Anciennete: v(dimAnciennete), HasAnc: true, Reseau: at[dimReseau] == 1, Optam: at[dimOptam] == 1,
		Parcours: at[dimParcours] != 0, Secteur: v(dimSecteur), Ald: at[dimAld] == 1, Rembourse: at[dimRembourse] == 1, Verres: Verres(v(dimVerres))}
}

func regionsText(rules []*Rule) string {
	var b strings.Builder
	for _, r := range rules {
		fmt.Fprintf(&b, "%d: %s\n", r.Index, dumpRegion(r.Cond))
	}
	return b.String()
}
