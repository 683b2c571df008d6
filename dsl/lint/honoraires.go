package lint

import (
	"garantie/dsl/check"
)

// honorairesPostes are the postes whose RO base is doctors' fees, where
// the OPTAM rules of R871-2 govern dépassements d'honoraires: consultations
// and visits, actes techniques médicaux, imaging (the radiologist's fees)
// and the fees of surgeons and other doctors in hospital. A poste below
// one of them is one too.
//
// Follow-up: this is a property of the nomenclature and belongs in regles
// as a flag on each poste; it stays here, in one place, until regles has
// it.
var honorairesPostes = []string{"consult", "hospitalisation.honoraires", "soins.imagerie"}

// isHonoraires reports whether code is a poste of doctors' fees.
func isHonoraires(code string) bool {
	for _, h := range honorairesPostes {
		if under(code, h) {
			return true
		}
	}
	return false
}

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
