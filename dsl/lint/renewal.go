package lint

import (
	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// checkRenewal calls short for each forfait, max or plafond of r whose
// period is shorter than need months, and none when a formula rule has no
// such period at all, so nothing stops a renewal on every claim.
func checkRenewal(r *check.Rule, need int, short func(diag.Range, check.Period), none func()) {
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
