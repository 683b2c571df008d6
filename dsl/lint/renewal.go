package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// checkRenewal calls short for each forfait, max or plafond of r whose
// period is shorter than need months, and none when a formula rule has no
// such period at all, so nothing stops a renewal on every claim. A rule
// that a legal renewal limit governs (see renewedBy) is not judged: its
// envelopes may be renewed more often, since no more units are covered.
func checkRenewal(p *check.Program, r *check.Rule, need int, units map[check.Unit]int64, short func(diag.Range, check.Period), none func()) {
	if renewedBy(p, r, need, units) {
		return
	}
	periods := 0
	for _, t := range r.Terms {
		if t.Kind == check.Forfait {
			periods++
			if months(t.Period) < need {
				short(t.Range, t.Period)
			}
		}
	}
	for _, l := range r.Limits {
		if l.Kind == check.Max || l.Kind == check.Plafond {
			periods++
			if months(l.Period) < need {
				short(l.Range, l.Period)
			}
		}
	}
	if periods == 0 && r.Kind == check.FormulaRule {
		none()
	}
}

// renewedBy reports whether a max follows the legal renewal on every claim
// r applies to: a max of r, or of a limit-only rule on r's poste or a
// poste above whose conditions hold wherever r's do (a shared limit), that
// counts one of units, at most its count, over at least need months
// (`max 1 equipement / 24 mois glissants`, `max 2 oreilles / 48 mois
// glissants`).
func renewedBy(p *check.Program, r *check.Rule, need int, units map[check.Unit]int64) bool {
	renews := func(rule *check.Rule) bool {
		for _, l := range rule.Limits {
			if most, ok := units[l.Unit]; ok && l.Kind == check.Max && l.Count <= most && months(l.Period) >= need {
				return true
			}
		}
		return false
	}
	if renews(r) {
		return true
	}
	for _, o := range p.Rules {
		if o.Kind == check.LimitRule && under(r.Poste, o.Poste) && within(r.Cond, o.Cond) && renews(o) {
			return true
		}
	}
	return false
}
