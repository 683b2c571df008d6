package lint

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"garantie/dsl/ast"
	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/regles"
)

// Facts about programs and rules that several lint rules share.

var hundred = decimal.NewFromInt(100)

// latest is a date after every dated reference value, so lookups at it
// return the values in force now.
var latest = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// referenceDate is the date reference values are taken at: the contract's
// effet when given, else the latest values.
func referenceDate(p *check.Program) time.Time {
	if p.Effet != nil {
		return *p.Effet
	}
	return latest
}

// nomenclature returns the nomenclature entry of code, or of its nearest
// standard ancestor for a declared poste.
func nomenclature(code string) (regles.Poste, bool) {
	for c := code; c != ""; c = regles.Parent(c) {
		if p, ok := regles.LookupPoste(c); ok {
			return p, true
		}
	}
	return regles.Poste{}, false
}

// under reports whether code is prefix or a poste below it.
func under(code, prefix string) bool {
	return code == prefix || strings.HasPrefix(code, prefix+".")
}

// euros returns an amount in euros; a percentage of the PMSS is converted
// with the PMSS in force at the reference date.
func euros(p *check.Program, a check.Amount) decimal.Decimal {
	if !a.IsPMSS {
		return a.Euros
	}
	pmss, err := regles.Value(regles.PMSS, referenceDate(p))
	if err != nil {
		pmss, _ = regles.Value(regles.PMSS, latest)
	}
	return a.PMSSPercent.Mul(pmss).Div(hundred).Round(2)
}

// coverage sums up what a formula rule pays.
type coverage struct {
	// reach is the percentage of the base that RO and RC reach together
	// through the percentage terms on BRSS and TM.
	reach decimal.Decimal
	// frais is true when the rule pays a share of the frais themselves
	// (frais reels or a percentage of FR), so dépassements without bound.
	frais bool
	// money is true when the rule has per-unit amounts or forfaits, whose
	// share of the base depends on prices.
	money bool
}

// coverageOf computes the coverage of r under the contract's mode, with
// the RO rate of its poste at the reference date.
func coverageOf(p *check.Program, r *check.Rule) coverage {
	return coverageOn(p, r, r.Poste)
}

// coverageOn computes the coverage of r on claims of code (r's poste or a
// poste below it), with the RO rate of code at the reference date.
func coverageOn(p *check.Program, r *check.Rule, code string) coverage {
	return termsCoverage(p, r.Terms, code)
}

// termsCoverage computes the coverage of the terms of a formula on claims
// of code.
func termsCoverage(p *check.Program, terms []check.Term, code string) coverage {
	var cv coverage
	brss, tm := decimal.Zero, decimal.Zero
	for _, t := range terms {
		switch t.Kind {
		case check.PercentBRSS:
			brss = brss.Add(t.Percent)
		case check.PercentTM:
			tm = tm.Add(t.Percent)
		case check.PercentFR, check.FraisReels:
			cv.frais = true
		default:
			// Per-unit amounts, forfaits, and N% PLV (a share of the
			// legal price limit of a 100% Santé item, not of the base).
			cv.money = true
		}
	}
	rate := roRate(p, code)
	ro := rate
	if p.Mode == check.Complement {
		ro = rate.Add(brss)
	} else if brss.GreaterThan(rate) {
		ro = brss
	}
	cv.reach = ro.Add(tm.Mul(hundred.Sub(rate)).Div(hundred))
	return cv
}

// coverages memoises coverageOn for the rules and postes a check meets
// at many representative claims.
type coverages map[coverageKey]coverage

type coverageKey struct {
	rule *check.Rule
	code string
}

// of returns coverageOn(p, r, code), computed once.
func (m coverages) of(p *check.Program, r *check.Rule, code string) coverage {
	k := coverageKey{r, code}
	cv, ok := m[k]
	if !ok {
		cv = coverageOn(p, r, code)
		m[k] = cv
	}
	return cv
}

// roRate returns the régime général RO rate of a poste at the reference
// date, 0 when unknown.
func roRate(p *check.Program, code string) decimal.Decimal {
	rate, err := regles.Taux(regles.RateQuery{Poste: code, Date: referenceDate(p)})
	if err != nil {
		return decimal.Zero
	}
	return rate
}

// hasLimit reports whether r has a limit of one of the kinds.
func hasLimit(r *check.Rule, kinds ...check.LimitKind) (check.Limit, bool) {
	for _, l := range r.Limits {
		for _, k := range kinds {
			if l.Kind == k {
				return l, true
			}
		}
	}
	return check.Limit{}, false
}

// auDelaFrais reports whether the au-dela formula of the plafond l of r
// pays a share of the frais past it, which no amount bounds.
func auDelaFrais(p *check.Program, r *check.Rule, l check.Limit) bool {
	return len(l.AuDela) > 0 && termsCoverage(p, l.AuDela, r.Poste).frais
}

// auDelaPays reports whether the au-dela formula of the plafond l of r
// may pay a frame or a lens more than a few cents past it: a share of the
// frais or an amount per unit (its percentages of the base are cents on
// optique).
func auDelaPays(p *check.Program, r *check.Rule, l check.Limit) bool {
	return auDelaFrais(p, r, l) || slices.ContainsFunc(l.AuDela, func(t check.Term) bool { return t.Kind == check.PerUnit })
}

// paysInFull reports whether a formula rule pays everything left after
// the RO: frais reels or at least 100% of the frais.
func paysInFull(r *check.Rule) bool {
	for _, t := range r.Terms {
		if t.Kind == check.FraisReels || t.Kind == check.PercentFR && t.Percent.GreaterThanOrEqual(hundred) {
			return true
		}
	}
	return false
}

// coversBasket reports whether a formula rule pays a 100% Santé item up to
// its legal price limit on its terms: at least 100% PLV (the RO and the
// rule's percentages of the limit reach it, in either mode), or everything
// left after the RO (frais reels, at least 100% FR). Limits are not looked
// at.
func coversBasket(r *check.Rule) bool {
	if r.Kind != check.FormulaRule {
		return false
	}
	plv := decimal.Zero
	for _, t := range r.Terms {
		if t.Kind == check.PercentPLV {
			plv = plv.Add(t.Percent)
		}
	}
	return plv.GreaterThanOrEqual(hundred) || paysInFull(r)
}

// months returns the length of a period in months; a calendar or contract
// year counts as 12.
func months(pd check.Period) int {
	if pd.Kind == check.Glissant {
		return pd.Months
	}
	return 12
}

// periodText renders a period for messages.
func periodText(pd check.Period) string {
	switch pd.Kind {
	case check.Glissant:
		return fmt.Sprintf("%d mois glissants", pd.Months)
	case check.AnneeContrat:
		return "annee contrat"
	}
	return "annee civile"
}

// responsableRange returns the range of the "responsable" declaration, or
// of the whole file when it cannot be found.
func responsableRange(p *check.Program) diag.Range {
	if p.File == nil {
		return diag.Range{}
	}
	for _, d := range p.File.Decls {
		if r, ok := d.(*ast.Responsable); ok {
			return r.Range
		}
	}
	return p.File.Range
}

// formulaRules returns the formula rules (including non couvert) on code.
func formulaRules(p *check.Program, code string) []*check.Rule {
	var out []*check.Rule
	for _, r := range p.Rules {
		if r.Poste == code && r.IsFormula() {
			out = append(out, r)
		}
	}
	return out
}

// euroText renders an amount of euros for messages.
func euroText(d decimal.Decimal) string { return d.StringFixed(2) + "€" }
