package check

import (
	"strings"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
)

// perKind tells what the words after a "/" name.
type perKind int

const (
	perPeriod perKind = iota // a valid period
	perUnit                  // a counting unit
	perBad                   // neither; problem says why
)

// perProblem is an error found in a per clause, ready to be reported.
type perProblem struct {
	code diag.Code
	rng  diag.Range
	msg  string
	fix  *diag.Edit
}

// periodPhrases are the period forms, for suggestions.
var periodPhrases = []string{"annee civile", "an", "annee contrat", "mois glissants", "ans glissants", "sejour"}

// parsePer reads a per clause as a period or a unit.
func parsePer(per *ast.Per) (kind perKind, period Period, unit Unit, problem *perProblem) {
	words := make([]string, len(per.Words))
	for i, w := range per.Words {
		words[i] = singular(w.Name)
	}
	text := strings.Join(words, " ")
	if per.Count == nil {
		if u, ok := unitOf(text); ok && len(words) == 1 {
			return perUnit, Period{}, u, nil
		}
		switch text {
		case "annee civile", "an", "annee":
			return perPeriod, Period{Kind: AnneeCivile}, "", nil
		case "annee contrat":
			return perPeriod, Period{Kind: AnneeContrat}, "", nil
		case "sejour":
			return perPeriod, Period{Kind: Sejour}, "", nil
		case "moi glissant", "mois glissant", "an glissant", "annee glissant":
			return perBad, Period{}, "", &perProblem{code: codeMissingPeriodCount, rng: per.Range,
				msg: "a sliding period needs its length: write 24 mois glissants or 2 ans glissants"}
		}
		return perBad, Period{}, "", unknownPeriod(per)
	}
	count := per.Count
	countOK := isWhole(count.Value) && count.Value.Sign() > 0
	months := 0
	switch text {
	case "mois glissant":
		months = 1
	case "an glissant", "annee glissant":
		months = 12
	case "mois", "an", "annee":
		last := per.Words[len(per.Words)-1]
		return perBad, Period{}, "", &perProblem{code: codeUnknownPeriod, rng: per.Range,
			msg: "a period of " + count.Raw + " " + last.Raw + " must say it slides: write " + count.Raw + " " + last.Raw + " glissants",
			fix: insertAfter(last.Range, " glissants")}
	case "annee civile", "annee contrat":
		return perBad, Period{}, "", &perProblem{code: codeMissingPeriodCount, rng: count.Range,
			msg: text + " takes no number; remove " + count.Raw + " or write " + count.Raw + " mois glissants",
			fix: replace(diag.Range{Start: count.Range.Start, End: per.Words[0].Range.Start}, "")}
	default:
		return perBad, Period{}, "", unknownPeriod(per)
	}
	if !countOK {
		return perBad, Period{}, "", &perProblem{code: codeBadPeriodCount, rng: count.Range,
			msg: "the length of a period must be a whole number above 0, not " + count.Raw}
	}
	if !atMost(count, MaxMonths/int64(months)) {
		return perBad, Period{}, "", &perProblem{code: codeDurationRange, rng: count.Range,
			msg: "a period of " + count.Raw + " " + per.Words[0].Raw + " is too long: a sliding period is at most 1200 mois or 100 ans"}
	}
	return perPeriod, Period{Kind: Glissant, Months: months * int(count.Value.IntPart())}, "", nil
}

// unknownPeriod builds the error for per words that name no period.
func unknownPeriod(per *ast.Per) *perProblem {
	raw := make([]string, len(per.Words))
	names := make([]string, len(per.Words))
	for i, w := range per.Words {
		raw[i], names[i] = w.Raw, w.Name
	}
	text := strings.Join(names, " ")
	p := &perProblem{code: codeUnknownPeriod, rng: per.Range,
		msg: "unknown period " + quote(strings.Join(raw, " ")) + didYouMean(closest(text, periodPhrases)) +
			" (periods: annee civile, N mois glissants, N ans glissants, annee contrat, sejour)"}
	if len(per.Words) > 0 {
		if s := closest(text, periodPhrases); s != "" && per.Count == nil && !strings.Contains(s, "glissant") {
			p.fix = replace(per.Words[0].Range.Join(per.Words[len(per.Words)-1].Range), s)
		}
	}
	return p
}

// period checks the per clause of a forfait, max or plafond, which must
// name a period.
func (c *checker) period(per *ast.Per, what string) (Period, bool) {
	kind, period, unit, problem := parsePer(per)
	switch kind {
	case perUnit:
		rep := c.report(codeUnitNotPeriod, per.Range, "a %s is renewed per period, not per %s: write / annee civile or / 24 mois glissants", what, unit)
		if what == "forfait" {
			rep.Hint = "for an amount per " + string(unit) + ", drop forfait: 40€ / " + string(unit)
		}
		return Period{}, false
	case perBad:
		c.reportPer(problem)
		return Period{}, false
	}
	return period, true
}

// reportPer reports a problem found by parsePer.
func (c *checker) reportPer(p *perProblem) {
	c.report(p.code, p.rng, "%s", p.msg).Fix = p.fix
}

// quote renders s between typographic quotes for messages.
func quote(s string) string { return "\"" + s + "\"" }
