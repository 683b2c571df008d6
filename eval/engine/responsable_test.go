package engine_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/engine"
	"garantie/eval/money"
	"garantie/regles"
)

// The check ⇔ eval agreement (LANGUAGE.md, issue 8): for every contract
// that declares "responsable" and that check accepts, on every line eval
// evaluates, the law holds. The property is asserted on every contract the
// type-checker accepts, whatever the linter would say of it: the engine
// applies the law to any responsable contract. The expectations are
// computed here from regles directly, not from the engine's plan.

// respPostes are the real postes of the generated contracts and claims.
var respPostes = []string{
	"consult.generaliste", "consult.specialiste", "soins.imagerie", "soins.auxiliaires", "soins.analyses",
	"hospitalisation.honoraires", "hospitalisation.chambre_particuliere", "hospitalisation.urgences",
	"optique.equipement_100_sante", "optique.monture", "optique.verres", "optique.lentilles",
	"dentaire.soins", "dentaire.prothese_100_sante", "dentaire.prothese", "dentaire.implant",
	"audiologie.aide_100_sante", "audiologie.aide", "medecine_douce.osteopathie", "prestations.cure_thermale",
}

// allPostes are every code of the nomenclature, families included: the
// claims of the property.
var allPostes = func() []string {
	var out []string
	for _, p := range regles.Postes() {
		out = append(out, p.Code)
	}
	return out
}()

var respFamilies = []string{"consult", "soins", "hospitalisation", "optique", "dentaire", "audiologie"}

// respContract writes a random responsable contract from a menu of rule
// shapes over the real postes: percentages (PLV on the baskets), frais
// reels, per-unit amounts, forfaits (RO inclus), limits, conditions, and
// family-level formula and limit-only rules.
func respContract(p *picker, name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "contrat %q\neffet 2019-01-01\nresponsable\n", name)
	if p.n(4) == 0 {
		b.WriteString("mode complement\n")
	}
	seen := map[string]bool{}
	for range 2 + p.n(8) {
		poste := pick(p, append(respPostes, respFamilies...)...)
		if p.n(4) == 0 {
			poste += " si " + pick(p, "optam", "non optam", "enfant", "age < 20", "ald", "rembourse", "verres simples", "verres complexes", "hors parcours")
		}
		if seen[poste] {
			continue
		}
		seen[poste] = true
		var terms []string
		for range 1 + p.n(2) {
			switch p.n(6) {
			case 0, 1:
				base := pick(p, "BRSS", "BRSS", "TM", "FR")
				if strings.Contains(poste, "100_sante") {
					base = pick(p, "PLV", "PLV", "BRSS")
				}
				terms = append(terms, pick(p, "50", "100", "100", "125", "150", "200", "300")+"% "+base)
			case 2:
				terms = append(terms, "frais reels")
			case 3:
				terms = append(terms, pick(p, "10", "40", "60")+"€ / "+pick(p, "acte", "jour", "oeil"))
			default:
				terms = append(terms, "forfait "+pick(p, "50", "150", "300")+"€ / "+pick(p, "annee civile", "24 mois glissants")+pick(p, "", " RO inclus"))
			}
		}
		rule := poste + ": " + strings.Join(terms, " + ")
		switch p.n(5) {
		case 0:
			rule += fmt.Sprintf(", max %d %s / annee civile", 1+p.n(3), pick(p, "actes", "equipements"))
		case 1:
			rule += ", plafond " + pick(p, "100", "500") + "€ / annee civile" + pick(p, "", " RO inclus")
		case 2:
			rule += ", carence 3 mois"
		}
		b.WriteString(rule + "\n")
	}
	for range p.n(3) {
		fam := pick(p, respFamilies...)
		if seen[fam] {
			continue
		}
		seen[fam] = true
		fmt.Fprintf(&b, "%s: %s\n", fam, pick(p, "plafond 300€ / annee civile", "max 2 actes / annee civile", "plafond 1000€ / annee civile par famille"))
	}
	return b.String()
}

// respClaims writes random claims on every poste of the nomenclature: hors parcours, OPTAM or
// not, secteurs, ages under 16 and under 20, equipment ids, verres, dates
// from 2019 to 2026.
func respClaims(p *picker) []claims.Claim {
	n := 1 + p.n(20)
	births := []date.Day{date.DayOf(2012, 5, 1), date.DayOf(2008, 2, 29), date.DayOf(1960, 1, 1), date.DayOf(1990, 7, 14)}
	out := make([]claims.Claim, n)
	for i := range out {
		k := p.n(4)
		c := claims.Claim{
			Line: i + 2, Index: i, ID: fmt.Sprintf("c%02d", i), Assure: fmt.Sprintf("a%d", k),
			Date:     date.DayOf(2019+p.n(8), 1+p.n(12), 1+p.n(28)),
			Poste:    pick(p, allPostes...),
			Quantite: int64(1 + p.n(2)),
			Optam:    p.n(2) == 0, Parcours: p.n(4) != 0, Secteur: int8(p.n(4)), ALD: p.n(10) == 0,
			Naissance: births[k], HasNaiss: k != 3 || p.n(2) == 0,
			Professionnel: pick(p, "", "p1", "p2"), Equipement: pick(p, "", "e1", "e2"), Verres: claims.Verres(p.n(4)),
		}
		c.Frais = money.Cents(100 * pick(p, 20, 30, 60, 100, 115, 150, 210, 300, 500, 950, 1400, 2000, 2400))
		c.Base = money.Cents(min(int(c.Frais), 100*pick(p, 0, 9, 20, 30, 120, 400, 1400)))
		if p.n(8) == 0 {
			c.Taux, c.HasTaux = int32(pick(p, 3000, 6000, 7000)), true
		}
		// The participation the RO withholds: the forfait patient
		// urgences on a passage aux urgences, 24 € on a heavy act.
		switch {
		case under2(c.Poste, "hospitalisation.urgences") && p.n(4) != 0:
			c.Participation = 1961
		case c.Base >= 12000 && p.n(4) == 0:
			c.Participation = 2400
		}
		out[i] = c
	}
	return out
}

// majorationOf is the hors-parcours majoration of c from regles: round(base
// × R) − RO brut with R the rate within the parcours, at least 0.
func majorationOf(c claims.Claim, brut money.Cents) money.Cents {
	if c.Parcours || c.Base == 0 {
		return 0
	}
	r, err := regles.Default().Taux(regles.RateQuery{Poste: c.Poste, Date: c.Date.Time(), ALD: c.ALD})
	if err != nil {
		return 0
	}
	rate, _ := money.PercentRate(r)
	return max(0, rate.Of(c.Base)-brut)
}

func under2(code, poste string) bool { return code == poste || strings.HasPrefix(code, poste+".") }

// euros reads a reference value in cents.
func euros(t *testing.T, name regles.Name, d date.Day) money.Cents {
	v, err := regles.Default().Value(name, d.Time())
	if err != nil {
		t.Fatal(err)
	}
	return money.Cents(v.Shift(2).IntPart())
}

// equipKey identifies a classe B equipment of a beneficiary.
type equipKey struct{ assure, id string }

// lawChecks counts the lines each assertion of the law looked at, so that
// the property test can tell it did not pass vacuously.
type lawChecks struct{ sante100, tm, fpu, honoraires, classeII, classeB int }

// checkResponsable asserts the law on the results of one evaluation.
func checkResponsable(t *testing.T, input []claims.Claim, res []engine.Result, src string, n *lawChecks) {
	t.Helper()
	type equipSum struct {
		first     date.Day
		rc, frame money.Cents
	}
	equips := map[equipKey]*equipSum{}
	order := make([]int, len(input))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(input[a].Date, input[b].Date), strings.Compare(input[a].ID, input[b].ID))
	})
	for _, i := range order {
		c, r := input[i], res[i]
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("line %s (%s %s frais %s base %s parcours %v optam %v): %s\n%s", c.ID, c.Date, c.Poste, c.Frais, c.Base, c.Parcours, c.Optam,
				fmt.Sprintf(format, args...), src)
		}
		if err := checkLine(r); err != nil {
			fail("%v", err)
		}
		if r.Err != nil {
			continue
		}
		maj := majorationOf(c, r.ROBrut)
		brut := r.ROBrut + maj
		// Majoration, PF and franchises never paid (the participation
		// may be).
		if most := max(0, c.Frais-brut+r.Participation); r.RC > most {
			fail("RC %s above frais − RO brut within the parcours + participation %s", r.RC, most)
		}
		age := -1
		if c.HasNaiss {
			age = date.YearsBetween(c.Naissance, c.Date)
		}
		variante := ""
		if under2(c.Poste, "optique.equipement_100_sante") {
			variante = c.Verres.String()
		}
		// 100% Santé at or below its limit: no reste beyond pf (and the
		// majoration, which the law does not pay either).
		if l, ok := regles.PriceLimit(c.Poste, c.Date.Time(), age, variante); ok {
			limit := money.Cents(l.Limite.Mul(decimal.NewFromInt(c.Quantite)).Shift(2).IntPart())
			n.sante100++
			if c.Frais <= limit && r.Reste > r.PF+maj {
				fail("100%% Santé within its limit %s: reste %s above pf %s + majoration %s", limit, r.Reste, r.PF, maj)
			}
		}
		ceiling := under2(c.Poste, "audiologie.aide") || under2(c.Poste, "optique.monture") || under2(c.Poste, "optique.verres")
		// The ticket modérateur in full where required.
		entry, _ := regles.LookupPoste(c.Poste)
		if entry.RO != regles.RONone && !regles.TicketModerateurFacultatif(c.Poste) && c.Base > 0 && !ceiling {
			n.tm++
			if tm := min(max(0, c.Base-brut), max(0, c.Frais-brut)); r.RC < tm {
				fail("TM %s not paid in full: RC %s", tm, r.RC)
			}
		}
		// The forfait patient urgences the RO withheld, in full.
		if regles.ParticipationObligatoire(c.Poste) && r.Participation > 0 {
			n.fpu++
			if fpu := min(r.Participation, max(0, c.Frais-(brut-r.Participation))); r.RC < fpu {
				fail("forfait patient urgences %s not paid in full: RC %s", fpu, r.RC)
			}
		}
		// Non-OPTAM doctors' fees within 200% of the base.
		if regles.HonorairesMedicaux(c.Poste) && !c.Optam && c.Base > 0 {
			n.honoraires++
		}
		if regles.HonorairesMedicaux(c.Poste) && !c.Optam && c.Base > 0 && r.RC > 0 && brut-r.Participation+r.RC > 2*c.Base {
			fail("non-OPTAM: RO brut %s − participation %s + RC %s above 200%% of base %s", brut, r.Participation, r.RC, c.Base)
		}
		// Classe II within 1,700 € per ear, RO included.
		if under2(c.Poste, "audiologie.aide") && r.RC > 0 {
			n.classeII++
			if cap := euros(t, regles.AideAuditiveClasseIIPlafond, c.Date) * money.Cents(c.Quantite); r.ROBrut-r.Participation+r.RC > cap {
				fail("classe II: RO brut %s − participation %s + RC %s above %s", r.ROBrut, r.Participation, r.RC, cap)
			}
		}
		// Classe B: the grid maximum per equipment, the frame within 100 €.
		if b := under2(c.Poste, "optique.verres"); b || under2(c.Poste, "optique.monture") {
			grid := map[claims.Verres]regles.Name{claims.VerresSimple: regles.OptiqueClasseBSimpleMax, claims.VerresComplexe: regles.OptiqueClasseBComplexeMax}[c.Verres]
			if grid == "" {
				grid = regles.OptiqueClasseBTresComplexeMax
			}
			e := &equipSum{first: c.Date}
			if c.Equipement != "" {
				k := equipKey{c.Assure, c.Equipement}
				if old := equips[k]; old != nil && c.Date-old.first < 366 {
					e = old
				}
				equips[k] = e
			}
			n.classeB++
			e.rc += r.RC
			if !b {
				e.frame += r.RC
			}
			if e.rc > euros(t, grid, c.Date) || e.frame > euros(t, regles.OptiqueClasseBMontureMax, c.Date) {
				fail("classe B equipment %q: RC %s (frame %s) above the grid", c.Equipement, e.rc, e.frame)
			}
		}
	}
}

// respBody is one run of the property: a random responsable contract
// (one or two layers) the checker accepts, random claims, the law on
// every line.
func respBody(t *testing.T, data []byte) { respRun(t, data, &lawChecks{}) }

// respRun is respBody, counting the lines each assertion looked at.
func respRun(t *testing.T, data []byte, n *lawChecks) {
	p := &picker{data: data}
	srcs := []string{respContract(p, "Base")}
	if p.n(4) == 0 {
		srcs = append(srcs, respContract(p, "Surco"))
	}
	var progs []*check.Program
	for i, src := range srcs {
		prog, ok := compileFuzz(fmt.Sprintf("r%d.garantie", i+1), src)
		if !ok {
			t.Skip("the checker refuses the contract")
		}
		progs = append(progs, prog)
	}
	e, err := engine.New(progs, engine.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	input := respClaims(p)
	checkResponsable(t, input, e.Evaluate(input), strings.Join(srcs, "---\n"), n)
}

// TestResponsableProperty runs the property on fixed seeds.
func TestResponsableProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 871))
	ran := 0
	var n lawChecks
	for range 400 {
		data := make([]byte, 400)
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		ok := t.Run("", func(t *testing.T) { respRun(t, data, &n) })
		if !ok {
			break
		}
		ran++
	}
	if ran < 100 {
		t.Errorf("only %d runs", ran)
	}
	if n.sante100 < 20 || n.tm < 20 || n.fpu < 20 || n.honoraires < 20 || n.classeII < 20 || n.classeB < 20 {
		t.Errorf("too few lines checked: %+v", n)
	}
	t.Logf("lines checked: %+v", n)
}

// FuzzResponsable is the property as a fuzz target.
func FuzzResponsable(f *testing.F) {
	rng := rand.New(rand.NewPCG(871, 2))
	for range 16 {
		seed := make([]byte, 400)
		for i := range seed {
			seed[i] = byte(rng.Uint32())
		}
		f.Add(seed)
	}
	f.Fuzz(respBody)
}
