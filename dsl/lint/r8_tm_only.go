package lint

import (
	"garantie/dsl/check"
)

// Facts shared by the optique and hearing-aid obligations (R807 to R812):
// what part of a rule's coverage the RO's own rules already bound.

// beyondTM reports whether a formula rule pays a share of prices beyond the
// ticket modérateur: `frais reels` or a percentage of FR, or percentage
// terms on BRSS and TM that reach, with the RO, more than 100% of the base
// (above 100% BRSS in déduction mode, anything on top of the RO that
// exceeds the TM in complément mode). A rule whose percentages reach at
// most 100% of the base pays the TM at most, which is a share of the base
// that the RO's own rules (tariff, renewal) bound, not of the price.
func beyondTM(p *check.Program, r *check.Rule) bool {
	if r.Kind != check.FormulaRule {
		return false
	}
	cv := coverageOf(p, r)
	return cv.frais || cv.reach.GreaterThan(hundred)
}

// tmOnly reports whether a formula rule pays the ticket modérateur at most
// and nothing else: no per-unit amount, no forfait, nothing beyond the TM.
// Such a rule follows the RO's own rules (renewal included).
func tmOnly(p *check.Program, r *check.Rule) bool {
	return r.Kind == check.FormulaRule && !coverageOf(p, r).money && !beyondTM(p, r)
}
