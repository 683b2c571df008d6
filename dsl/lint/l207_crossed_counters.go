package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/dsl/diag"
)

// crossedCounters warns when a beneficiary can draw on the counters of two
// rules of one poste within one period by growing older or more senior.
var crossedCounters = newRule(diag.Info{
	Code:     "L207",
	Title:    "counters a beneficiary can cross",
	Severity: diag.Warning,
	Doc: "Each rule owns its envelopes and counters (LANGUAGE.md §1): two rules of one poste never share a `forfait`, a `plafond` or a `max`. " +
		"When an age or seniority threshold separates two such rules, a beneficiary who crosses it moves from one rule to the other and draws on both in one period: " +
		"with `optique.monture si age < 16: forfait 80€ / 12 mois glissants` and `optique.monture: forfait 100€ / 24 mois glissants`, a child turning 16 gets two frames " +
		"31 days apart; with `dentaire.implant: 500€ / acte, max 3 actes / annee civile` and `dentaire.implant si anciennete >= 2 ans: 700€ / acte, max 3 actes / annee civile`, " +
		"a member reaching two years of seniority in June gets six implants that year. " +
		"The fix is one counter both rules draw on: a limit-only rule on the poste, which every claim under it meets whichever formula rule applies. " +
		"The suggested edit inserts it before the first of the two rules: the common `max` of the two rules (the larger count over the shorter period) when both count the same unit, " +
		"else, when both have envelopes, one equipment (optique) or two ears (audiologie) over the shorter period of their envelopes, or a `plafond` of the larger envelope over the shorter period (in euros, an envelope in % PMSS converted at the effet; none when an envelope is RO inclus, which a plafond of the RC would not match). " +
		"A per-rule `max` equal to the shared one is then redundant and can be removed. No limit is proposed that R814 would reject (a max or plafond over a ticket modérateur or a 100% Santé basket, other than a renewal counter): the hint then only asks for a shared limit. The warning is not given once such a shared limit applies to both rules.",
	Example: "dentaire.implant: 500€ / acte, max 3 actes / annee civile\ndentaire.implant si anciennete >= 2 ans: 700€ / acte, max 3 actes / annee civile",
}, false, func(p *check.Program, report reporter) {
	type pair struct{ before, after *check.Rule }
	seen := map[pair]bool{}
	for _, code := range claimPostes(p) {
		cands := pathRules(p, code)
		if !slices.ContainsFunc(cands.rules, hasState) {
			continue
		}
		for _, a := range cands.at() {
			pt, before, limitsBefore := a.pt, a.formula, a.limits
			if before == nil || !hasState(before) {
				continue
			}
			for _, next := range successors(pt) {
				after, limitsAfter := applying(cands, next)
				if after == nil || after == before || !hasState(after) || seen[pair{before, after}] {
					continue
				}
				if shared(before, after, limitsBefore, limitsAfter) {
					continue
				}
				seen[pair{before, after}] = true
				reportCrossing(p, report, before, after, crossingText(pt, next))
			}
		}
	}
})

// hasState reports whether a rule has an envelope or a counter of its
// own: a forfait, a max or a plafond.
func hasState(r *check.Rule) bool {
	if _, ok := hasLimit(r, check.Max, check.Plafond); ok {
		return true
	}
	return slices.ContainsFunc(r.Terms, func(t check.Term) bool { return t.Kind == check.Forfait })
}

// successors returns the claims of the same beneficiary one birthday, one
// adhesion anniversary, or both, later.
func successors(pt check.Point) []check.Point {
	older, senior, both := pt, pt, pt
	older.Age++
	senior.Anciennete++
	both.Age++
	both.Anciennete++
	return []check.Point{older, senior, both}
}

// crossingText describes the threshold crossed between two claims.
func crossingText(from, to check.Point) string {
	var parts []string
	if to.Age != from.Age {
		parts = append(parts, fmt.Sprintf("turning %d", to.Age))
	}
	if to.Anciennete != from.Anciennete {
		parts = append(parts, fmt.Sprintf("reaching %d years of membership", to.Anciennete))
	}
	return strings.Join(parts, " and ")
}

// shared reports whether a limit-only rule applying on both sides of the
// threshold bounds the two rules together: a max in a unit either rule
// counts, or, when neither counts units, any max or plafond.
func shared(a, b *check.Rule, limitsA, limitsB []*check.Rule) bool {
	var units []check.Unit
	for _, r := range []*check.Rule{a, b} {
		for _, l := range r.Limits {
			if l.Kind == check.Max {
				units = append(units, l.Unit)
			}
		}
	}
	for _, r := range limitsA {
		if !slices.Contains(limitsB, r) {
			continue
		}
		for _, l := range r.Limits {
			switch {
			case l.Kind == check.Max && (len(units) == 0 || slices.Contains(units, l.Unit)):
				return true
			case l.Kind == check.Plafond && len(units) == 0:
				return true
			}
		}
	}
	return false
}

// reportCrossing reports the crossing from rule before to rule after at
// the rule after, with the shared limit as a suggested edit.
func reportCrossing(p *check.Program, report reporter, before, after *check.Rule, crossing string) {
	poste := before.Poste
	if after.Depth > before.Depth {
		poste = after.Poste
	}
	limit, redundant := sharedLimit(p, poste, before, after)
	d := report(after.Node.Range, "a beneficiary %s moves from the rule at line %d to this one, and each rule has its own counters and envelopes, so both can be drawn on within one period; share one limit between them",
		crossing, before.Line)
	d.Related = &diag.Related{Range: before.Node.Range, Message: "the rule applied before the threshold"}
	if limit == "" {
		d.Hint = fmt.Sprintf("add a limit-only rule on %s with a max or plafond both rules draw on", poste)
		return
	}
	text := poste + ": " + limit
	first := before
	if after.Index < first.Index {
		first = after
	}
	d.Hint = fmt.Sprintf("add the rule `%s` before line %d (the suggested edit inserts it)", text, first.Line)
	if redundant != "" {
		d.Hint += fmt.Sprintf(", then remove `, %s` from lines %d and %d, which it makes redundant", redundant, min(before.Line, after.Line), max(before.Line, after.Line))
	}
	start := first.Node.Range.Start
	sep := "\n"
	if start.Col != 1 {
		sep = "; "
	}
	d.Fix = &diag.Edit{Range: diag.Range{Start: start, End: start}, NewText: text + sep}
}

// sharedLimit returns the text of the limit two crossed rules should share
// on a limit-only rule of poste, "" when none can be proposed, and the
// text of their own max when both have that very one (so it becomes
// redundant).
func sharedLimit(p *check.Program, poste string, a, b *check.Rule) (limit, redundant string) {
	var maxA, maxB []check.Limit
	for _, l := range a.Limits {
		if l.Kind == check.Max {
			maxA = append(maxA, l)
		}
	}
	for _, l := range b.Limits {
		if l.Kind == check.Max {
			maxB = append(maxB, l)
		}
	}
	for _, la := range maxA {
		for _, lb := range maxB {
			if la.Unit != lb.Unit {
				continue
			}
			m := la
			m.Count = max(la.Count, lb.Count)
			if months(lb.Period) < months(la.Period) {
				m.Period = lb.Period
			}
			if !mayShare(p, poste, m) {
				return "", ""
			}
			text := maxText(m)
			if text == maxText(la) && text == maxText(lb) {
				redundant = text
			}
			return text, redundant
		}
	}
	var period *check.Period
	amount := decimal.Zero
	envelopes := 0
	roInclus := false
	for _, r := range []*check.Rule{a, b} {
		found := false
		for _, t := range r.Terms {
			if t.Kind == check.Forfait {
				period, found = shorter(period, t.Period), true
				amount = decimal.Max(amount, euros(p, t.Amount))
				roInclus = roInclus || t.ROInclus
			}
		}
		for _, l := range r.Limits {
			if l.Kind == check.Plafond {
				period, found = shorter(period, l.Period), true
				amount = decimal.Max(amount, euros(p, l.Amount))
				roInclus = roInclus || l.ROInclus
			}
		}
		if found {
			envelopes++
		}
	}
	if envelopes < 2 {
		return "", ""
	}
	switch m := (check.Limit{Kind: check.Max, Count: 1, Unit: "equipement", Period: *period}); {
	case under(poste, "optique") && mayShare(p, poste, m):
		return maxText(m), ""
	case under(poste, "audiologie"):
		m.Count, m.Unit = 2, "oreille"
		if mayShare(p, poste, m) {
			return maxText(m), ""
		}
	}
	if roInclus || !mayShare(p, poste, check.Limit{Kind: check.Plafond}) {
		// A shared plafond of the RC alone would not match envelopes
		// that include the RO.
		return "", ""
	}
	return "plafond " + amount.String() + "€ / " + periodText(*period), ""
}

// mayShare reports whether a limit-only rule with limit l may stand on
// poste: in a contrat responsable, R814 rejects a max or plafond over a
// 100% Santé basket or a ticket modérateur (on the poste or below it),
// except a counter that follows the legal renewal.
func mayShare(p *check.Program, poste string, l check.Limit) bool {
	if !p.Responsable {
		return true
	}
	for _, code := range append(claimPostes(p), poste) {
		if !under(code, poste) {
			continue
		}
		if _, owed := obligation(code); owed && !renewalCounter(code, l) {
			return false
		}
	}
	return true
}

// shorter returns the shorter of a period and pd (pd when there is none).
func shorter(cur *check.Period, pd check.Period) *check.Period {
	if cur == nil || months(pd) < months(*cur) {
		return &pd
	}
	return cur
}

// maxText renders a max limit as the language writes it.
func maxText(l check.Limit) string {
	unit := string(l.Unit)
	if l.Count > 1 {
		unit += "s"
	}
	return fmt.Sprintf("max %d %s / %s", l.Count, unit, periodText(l.Period))
}
