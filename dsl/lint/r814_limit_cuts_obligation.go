package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// limitCutsObligation checks that no limit coming from above a poste cuts
// what the law makes a contrat responsable cover in full there.
var limitCutsObligation = newRule(diag.Info{
	Code:     "R814",
	Title:    "limit cuts what the law covers in full",
	Severity: diag.Error,
	Doc: "CSS L871-1 and R871-2: a contrat responsable covers the 100% Santé baskets up to the price limit, the ticket modérateur of all care the RO reimburses and the forfait patient urgences, " +
		"whatever else the table limits. A claim meets the limits of every limit-only rule on its poste or a family above it, and, when its poste has no formula rule " +
		"of its own that holds, the limits of the family's formula rule (LANGUAGE.md §3 step 2). A `max` or `plafond` that reaches a 100% Santé poste, " +
		"or a poste with an RO rate whose ticket modérateur is due, would cut what the law requires once it is used up: " +
		"`dentaire: plafond 1000€ / annee civile` leaves a reste à charge on the second 100% Santé crown of the year, `soins: plafond 100€ / annee civile` leaves the ticket modérateur unpaid, `hospitalisation: 100% BRSS, plafond 100€ / annee civile` the forfait patient urgences of the sixth passage aux urgences of the year. " +
		"It is reported at the limit, with the postes it cuts and the sub-postes it could be moved to. " +
		"A `plafond … au-dela FORMULE` whose FORMULE still pays the obligation (at least 100% of the base with the RO, or a share of the frais; `frais reels` for a basket) cuts nothing. " +
		"Exempt are counters that follow the legal renewal the RO applies too: a `max` of at least 1 `equipement` per 12 months on optique postes, of at least 2 `oreille` per 48 months on audiologie postes. " +
		"Claims without a ticket modérateur (`non rembourse`, `ald`) may be limited on postes that owe only that. " +
		"A formula rule's own limits on its own poste are left to R803 (100% Santé) and the other obligations; the forfait journalier to R802; the cure thermale, whose ticket modérateur is optional, is exempt.",
	Example: "responsable\ndentaire: plafond 1000€ / annee civile\ndentaire.prothese_100_sante: frais reels",
}, true, func(p *check.Program, report reporter) {
	type key struct {
		rule  *check.Rule
		limit int
	}
	cut := map[key][]string{}
	var order []key
	for _, code := range claimPostes(p) {
		need, ok := obligation(code)
		if !ok {
			continue
		}
		cands := pathRules(p, code)
		for _, a := range cands.at() {
			if need == tmObligation && (!a.pt.Rembourse || a.pt.Ald) || need == fpuObligation && !a.pt.Rembourse {
				// No ticket modérateur: no base, or the RO pays it all;
				// no forfait patient urgences without the RO.
				continue
			}
			formula, limits := a.formula, a.limits
			if formula != nil && formula.Poste != code {
				limits = append(limits, formula)
			}
			for _, r := range limits {
				for i, l := range r.Limits {
					if l.Kind == check.Carence || renewalCounter(code, l) || auDelaKeeps(p, code, need, l) {
						continue
					}
					k := key{r, i}
					if !slices.Contains(cut[k], code+need) {
						if len(cut[k]) == 0 {
							order = append(order, k)
						}
						cut[k] = append(cut[k], code+need)
					}
				}
			}
		}
	}
	for _, k := range order {
		// Baskets first, then the postes whose ticket modérateur is cut.
		slices.SortStableFunc(cut[k], func(a, b string) int {
			return cmp.Compare(strings.Count(b, "100% Santé"), strings.Count(a, "100% Santé"))
		})
		l := k.rule.Limits[k.limit]
		what := "this " + limitWord(l) + " of the rule for " + k.rule.Poste
		if k.rule.Kind != check.LimitRule {
			what += ", which applies where no rule of a poste below holds,"
		}
		report(l.Range, "%s also caps %s, which a contrat responsable covers in full (CSS R871-2), and would cut it once used up; %s",
			what, listText(cut[k], 3), moveAdvice(p, k.rule, cut[k]))
	}
})

// What the law makes a contrat responsable cover in full on a poste.
const (
	basketObligation = " (a 100% Santé basket)"
	tmObligation     = " (its ticket modérateur)"
	fpuObligation    = " (its forfait patient urgences)"
)

// obligation tells what the law makes a contrat responsable cover in full
// on claims of code, as a phrase to append to the code, and whether there
// is anything: the 100% Santé basket, or the ticket modérateur of a poste
// the RO reimburses, or the forfait patient urgences the RO withholds on a
// passage aux urgences. The forfait journalier is R802's.
func obligation(code string) (string, bool) {
	entry, ok := nomenclature(code)
	switch {
	case !ok:
		return "", false
	case entry.Sante100:
		return basketObligation, true
	case regles.ParticipationObligatoire(code):
		return fpuObligation, true
	case entry.RO != regles.RONone && !regles.TicketModerateurFacultatif(code):
		return tmObligation, true
	}
	return "", false
}

// auDelaKeeps reports whether l is a plafond whose `au-dela` formula still
// pays what the law requires on code once the plafond is used up: the
// ticket modérateur or the forfait patient urgences when it reaches 100%
// of the base with the RO or pays a share of the frais (as R801 judges a
// formula), a 100% Santé basket only with frais reels.
func auDelaKeeps(p *check.Program, code, need string, l check.Limit) bool {
	if len(l.AuDela) == 0 {
		return false
	}
	if need == basketObligation {
		return slices.ContainsFunc(l.AuDela, func(t check.Term) bool { return t.Kind == check.FraisReels })
	}
	cv := termsCoverage(p, l.AuDela, code)
	return cv.frais || cv.reach.GreaterThanOrEqual(hundred)
}

// renewalCounter reports whether l is a max that only follows the legal
// renewal of optical equipment or hearing aids on a claim of code, which
// the RO applies too, so it cuts no ticket modérateur and no basket.
func renewalCounter(code string, l check.Limit) bool {
	if l.Kind != check.Max {
		return false
	}
	switch {
	case under(code, "optique"):
		return l.Unit == "equipement" && l.Count >= 1 && months(l.Period) >= regles.OptiqueRenouvellementMoisMoins16
	case under(code, "audiologie"):
		return l.Unit == "oreille" && l.Count >= 2 && months(l.Period) >= regles.AideAuditiveRenouvellementMois
	}
	return false
}

// limitWord names the kind of a limit for messages.
func limitWord(l check.Limit) string {
	switch l.Kind {
	case check.Max:
		return "max"
	case check.Limite:
		return "limite"
	}
	return "plafond"
}

// moveAdvice says where a limit of r that cuts the postes listed in cut
// could go: the postes below r's that owe nothing in full, if any.
func moveAdvice(p *check.Program, r *check.Rule, cut []string) string {
	var free []string
	for _, code := range claimPostes(p) {
		if code != r.Poste && under(code, r.Poste) {
			if _, owed := obligation(code); !owed {
				free = append(free, code)
			}
		}
	}
	if r.Kind != check.LimitRule {
		if len(cut) == 1 {
			return fmt.Sprintf("give %s a rule of its own without this limit", postesOf(cut)[0])
		}
		return fmt.Sprintf("give %s rules of their own without this limit", strings.Join(postesOf(cut), ", "))
	}
	if len(free) == 0 {
		return "remove it: no poste under " + r.Poste + " may be limited"
	}
	return fmt.Sprintf("put it on the postes that may be limited instead (%s)", listText(free, 4))
}

// postesOf strips the phrases obligation appended to the codes.
func postesOf(cut []string) []string {
	var out []string
	for _, c := range cut {
		code, _, _ := strings.Cut(c, " ")
		out = append(out, code)
	}
	return out
}

// listText joins items, keeping at most n and saying how many more there
// are.
func listText(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
