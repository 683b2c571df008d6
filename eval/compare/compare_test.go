package compare_test

import (
	"strings"
	"testing"

	"garantie/eval/claims"
	"garantie/eval/compare"
	"garantie/eval/money"
	"garantie/eval/whatif"
)

// One line per beneficiary, dated 2026-03-01; ages on that date.
const people = `id,assure,famille,date,poste,frais,naissance
l1,pere,f1,2026-03-01,consult.generaliste,30,1980-05-01
l2,fille,f1,2026-03-01,consult.generaliste,30,2016-02-28
l3,etud,f2,2026-03-01,consult.generaliste,30,2005-03-01
l4,coloc,f2,2026-03-01,consult.generaliste,30,2003-03-02
l5,jeune,,2026-03-01,consult.generaliste,30,1995-01-01
l6,papi,f3,2026-03-01,consult.generaliste,30,1964-03-01
l7,mamie,f3,2026-03-01,consult.generaliste,30,1966-01-01
l8,anonyme,,2026-03-01,consult.generaliste,30,
l9,adulte,,2026-03-01,consult.generaliste,30,1985-01-01
`

func TestPopulation(t *testing.T) {
	cs, err := claims.ReadAll(strings.NewReader(people))
	if err != nil {
		t.Fatal(err)
	}
	pop := compare.NewPopulation(cs)
	for _, want := range []struct {
		assure  string
		age     int
		size    int
		profile compare.Profile
		band    string
	}{
		{"pere", 45, 2, compare.ProfileFamille, "40–59"},
		{"fille", 10, 2, compare.ProfileFamille, "0–17"},
		{"etud", 21, 2, compare.ProfileEtudiant, "18–25"},
		{"coloc", 22, 2, compare.ProfileEtudiant, "18–25"}, // 23 on 2026-03-02
		{"jeune", 31, 1, compare.ProfileJeuneActif, "26–39"},
		{"papi", 62, 2, compare.ProfileRetraite, "60–74"}, // 62 on the day
		{"mamie", 60, 2, compare.ProfileAutre, "60–74"},
		{"anonyme", 0, 1, compare.ProfileAutre, "inconnu"},
		{"adulte", 41, 1, compare.ProfileAutre, "40–59"},
	} {
		q, ok := pop.Person(want.assure)
		if !ok || q.Age != want.age || q.Size != want.size || q.Profile != want.profile || compare.BandOf(q) != want.band {
			t.Errorf("%s: %+v (band %s), want age %d, size %d, %s, %s", want.assure, q, compare.BandOf(q), want.age, want.size, want.profile.Label(), want.band)
		}
	}
	if pop.Len() != 9 || pop.From != pop.To {
		t.Errorf("%d people, period %v–%v", pop.Len(), pop.From, pop.To)
	}
}

func TestHistogram(t *testing.T) {
	var d compare.Diff
	for i, change := range []int64{-1000, -10, 0, 5, 990} {
		d.All = append(d.All, whatif.BeneficiaryChange{Assure: string(rune('a' + i)), ResteA: 2000, ResteB: money.Cents(2000 + change)})
	}
	bins := d.Histogram(4)
	// From -1000 to 990: a width of ceil((1990+4)/4) = 498 cents.
	want := []compare.Bin{{From: -1000, To: -502, Count: 1}, {From: -502, To: -4, Count: 1}, {From: -4, To: 494, Count: 1}, {From: 494, To: 992, Count: 1}}
	if len(bins) != len(want) {
		t.Fatalf("%+v", bins)
	}
	for i := range want {
		if bins[i] != want[i] {
			t.Errorf("bin %d: %+v, want %+v", i, bins[i], want[i])
		}
	}
}
