package engine_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/check"
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/engine"
	"garantie/eval/money"
)

// genPostes are the postes generated contracts and claims use.
var genPostes = []string{
	"consult.generaliste", "consult.specialiste", "optique.monture", "optique.lentilles",
	"dentaire.soins", "dentaire.prothese", "medecine_douce.osteopathie", "medecine_douce.chiropraxie",
	"prevention.bilan", "soins.pharmacie", "soins.auxiliaires", "hospitalisation.chambre_particuliere",
}

var genPeriods = []string{"annee civile", "12 mois glissants", "24 mois glissants", "annee contrat", "1 mois glissants"}

// genContract writes a random valid contract: per poste an unconditioned
// rule and maybe a conditioned one, and limit-only rules on families.
func genContract(rng *rand.Rand, name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "contrat %q\neffet 2023-06-15\n", name)
	if rng.IntN(3) == 0 {
		b.WriteString("mode complement\n")
	}
	period := func() string { return genPeriods[rng.IntN(len(genPeriods))] }
	famille := func() string {
		if rng.IntN(3) == 0 {
			return " par famille"
		}
		return ""
	}
	formula := func() string {
		switch rng.IntN(10) {
		case 0:
			return fmt.Sprintf("%d%% BRSS", 50+10*rng.IntN(20))
		case 1:
			return fmt.Sprintf("%d%% BRSS + forfait %d€ / %s%s", 100+25*rng.IntN(8), 10*rng.IntN(20), period(), famille())
		case 2:
			return fmt.Sprintf("%d€ / seance, max %d seances / %s", 5*rng.IntN(12), 1+rng.IntN(5), period())
		case 3:
			return fmt.Sprintf("forfait %d€ / %s%s", 10*rng.IntN(30), period(), famille())
		case 4:
			return fmt.Sprintf("frais reels, plafond %d€ / %s%s", 10*rng.IntN(40), period(), famille())
		case 5:
			return fmt.Sprintf("%d%% TM + %d.5%% FR", 10*rng.IntN(11), rng.IntN(100))
		case 6:
			return "non couvert"
		case 7:
			return fmt.Sprintf("forfait %d.5%% PMSS / %s%s", rng.IntN(5), period(), famille())
		case 8:
			return fmt.Sprintf("12.5%% BRSS + 7€ / acte + frais reels, max %d actes / %s, plafond %d€ / %s", 1+rng.IntN(6), period(), 20*rng.IntN(10), period())
		}
		return fmt.Sprintf("%d%% BRSS, plafond %d€ / %s", 100+50*rng.IntN(5), 20*rng.IntN(20), period())
	}
	conditions := []string{"age < 16", "optam", "reseau", "anciennete >= 2 ans", "non optam", "senior"}
	for _, p := range genPostes {
		if rng.IntN(6) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s: %s\n", p, formula())
		if rng.IntN(3) == 0 {
			fmt.Fprintf(&b, "%s si %s: %s\n", p, conditions[rng.IntN(len(conditions))], formula())
		}
	}
	if rng.IntN(2) == 0 {
		fmt.Fprintf(&b, "medecine_douce: plafond %d€ / %s\n", 50*rng.IntN(6), period())
	}
	if rng.IntN(2) == 0 {
		fmt.Fprintf(&b, "optique: plafond %d€ / %s%s\n", 100*rng.IntN(4), period(), famille())
	}
	if rng.IntN(2) == 0 {
		fmt.Fprintf(&b, "dentaire: carence %d mois\n", rng.IntN(7))
	}
	if rng.IntN(2) == 0 {
		b.WriteString("consult: 100% BRSS, max 3 actes / annee civile\n")
	}
	return b.String()
}

// genClaims writes n random claims for families of one to four
// beneficiaries; each beneficiary keeps one family, birth and adhesion date.
func genClaims(rng *rand.Rand, n int) []claims.Claim {
	type person struct {
		assure, famille string
		naissance, adh  date.Day
		hasNaiss        bool
	}
	var people []person
	for f := 0; len(people) < n/8+1; f++ {
		fam := fmt.Sprintf("f%d", f)
		if rng.IntN(3) == 0 {
			fam = ""
		}
		for m := range 1 + rng.IntN(4) {
			people = append(people, person{
				assure: fmt.Sprintf("a%d-%d", f, m), famille: fam,
				naissance: date.DayOf(1940+rng.IntN(85), 1+rng.IntN(12), 1+rng.IntN(28)),
				hasNaiss:  rng.IntN(20) != 0,
				adh:       date.DayOf(2020+rng.IntN(6), 1+rng.IntN(12), 1+rng.IntN(29)),
			})
			if fam == "" {
				break
			}
		}
	}
	first, last := date.DayOf(2023, 1, 1), date.DayOf(2026, 12, 31)
	out := make([]claims.Claim, n)
	for i := range out {
		p := people[rng.IntN(len(people))]
		c := claims.Claim{
			Line: i + 2, Index: i, ID: fmt.Sprintf("c%05d", i),
			Assure: p.assure, Famille: p.famille,
			Date:     first + date.Day(rng.IntN(int(last-first))),
			Poste:    genPostes[rng.IntN(len(genPostes))],
			Frais:    money.Cents(rng.IntN(30000)),
			Quantite: int64(1 + rng.IntN(3)),
			Reseau:   rng.IntN(2) == 0, Optam: rng.IntN(2) == 0, Parcours: rng.IntN(10) != 0,
			Secteur:   int8(rng.IntN(4)),
			Naissance: p.naissance, HasNaiss: p.hasNaiss,
			Adhesion: p.adh, HasAdh: rng.IntN(4) != 0,
		}
		c.Base = money.Cents(rng.IntN(int(c.Frais) + 1))
		switch rng.IntN(4) {
		case 0:
			c.RO, c.HasRO = money.Cents(rng.IntN(int(c.Base)+1)), true
		case 1:
			c.Taux, c.HasTaux = int32(rng.IntN(10001)), true
		}
		if rng.IntN(5) == 0 {
			c.PF, c.HasPF = money.Cents(rng.IntN(300)), true
		}
		if rng.IntN(7) == 0 {
			c.Date = date.DayOf(2024, 5, 15) // many lines of one day: daily caps
		}
		out[i] = c
	}
	return out
}

// genEngine compiles one or two random contracts with the given options.
func genEngine(t *testing.T, seed uint64, opts engine.Options) *engine.Engine {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	progs := []*check.Program{mustCompileFile(t, "base.garantie", genContract(rng, "Base"))}
	if rng.IntN(2) == 0 {
		progs = append(progs, mustCompileFile(t, "surco.garantie", genContract(rng, "Surco")))
	}
	e, err := engine.New(progs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

const propertySeeds = 40

// TestPropertyInvariants checks on generated contracts and claims that
// every line conserves money to the cent, that each layer pays between 0
// and what is left, and that no envelope or counter is overdrawn.
func TestPropertyInvariants(t *testing.T) {
	for seed := range uint64(propertySeeds) {
		e := genEngine(t, seed, engine.Options{Workers: 2})
		claims := genClaims(rand.New(rand.NewPCG(seed, 2)), 3000)
		s := e.NewSession()
		res := make([]engine.Result, len(claims))
		s.Evaluate(claims, res)
		evaluated := 0
		for i, r := range res {
			if r.Line != claims[i].Line || r.ID != claims[i].ID {
				t.Fatalf("seed %d: result %d is for line %d, want %d", seed, i, r.Line, claims[i].Line)
			}
			if r.Err != nil {
				continue
			}
			evaluated++
			if r.Frais != r.RONet+r.RC+r.Reste || r.ROBrut != r.RONet+r.PF || r.RONet < 0 || r.PF < 0 {
				t.Fatalf("seed %d line %d: frais %s RO brut %s PF %s RO net %s RC %s reste %s", seed, r.Line, r.Frais, r.ROBrut, r.PF, r.RONet, r.RC, r.Reste)
			}
			paid, sum := r.ROBrut, money.Cents(0)
			for k, c := range r.Couches {
				left := max(0, r.Frais-paid)
				if c.RC < 0 || c.RC > left {
					t.Fatalf("seed %d line %d layer %d: RC %s outside [0, %s]", seed, r.Line, k+1, c.RC, left)
				}
				paid += c.RC
				sum += c.RC
			}
			if sum != r.RC {
				t.Fatalf("seed %d line %d: couches total %s, RC %s", seed, r.Line, sum, r.RC)
			}
		}
		if evaluated < len(claims)/2 {
			t.Fatalf("seed %d: only %d of %d lines evaluated", seed, evaluated, len(claims))
		}
		if err := engine.CheckEnvelopes(s); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
}

// byID indexes results by claim id.
func byID(res []engine.Result) map[string]engine.Result {
	m := map[string]engine.Result{}
	for _, r := range res {
		m[r.ID] = r
	}
	return m
}

// TestPropertyOrderAndWorkers checks that results depend neither on the
// order of the lines, nor on the number of workers, nor on how the claims
// are split into batches of consecutive dates.
func TestPropertyOrderAndWorkers(t *testing.T) {
	for seed := range uint64(propertySeeds / 2) {
		input := genClaims(rand.New(rand.NewPCG(seed, 2)), 2000)
		one := genEngine(t, seed, engine.Options{Workers: 1, Explain: true})
		four := genEngine(t, seed, engine.Options{Workers: 4, Explain: true})
		want := one.Evaluate(input)
		if diff := cmp.Diff(want, four.Evaluate(input)); diff != "" {
			t.Fatalf("seed %d: 1 and 4 workers differ (-1 +4):\n%s", seed, diff)
		}

		shuffled := slices.Clone(input)
		rand.New(rand.NewPCG(seed, 3)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if diff := cmp.Diff(byID(want), byID(four.Evaluate(shuffled))); diff != "" {
			t.Fatalf("seed %d: shuffled lines differ (-in order +shuffled):\n%s", seed, diff)
		}

		sorted := slices.Clone(shuffled)
		slices.SortStableFunc(sorted, func(a, b claims.Claim) int { return int(a.Date - b.Date) })
		s := four.NewSession()
		var got []engine.Result
		for lo := 0; lo < len(sorted); {
			hi := lo + 1
			for hi < len(sorted) && (hi-lo < 150 || sorted[hi].Date == sorted[hi-1].Date) {
				hi++
			}
			out := make([]engine.Result, hi-lo)
			s.Evaluate(sorted[lo:hi], out)
			got = append(got, out...)
			lo = hi
		}
		if diff := cmp.Diff(byID(want), byID(got)); diff != "" {
			t.Fatalf("seed %d: batches differ (-one batch +batches):\n%s", seed, diff)
		}
	}
}
