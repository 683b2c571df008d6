package lint

import (
	"garantie/dsl/check"
	"garantie/regles"
)

// isHonoraires reports whether code is a poste of doctors' fees, where the
// OPTAM rules of R871-2 govern dépassements d'honoraires (the list is
// regles.HonorairesMedicaux, which the engine shares).
func isHonoraires(code string) bool { return regles.HonorairesMedicaux(code) }

// honorairesClaim is a representative claim on a poste of doctors' fees
// and the formula rule that applies to it.
type honorairesClaim struct {
	poste   string
	pt      check.Point
	formula *check.Rule
}

// honorairesClaims returns, for every poste of doctors' fees a claim may
// name, representative claims with the formula rule that applies to each
// (claims no formula rule holds for are left out).
func honorairesClaims(p *check.Program) []honorairesClaim {
	var out []honorairesClaim
	for _, code := range claimPostes(p) {
		if !isHonoraires(code) {
			continue
		}
		cands := pathRules(p, code)
		for _, a := range cands.at() {
			if f := a.formula; f != nil && f.Kind == check.FormulaRule {
				out = append(out, honorairesClaim{poste: code, pt: a.pt, formula: f})
			}
		}
	}
	return out
}

// alsoOn says, for a rule written on a poste above the one a claim names,
// that it applies there; "" when the rule is on the claim's poste.
func alsoOn(r *check.Rule, code string) string {
	if r.Poste == code {
		return ""
	}
	return " (it applies to " + code + ", doctors' fees, where no rule of its own holds)"
}
