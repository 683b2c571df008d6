package engine_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"garantie/dsl/check"
	"garantie/dsl/parser"
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/engine"
	"garantie/eval/money"
)

// picker turns fuzz input into choices: each takes the next byte, 0 once
// the input is used up, so that the fuzzer's mutations move one choice.
type picker struct{ data []byte }

func (p *picker) n(k int) int {
	if len(p.data) == 0 {
		return 0
	}
	b := p.data[0]
	p.data = p.data[1:]
	return int(b) % k
}

func pick[T any](p *picker, xs ...T) T { return xs[p.n(len(xs))] }

var (
	fuzzPercents = []string{"0", "1", "12.5", "50", "70", "100", "150", "300", "999.99"}
	fuzzEuros    = []string{"0", "1", "5", "10", "12.34", "50", "100", "250", "1000", "99999"}
	fuzzPeriods  = []string{"annee civile", "annee contrat", "1 mois glissant", "6 mois glissants", "12 mois glissants", "24 mois glissants", "120 mois glissants"}
	fuzzConds    = []string{"age < 16", "enfant", "senior", "optam", "non optam", "reseau", "anciennete >= 2 ans", "ald", "rembourse", "non rembourse", "verres simples", "verres complexes", "non verres tres complexes",
		"sejour chirurgie", "non sejour medecine", "etranger"}
	fuzzPostes = []string{"consult.generaliste", "consult.specialiste", "optique.monture", "dentaire.soins", "dentaire.prothese", "medecine_douce.osteopathie", "prevention.bilan", "soins.auxiliaires",
		"optique.equipement_100_sante", "dentaire.prothese_100_sante", "audiologie.aide_100_sante", "audiologie.aide", "optique.verres", "hospitalisation.chambre_particuliere",
		"hospitalisation.urgences"}
	fuzzFamilies = []string{"consult", "optique", "dentaire", "medecine_douce", "soins"}
)

// fuzzContract writes a small contract from a menu of rule shapes:
// percentages, frais reels, per-unit amounts, forfaits with periods (in
// euros or PMSS, par famille), max, plafond, carence, conditions, and
// limit-only rules on families. It returns the contract and the postes of
// its formula rules. The constructs of real tables are in the menu too:
// an enveloppe and forfait NAME, porte a, plafonds per unit, au-dela and
// limite pendant.
func fuzzContract(p *picker, name string) (string, []string) {
	var b strings.Builder
	fmt.Fprintf(&b, "contrat %q\n", name)
	if p.n(3) == 0 {
		b.WriteString("responsable\n")
	}
	if p.n(4) != 0 {
		fmt.Fprintf(&b, "effet %s\n", pick(p, "2019-01-01", "2023-06-15", "2026-01-01", "2024-02-29"))
	}
	if p.n(3) == 0 {
		b.WriteString("mode complement\n")
	}
	period := func() string {
		s := pick(p, fuzzPeriods...)
		if p.n(4) == 0 {
			s += " par famille"
		}
		return s
	}
	enveloppe := p.n(3) == 0
	if enveloppe {
		fmt.Fprintf(&b, "enveloppe bien_etre forfait %s€%s / %s%s\n", pick(p, fuzzEuros...),
			pick(p, "", " porte a 90€ si anciennete >= 2 ans"), period(), pick(p, "", " RO inclus"))
	}
	seen := map[string]bool{}
	var postes []string
	for range 1 + p.n(5) {
		poste := pick(p, fuzzPostes...)
		postes = append(postes, poste)
		if p.n(3) == 0 {
			poste += " si " + pick(p, fuzzConds...)
		}
		if seen[poste] {
			continue // one formula rule per poste and conditions
		}
		seen[poste] = true
		var terms []string
		if p.n(8) == 0 {
			terms = []string{"non couvert"}
		} else {
			for range p.n(3) {
				bases := []string{"BRSS", "FR", "TM"}
				if strings.Contains(poste, "100_sante") {
					bases = append(bases, "PLV", "PLV")
				}
				terms = append(terms, pick(p, fuzzPercents...)+"% "+pick(p, bases...))
			}
			for range p.n(3) {
				switch p.n(8) {
				case 6:
					if enveloppe {
						terms = append(terms, "forfait bien_etre")
					} else {
						terms = append(terms, "frais reels")
					}
				case 7:
					terms = append(terms, "forfait "+pick(p, fuzzEuros...)+"€ porte a "+pick(p, fuzzEuros...)+"€ si "+pick(p, "anciennete >= 2 ans", "age >= 60")+" / "+period())
				case 0:
					terms = append(terms, "frais reels")
				case 1:
					terms = append(terms, pick(p, fuzzEuros...)+"€ / "+pick(p, "acte", "jour", "oeil", "enfant"))
				case 2:
					terms = append(terms, "forfait "+pick(p, fuzzEuros...)+"€ / "+period()+pick(p, "", "", " RO inclus"))
				case 3:
					terms = append(terms, pick(p, "0.5", "1,5", "10")+"% PMSS / "+pick(p, "jour", "acte", "enfant"))
				default:
					terms = append(terms, "forfait "+pick(p, "0.5", "5", "100")+"% PMSS / "+period())
				}
			}
			if len(terms) == 0 {
				terms = []string{"frais reels"}
			}
		}
		rule := poste + ": " + strings.Join(terms, " + ")
		if terms[0] != "non couvert" {
			carence := false
			for range p.n(3) {
				switch p.n(6) {
				case 3:
					rule += ", plafond " + pick(p, fuzzEuros...) + "€ / " + pick(p, "acte", "oreille", "dent", "sejour") + pick(p, "", " RO inclus")
				case 4:
					rule += ", plafond " + pick(p, fuzzEuros...) + "€ / " + period() + " au-dela " + pick(p, fuzzPercents...) + "% BRSS"
				case 5:
					rule += ", limite " + pick(p, fuzzPercents...) + "% BRSS pendant " + pick(p, "3 mois", "90 jours")
				case 0:
					rule += fmt.Sprintf(", max %d %s / %s", 1+p.n(4), pick(p, "actes", "equipements", "oreilles"), pick(p, append(fuzzPeriods, "sejour")...))
				case 1:
					rule += ", plafond " + pick(p, fuzzEuros...) + "€ / " + period() + pick(p, "", "", " RO inclus")
				default:
					if !carence {
						rule += ", carence " + pick(p, "3 mois", "6 mois", "15 jours", "24 mois")
					}
					carence = true
				}
			}
		}
		b.WriteString(rule + "\n")
	}
	for range p.n(3) {
		fam := pick(p, fuzzFamilies...)
		if seen[fam] {
			continue
		}
		seen[fam] = true
		switch p.n(3) {
		case 0:
			fmt.Fprintf(&b, "%s: plafond %s€ / %s\n", fam, pick(p, fuzzEuros...), period())
		case 1:
			fmt.Fprintf(&b, "%s: max %d actes / %s\n", fam, 1+p.n(4), pick(p, fuzzPeriods...))
		default:
			fmt.Fprintf(&b, "%s: carence %s\n", fam, pick(p, "3 mois", "6 mois", "10 jours"))
		}
	}
	return b.String(), postes
}

// fuzzClaims writes a few claims of up to three beneficiaries, each with
// one family, birth date and adhesion date (or none), so that the order of
// the lines cannot matter. Most are on postes, the others on any poste.
func fuzzClaims(p *picker, postes []string) []claims.Claim {
	type person struct {
		famille             string
		naissance, adhesion date.Day
		hasNaiss, hasAdh    bool
	}
	var people [3]person
	for k := range people {
		people[k] = person{
			famille:   pick(p, "", "f1", "f2"),
			naissance: date.DayOf(1940+p.n(86), 1+p.n(12), 1+p.n(28)), hasNaiss: p.n(5) != 0,
			adhesion: date.DayOf(2018+p.n(9), 1+p.n(12), 1+p.n(29)), hasAdh: p.n(3) != 0,
		}
	}
	n := 1 + p.n(16)
	out := make([]claims.Claim, n)
	for i := range out {
		k := p.n(3)
		who := people[k]
		c := claims.Claim{
			Line: i + 2, Index: i, ID: fmt.Sprintf("c%02d", i), Assure: fmt.Sprintf("a%d", k), Famille: who.famille,
			Date:     date.DayOf(pick(p, 2019, 2023, 2024, 2025, 2025, 2026, 2026, 2026), 1+p.n(12), 1+p.n(28)),
			Poste:    pick(p, append(postes, fuzzPostes[p.n(len(fuzzPostes))])...),
			Frais:    money.Cents(p.n(256) * pick(p, 1, 10, 100, 1000)),
			Quantite: int64(1 + p.n(3)),
			Reseau:   p.n(2) == 0, Optam: p.n(2) == 0, Parcours: p.n(8) != 0, Secteur: int8(p.n(4)), ALD: p.n(8) == 0,
			Professionnel: pick(p, "", "p1", "p2"), Equipement: pick(p, "", "e1", "e2", "e3"), Verres: claims.Verres(p.n(4)),
			TypeSejour: claims.TypeSejour(p.n(7)), Etranger: p.n(4) == 0, Sejour: pick(p, "", "s1", "s2"),
			Naissance: who.naissance, HasNaiss: who.hasNaiss,
			Adhesion: who.adhesion, HasAdh: who.hasAdh,
		}
		if c.HasNaiss && c.Naissance > c.Date {
			c.HasNaiss = false
		}
		if p.n(4) != 0 {
			c.Base = money.Cents(p.n(int(c.Frais) + 1))
		}
		switch p.n(4) {
		case 0:
			c.RO, c.HasRO = money.Cents(p.n(int(c.Base)+1)), true
		case 1:
			c.Taux, c.HasTaux = int32(pick(p, 0, 3000, 6000, 7000, 10000)), true
		}
		if p.n(5) == 0 {
			c.PF, c.HasPF = money.Cents(p.n(300)), true
		}
		if p.n(5) == 0 {
			c.Participation = money.Cents(pick(p, 1961, 2400, p.n(3000)))
		}
		out[i] = c
	}
	return out
}

// compileFuzz parses and checks src; ok is false when the menu produced a
// contract the checker refuses.
func compileFuzz(name, src string) (*check.Program, bool) {
	f, ds := parser.Parse(name, []byte(src))
	if ds.HasErrors() {
		return nil, false
	}
	prog, ds := check.Check(f, check.Regles())
	return prog, !ds.HasErrors()
}

// FuzzEngine evaluates a small random contract (one or two layers) on a
// few random claims through the public API, and checks the invariants of
// LANGUAGE.md §3 step 10 on every line: frais = RO net + Σ RC + reste,
// 0 ≤ RC ≤ left in each layer, no envelope or counter over its amount in
// any period, and results that depend neither on the order of the lines
// nor on the number of workers nor on the batches.
func FuzzEngine(f *testing.F) {
	for _, seed := range []string{
		"", "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8",
		"\x00\x02\x01\x05\x07\x02\x01\x03\x04\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f",
	} {
		f.Add([]byte(seed))
	}
	// Inputs long enough to choose everything: short ones choose 0 once
	// used up, claims of 0.00 among them.
	rng := rand.New(rand.NewPCG(9, 9))
	for range 24 {
		seed := make([]byte, 320)
		for i := range seed {
			seed[i] = byte(rng.Uint32())
		}
		f.Add(seed)
	}
	f.Fuzz(fuzzBody)
}

// fuzzBody is one run of FuzzEngine.
func fuzzBody(t *testing.T, data []byte) {
	p := &picker{data: data}
	src, postes := fuzzContract(p, "Base")
	srcs := []string{src}
	if p.n(3) == 0 {
		src, more := fuzzContract(p, "Surco")
		srcs, postes = append(srcs, src), append(postes, more...)
	}
	var progs []*check.Program
	for i, src := range srcs {
		prog, ok := compileFuzz(fmt.Sprintf("l%d.garantie", i+1), src)
		if !ok {
			t.Skip("the checker refuses the contract")
		}
		progs = append(progs, prog)
	}
	input := fuzzClaims(p, postes)
	newEngine := func(workers int) *engine.Engine {
		e, err := engine.New(progs, engine.Options{Workers: workers, Explain: true})
		if err != nil {
			t.Fatalf("New: %v\n%s", err, strings.Join(srcs, "---\n"))
		}
		return e
	}
	want := newEngine(1).Evaluate(input)
	for _, r := range want {
		if err := checkLine(r); err != nil {
			t.Fatalf("line %d: %v\n%s", r.Line, err, strings.Join(srcs, "---\n"))
		}
	}

	// Another order and three workers.
	shuffled := slices.Clone(input)
	slices.Reverse(shuffled)
	if len(shuffled) > 2 {
		k := p.n(len(shuffled))
		shuffled = append(shuffled[k:], shuffled[:k]...)
	}
	if diff := gocmp.Diff(byID(want), byID(newEngine(3).Evaluate(shuffled))); diff != "" {
		t.Fatalf("another order and 3 workers differ (-want +got):\n%s\n%s", diff, strings.Join(srcs, "---\n"))
	}

	// One line per batch in processing order, the envelopes checked
	// after each, so that every period of every envelope is.
	sorted := slices.Clone(input)
	slices.SortFunc(sorted, func(a, b claims.Claim) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), strings.Compare(a.ID, b.ID))
	})
	s := newEngine(2).NewSession()
	var got []engine.Result
	for i := range sorted {
		out := make([]engine.Result, 1)
		s.Evaluate(sorted[i:i+1], out)
		if err := engine.CheckEnvelopes(s); err != nil {
			t.Fatalf("after line %d: %v\n%s", sorted[i].Line, err, strings.Join(srcs, "---\n"))
		}
		got = append(got, out...)
	}
	if diff := gocmp.Diff(byID(want), byID(got)); diff != "" {
		t.Fatalf("one line per batch differs (-want +got):\n%s\n%s", diff, strings.Join(srcs, "---\n"))
	}
}

// paidMotif are the motifs of a layer that pays: the price above the
// legal limit, and the law of the contrat responsable.
var paidMotif = map[engine.Motif]bool{
	engine.MotifNone: true, engine.MotifPrixAuDessusLimite: true, engine.MotifLimiteInconnue: true, engine.MotifPanier100Sante: true,
	engine.MotifTicketModerateur: true, engine.MotifPlafondLegal: true, engine.MotifForfaitUrgences: true,
}

// checkLine checks the invariants of one result.
func checkLine(r engine.Result) error {
	if r.Err != nil {
		if r.RC != 0 || len(r.Couches) != 0 || r.Err.Message == "" || r.Err.Code == 0 {
			return fmt.Errorf("rejected line with RC %s, %d couches, rejection %+v", r.RC, len(r.Couches), *r.Err)
		}
		return nil
	}
	if r.Frais != r.RONet+r.RC+r.Reste || r.ROBrut != r.RONet+r.PF+r.Participation || r.RONet < 0 || r.PF < 0 || r.Participation < 0 || r.Reste < 0 {
		return fmt.Errorf("frais %s RO brut %s PF %s participation %s RO net %s RC %s reste %s", r.Frais, r.ROBrut, r.PF, r.Participation, r.RONet, r.RC, r.Reste)
	}
	// The participation withheld by the RO is not paid: a layer may pay
	// it (docs/language.md §10.6).
	paid, sum := r.ROBrut-r.Participation, money.Cents(0)
	for k, c := range r.Couches {
		left := max(0, r.Frais-paid)
		if c.RC < 0 || c.RC > left {
			return fmt.Errorf("layer %d: RC %s outside [0, %s]", k+1, c.RC, left)
		}
		if c.RC > 0 && !paidMotif[c.Motif] {
			return fmt.Errorf("layer %d pays %s with motif %q", k+1, c.RC, c.Motif)
		}
		paid += c.RC
		sum += c.RC
	}
	if sum != r.RC {
		return fmt.Errorf("couches total %s, RC %s", sum, r.RC)
	}
	return nil
}
