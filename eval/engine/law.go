package engine

import (
	"strings"

	"garantie/eval/claims"
	"garantie/eval/money"
	"garantie/regles"
)

// The law of the contrat responsable in evaluation (CSS R871-2; DOMAIN.md
// "Contrat responsable"; docs/language.md "The contrat responsable in
// evaluation"). For a layer whose contract declares "responsable", the
// engine makes the law hold whatever the table says:
//
//   - step 1: the hors-parcours majoration is never paid: the layer counts
//     RO brut as if the care were within the parcours de soins
//     (majoration, below);
//   - floors, after the contract's own steps: the 100% Santé baskets are
//     paid up to their legal price limit, the ticket modérateur in full
//     where R871-2 requires it, and the forfait patient urgences the RO
//     withholds on a passage aux urgences (the claim's participation,
//     regles.ParticipationObligatoire), even where the contract's max,
//     plafond, carence or an exhausted forfait cut it;
//   - ceilings, last: a non-OPTAM doctor's fee within 200% of the base, a
//     classe II hearing aid within 1,700 € per ear RO included, a classe
//     B optical equipment within the grid maximum of its lenses (a frame
//     within 100 €).
//
// The participation forfaitaire and the franchises are never paid by any
// layer: prev holds RO brut, which includes them.
//
// What the law adds is not charged to the contract's envelopes or
// counters (they stay within their amounts); what a ceiling takes off
// comes off the money terms, last one first, like a plafond's cut.

// posteLaw is what the contrat responsable requires on a poste.
type posteLaw struct {
	// tmRequired: the RO reimburses the poste and R871-2 requires its
	// ticket modérateur (all but regles.TicketModerateurFacultatif).
	tmRequired bool
	// fpu: a passage aux urgences, whose forfait patient urgences (the
	// claim's participation) R871-2 requires
	// (regles.ParticipationObligatoire).
	fpu bool
	// honoraires: doctors' fees (regles.HonorairesMedicaux), within 200%
	// of the base on a non-OPTAM line.
	honoraires bool
	// classeII: a classe II hearing aid (audiologie.aide and below).
	classeII bool
	// optique: a classe B frame or lenses (optique.monture,
	// optique.verres and below), within the grid per equipment.
	optique optiqueKind
}

// optiqueKind tells the classe B optique postes apart.
type optiqueKind uint8

const (
	optiqueNone optiqueKind = iota
	optiqueMonture
	optiqueVerres
)

// lawOf returns what the law requires on poste code.
func lawOf(code string) posteLaw {
	var l posteLaw
	for c := code; c != ""; c = regles.Parent(c) {
		if p, ok := regles.LookupPoste(c); ok {
			l.tmRequired = p.RO != regles.RONone && !regles.TicketModerateurFacultatif(code)
			break
		}
	}
	l.fpu = regles.ParticipationObligatoire(code)
	l.honoraires = regles.HonorairesMedicaux(code)
	l.classeII = under(code, "audiologie.aide")
	switch {
	case under(code, "optique.monture"):
		l.optique = optiqueMonture
	case under(code, "optique.verres"):
		l.optique = optiqueVerres
	}
	return l
}

// under reports whether code is poste or below it.
func under(code, poste string) bool {
	return code == poste || strings.HasPrefix(code, poste+".")
}

// lawFloor and lawCeiling name what the law changed on a layer, for its
// motif and explanation.
type (
	lawFloor   uint8
	lawCeiling uint8
)

const (
	floorNone     lawFloor = iota
	floorTM                // the ticket modérateur in full
	floorSante100          // a 100% Santé basket up to its price limit
	floorFPU               // the forfait patient urgences in full
)

const (
	ceilingNone       lawCeiling = iota
	ceilingHonoraires            // non-OPTAM doctor's fees: 200% BRSS
	ceilingClasseII              // classe II hearing aid: 1,700 € per ear
	ceilingClasseB               // classe B equipment: the grid maximum
	ceilingMonture               // classe B frame: 100 €
)

// lawRun is what the law did on a layer (part of layerRun).
type lawRun struct {
	applied    bool        // the layer is responsable
	majoration money.Cents // step 1: added to RO brut for this layer
	contract   money.Cents // what the contract's rules paid (every layer)
	final      money.Cents // what the layer pays
	floor      money.Cents // the floor's amount, when floorKind is set
	floorKind  lawFloor
	limit      money.Cents // the price limit × quantite, for floorSante100
	ceiling    money.Cents // the ceiling's room, when ceilingKind is set
	ceilKind   lawCeiling
	ceilOf     money.Cents // the legal maximum the room was computed from
}

// majoration returns what a responsable layer adds to RO brut on c: the
// hors-parcours majoration max(0, round(base × R) − RO brut), R the
// regles rate of the line as if within the parcours de soins (LANGUAGE.md
// §3 step 1). It is 0 within the parcours, without a base, and where
// regles has no rate for the poste (a family of mixed rates): there the
// line's RO stands.
func (w *worker) majoration(c *claims.Claim, info *posteInfo, brut money.Cents) money.Cents {
	if c.Parcours || c.Base == 0 {
		return 0
	}
	r, err := w.refs.rate(c, info, true)
	if err != nil || info.mixedRate {
		return 0
	}
	return max(0, r.Of(c.Base)-brut)
}

// applyLaw returns what a responsable layer pays on c given what its
// rules paid (contract): raised to the floors, then lowered to the
// ceilings. brut is RO brut for the layer (with the majoration) and paid
// what the earlier layers paid on the line, both on the whole line; prior
// is what all layers paid on the line's classe B equipment in its earlier
// lines. It records what it did in w.run.law.
func (w *worker) applyLaw(c *claims.Claim, info *posteInfo, brut, paid money.Cents, prior equipPaid, contract money.Cents) (money.Cents, *Rejection) {
	lr := &w.run.law
	lr.contract = contract
	prev := brut - w.line.part + paid
	total := contract
	if info.basket >= 0 {
		if v := w.priceLimit(c, info); v.why == "" {
			lr.limit = money.Cents(money.MulDivRound(int64(v.cents), c.Quantite, 1))
			if f := max(0, min(c.Frais, lr.limit)-prev); f > total {
				total, lr.floor, lr.floorKind = f, f, floorSante100
			}
		}
	}
	if info.law.tmRequired && c.Base > 0 {
		if f := min(max(0, c.Base-brut), max(0, c.Frais-prev)); f > total {
			total, lr.floor, lr.floorKind = f, f, floorTM
		}
	}
	if info.law.fpu && w.line.part > 0 {
		if f := min(w.line.part, max(0, c.Frais-prev)); f > total {
			total, lr.floor, lr.floorKind = f, f, floorFPU
		}
	}
	room, kind, of, err := w.ceiling(c, info, prev, paid, prior)
	if err != nil {
		return 0, err
	}
	if kind != ceilingNone && total > room {
		total, lr.ceiling, lr.ceilKind, lr.ceilOf = room, room, kind, of
	}
	return total, nil
}

// grilleMax names the classe B grid maximum of an equipment by the lens
// type of its verres column; without one, the largest (very complex
// lenses), as the engine cannot tell a lower one applies.
var grilleMax = [...]regles.Name{
	claims.VerresUnknown:      regles.OptiqueClasseBTresComplexeMax,
	claims.VerresSimple:       regles.OptiqueClasseBSimpleMax,
	claims.VerresComplexe:     regles.OptiqueClasseBComplexeMax,
	claims.VerresTresComplexe: regles.OptiqueClasseBTresComplexeMax,
}

// ceiling returns the most a responsable layer may pay on c under the
// law's ceilings, which one binds, and the legal maximum it comes from;
// ceilingNone when none applies. prev is RO brut and paid (the earlier
// layers); prior what was paid on the equipment in its earlier lines.
func (w *worker) ceiling(c *claims.Claim, info *posteInfo, prev, paid money.Cents, prior equipPaid) (money.Cents, lawCeiling, money.Cents, *Rejection) {
	switch {
	case info.law.honoraires && !c.Optam && c.Base > 0:
		of := money.Cents(money.MulDivRound(int64(c.Base), 100+regles.DepassementNonOptamMaxPct, 100))
		return max(0, of-prev), ceilingHonoraires, of, nil
	case info.law.classeII:
		per, err := w.legalValue(regles.AideAuditiveClasseIIPlafond, c)
		if err != nil {
			return 0, ceilingNone, 0, err
		}
		of := money.Cents(money.MulDivRound(int64(per), c.Quantite, 1))
		return max(0, of-prev), ceilingClasseII, of, nil
	case info.law.optique != optiqueNone:
		of, err := w.legalValue(grilleMax[c.Verres], c)
		if err != nil {
			return 0, ceilingNone, 0, err
		}
		room, kind := max(0, of-prior.rc-paid), ceilingClasseB
		if info.law.optique == optiqueMonture {
			frame, err := w.legalValue(regles.OptiqueClasseBMontureMax, c)
			if err != nil {
				return 0, ceilingNone, 0, err
			}
			if r := max(0, frame-prior.frame-paid); r < room {
				room, kind, of = r, ceilingMonture, frame
			}
		}
		return room, kind, of, nil
	}
	return 0, ceilingNone, 0, nil
}

// legalValue returns a reference value in euros at the date of care, in
// cents, or the reason to reject the line.
func (w *worker) legalValue(name regles.Name, c *claims.Claim) (money.Cents, *Rejection) {
	d, err := w.e.ref.Value(name, c.Date.Time())
	if err != nil {
		return 0, rejection(RejectNoReference, err.Error())
	}
	v, err := money.CentsOf(d)
	if err != nil {
		return 0, rejection(RejectNoReference, "regles: "+string(name)+": "+err.Error())
	}
	return v, nil
}
