package engine

import (
	"garantie/dsl/check"
	"garantie/eval/claims"
	"garantie/eval/date"
)

// choice is what applies to a line in one layer (LANGUAGE.md §3 step 2).
type choice struct {
	formula int32 // the formula rule, -1 when none holds
	// limits are the applying limit-only rules: w.limitBuf[lo:hi].
	lo, hi int
	adh    date.Day // the adhesion date, when hasAdh
	hasAdh bool
}

// choose selects the rules of layer l that apply to c, or returns the
// reason to reject the line: a rule that could apply needs the age or an
// adhesion date that the line does not give.
func (w *worker) choose(l *layerPlan, c *claims.Claim, poste int32) (choice, *Rejection) {
	sel := &l.sel[poste]
	ch := choice{formula: -1, adh: c.Adhesion, hasAdh: c.HasAdh}
	if l.hasEffet && (!ch.hasAdh || l.surco && ch.adh < l.effet) {
		// The adhesion column is that of the first layer, which may
		// predate its effet (an earlier version of the contract); a
		// surcomplémentaire's adhesion is the later of it and its effet.
		ch.adh, ch.hasAdh = l.effet, true
	}
	p := check.Point{Age: w.age, HasAge: w.hasAge, Reseau: c.Reseau, Optam: c.Optam, Parcours: c.Parcours, Secteur: int(c.Secteur),
		Ald: c.ALD, Rembourse: c.Base > 0, Verres: pointVerres[c.Verres], Sejour: pointSejour[c.TypeSejour], Etranger: c.Etranger}
	if ch.hasAdh && l.usesAnciennete {
		p.Anciennete, p.HasAnc = max(0, date.YearsBetween(ch.adh, c.Date)), true
	}
	for _, ri := range sel.guarded {
		r := &l.rules[ri]
		if !couldApply(r.cond, p) {
			continue
		}
		if r.cond.NeedsAge && !p.HasAge {
			return ch, rejection(RejectNeedsNaissance, "rule "+r.where+" needs the age of the beneficiary: the line has no naissance")
		}
		if r.needsAdh && !ch.hasAdh {
			return ch, rejection(RejectNeedsAdhesion, "rule "+r.where+" needs an adhesion date: the line has no adhesion and the contract no effet")
		}
	}
	for _, ri := range sel.formulas {
		if l.rules[ri].cond.Match(p) {
			ch.formula = ri
			break
		}
	}
	ch.lo = len(w.limitBuf)
	for _, ri := range sel.limits {
		if l.rules[ri].cond.Match(p) {
			w.limitBuf = append(w.limitBuf, ri)
		}
	}
	ch.hi = len(w.limitBuf)
	return ch, nil
}

// couldApply reports whether a region may hold for p once the age and the
// seniority it lacks are known.
func couldApply(r check.Region, p check.Point) bool {
	return r.MatchOthers(p) &&
		(!r.NeedsAge || !p.HasAge || r.Age.Contains(p.Age)) &&
		(!r.NeedsAnciennete || !p.HasAnc || r.Anciennete.Contains(p.Anciennete))
}

// pointVerres maps the claim's verres column to the conditions' lens
// types; a line without verres matches no "verres ..." condition.
var pointVerres = [...]check.Verres{
	claims.VerresUnknown:      check.NoVerres,
	claims.VerresSimple:       check.VerresSimples,
	claims.VerresComplexe:     check.VerresComplexes,
	claims.VerresTresComplexe: check.VerresTresComplexes,
}

// pointSejour maps the claim's type_sejour column to the conditions' types
// of stay; a line without one matches no "sejour ..." condition.
var pointSejour = [...]check.TypeSejour{
	claims.SejourUnknown:     check.NoSejour,
	claims.SejourMedecine:    check.SejourMedecine,
	claims.SejourChirurgie:   check.SejourChirurgie,
	claims.SejourPsychiatrie: check.SejourPsychiatrie,
	claims.SejourSMR:         check.SejourSMR,
	claims.SejourMaternite:   check.SejourMaternite,
	claims.SejourHAD:         check.SejourHAD,
}
