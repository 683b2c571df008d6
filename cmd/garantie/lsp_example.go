package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"garantie/dsl/check"
	"garantie/eval/exemples"
	"garantie/regles"
)

// typicalClaim is the claim the hover of the language server evaluates
// on a poste that no standard example covers: frais and base in euros,
// chosen plainly for its RO family (care billed at the tarif where the
// RO pays on it, an amount without base where it pays nothing).
type typicalClaim struct{ frais, base string }

var typicalClaims = map[regles.ROFamily]typicalClaim{
	regles.RONone:            {"100", "0"},
	regles.ROMedecin:         {"30", "30"},
	regles.RORadiologie:      {"50", "50"},
	regles.ROAuxiliaires:     {"20", "20"},
	regles.ROLaboratoire:     {"20", "20"},
	regles.ROMateriel:        {"100", "100"},
	regles.ROPsychologue:     {"50", "50"},
	regles.ROTransport:       {"100", "100"},
	regles.ROVaccins:         {"10", "10"},
	regles.ROPharmacie:       {"10", "10"},
	regles.ROHospitalisation: {"1000", "1000"},
	regles.ROOptique:         {"200", "0.10"},
	regles.ROAudiologie:      {"1500", "400"},
	regles.RODentaire:        {"100", "100"},
	regles.ROThermalisme:     {"500", "500"},
}

// lspExample is the language server's Options.Example: what prog pays
// for poste at date on the lines of the standard examples of regles on
// that poste (exemples_standard.csv, evaluated by package eval/exemples
// as `garantie exemples` does), else, for a poste that is not a family,
// on a typical claim of its RO family, shown with its frais and base.
// ok is false when the contract cannot be evaluated. One line per
// example:
//
//   - Consultation d'un médecin généraliste secteur 1: frais 30.00 €, base 30.00 €: RO 19.00 €, RC 9.00 €, reste 2.00 € (prices not confirmed)
func lspExample(prog *check.Program, poste string, date time.Time) (string, bool) {
	var list []regles.Exemple
	for _, e := range regles.ExemplesStandard(date) {
		// Of an example of several lines (a frame and its lenses), the
		// lines of this poste only, named by their detail.
		var own []regles.LigneExemple
		var details []string
		for _, l := range e.Lignes {
			if l.Poste == poste {
				own = append(own, l)
				if l.Detail != "" {
					details = append(details, l.Detail)
				}
			}
		}
		if len(own) == 0 {
			continue
		}
		if len(own) < len(e.Lignes) && len(details) > 0 {
			e.Situation += " (" + strings.Join(details, ", ") + ")"
		}
		e.Lignes = own
		e.Confirme = true
		for _, l := range own {
			e.Confirme = e.Confirme && l.Confirme
		}
		list = append(list, e)
	}
	if len(list) == 0 {
		if p, ok := regles.LookupPoste(poste); ok && p.Family == p.Code {
			return "", false // a claim names a poste, not a family
		}
		family, ok := roFamilyOf(prog, poste)
		if !ok {
			return "", false
		}
		c := typicalClaims[family]
		frais, base := decimal.RequireFromString(c.frais), decimal.RequireFromString(c.base)
		list = []regles.Exemple{{
			ID:        "typical",
			Since:     date,
			Situation: fmt.Sprintf("A typical claim of its RO family (%s)", family),
			Lignes:    []regles.LigneExemple{{Poste: poste, Frais: frais, Base: base, Quantite: 1, Age: 40}},
		}}
	}
	r, err := exemples.Evaluate([]*check.Program{prog}, list, exemples.Options{Date: date})
	if err != nil {
		return "", false
	}
	var b strings.Builder
	for i, e := range r.Exemples {
		res := e.Results[0]
		base := decimal.Zero
		for _, l := range list[i].Lignes {
			base = base.Add(l.Base)
		}
		if res.Err != "" {
			fmt.Fprintf(&b, "- %s: rejected, %s\n", e.Situation, res.Err)
			continue
		}
		fmt.Fprintf(&b, "- %s: frais %s €, base %s €: RO %s €, RC %s €, reste %s €", e.Situation, e.Frais, base.StringFixed(2), e.RONet, res.RC, res.Reste)
		if len(res.Motifs) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(res.Motifs, "; "))
		}
		if !e.Confirme && e.ID != "typical" {
			b.WriteString(" (prices not confirmed)")
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n"), true
}

// roFamilyOf returns the RO family of a poste of the nomenclature, or of
// a poste prog declares: that of its nearest standard ancestor.
func roFamilyOf(prog *check.Program, poste string) (regles.ROFamily, bool) {
	known := false
	if _, ok := regles.LookupPoste(poste); ok {
		known = true
	}
	for _, d := range prog.Declared {
		if d.Code == poste {
			known = true
		}
	}
	if !known {
		return 0, false
	}
	for c := poste; c != ""; c = regles.Parent(c) {
		if p, ok := regles.LookupPoste(c); ok {
			return p.RO, true
		}
	}
	return 0, false
}
