// Package tableau builds the tableau de garanties of one or more checked
// contracts as insurers publish it: the harmonised structure of the UNOCAM
// commitment on the lisibilité des garanties (at most 10 postes; the five
// big ones titled Hospitalisation, Soins courants, Optique, Dentaire, Aides
// auditives, the last three with their 100% Santé sub-section), the labels
// of the nomenclature of package regles, each rule in the wording of
// published tables, the carence and exclusions in notes, and the contrat
// responsable mention. Several contracts (a range) share one table, one
// column each. It renders the table as a self-contained HTML page (A4
// print stylesheet) or as Markdown.
//
// The package words the rules; it computes no amount. The figures of the
// examples that can go beside the table come from package eval/exemples,
// that is from the engine.
package tableau

import (
	"slices"
	"strings"

	"garantie/dsl/ast"
	"garantie/dsl/check"
	"garantie/regles"
)

// Source is a checked contract and its source text, from which a term the
// wording does not know is quoted as written.
type Source struct {
	Program *check.Program
	Src     []byte
}

// Tableau is the table of one or more contracts, ready to render.
type Tableau struct {
	Contrats []Contrat
	Sections []Section
	Notes    []string
}

// Contrat is the head of a contract's column.
type Contrat struct {
	Nom, Organisme, Effet string
	Responsable           bool
	// Mode says how percentages of the base read: "RO + RC" (déduction:
	// the Sécurité sociale inside the percentage) or "en complément du
	// RO".
	Mode string
}

// Section is a poste of the harmonised structure.
type Section struct {
	Titre   string
	Groupes []Groupe
}

// Groupe is a sub-section: the 100% Santé basket, the rest ("" titles the
// only group of a poste without basket).
type Groupe struct {
	Titre  string
	Lignes []Ligne
}

// Ligne is a line of the table: a poste of the nomenclature under some
// conditions, and what each contract grants.
type Ligne struct {
	Code      string // the poste's code
	Libelle   string // its label
	Condition string // the conditions in words, "" for the main line
	Cellules  []Cellule
}

// Cellule is what one contract grants on a line.
type Cellule struct {
	Formule    string   // "200 % BR", "Non couvert"
	Limites    []string // "dans la limite de 4 séances par année civile"
	NonCouvert bool
}

// section is a harmonised poste: its title, the families of the
// nomenclature it holds, and the titles of its 100% Santé sub-section and
// of the rest (empty when it has no basket).
type section struct {
	titre            string
	families         []string
	sante100, autres string
}

// sections is the harmonised structure, in the commitment's order; a
// family outside it goes to "Autres garanties".
var sections = []section{
	{titre: "Hospitalisation", families: []string{"hospitalisation"}},
	{titre: "Soins courants", families: []string{"consult", "soins"}},
	{titre: "Optique", families: []string{"optique"}, sante100: "Équipements 100% Santé (classe A)", autres: "Équipements à tarifs libres (classe B)"},
	{titre: "Dentaire", families: []string{"dentaire"}, sante100: "Soins prothétiques 100% Santé", autres: "Soins et prothèses hors 100% Santé (tarifs maîtrisés ou libres)"},
	{titre: "Aides auditives", families: []string{"audiologie"}, sante100: "Équipements 100% Santé (classe I)", autres: "Équipements à tarifs libres (classe II)"},
	{titre: "Médecines douces", families: []string{"medecine_douce"}},
	{titre: "Prévention", families: []string{"prevention"}},
	{titre: "Prestations complémentaires", families: []string{"prestations"}},
	{titre: "Autres garanties"},
}

// Build builds the table of the contracts, one column each, in order.
func Build(contracts []Source) *Tableau {
	t := &Tableau{}
	for _, c := range contracts {
		t.Contrats = append(t.Contrats, head(c.Program))
	}
	for _, s := range sections {
		sec := Section{Titre: s.titre}
		codes := postesOf(contracts, s)
		if s.sante100 == "" {
			sec.Groupes = []Groupe{{Lignes: lines(contracts, codes)}}
		} else {
			basket, rest := splitSante100(codes)
			for _, g := range []Groupe{{Titre: s.sante100, Lignes: lines(contracts, basket)}, {Titre: s.autres, Lignes: lines(contracts, rest)}} {
				if len(g.Lignes) > 0 {
					sec.Groupes = append(sec.Groupes, g)
				}
			}
		}
		if len(sec.Groupes) > 0 && len(sec.Groupes[0].Lignes) > 0 {
			t.Sections = append(t.Sections, sec)
		}
	}
	t.Notes = notes(contracts)
	return t
}

func head(p *check.Program) Contrat {
	c := Contrat{Nom: p.Name, Organisme: p.Organisme, Responsable: p.Responsable, Mode: "RO + RC"}
	if p.Effet != nil {
		c.Effet = p.Effet.Format("02/01/2006")
	}
	if p.Mode == check.Complement {
		c.Mode = "en complément du RO"
	}
	return c
}

// postesOf lists the postes of a section that some contract words a
// line for (a formula, or a limit other than a carence): families in the
// order the contracts first write them, and within a family the postes in
// the same order but a poste that has lines below it last, as the "other
// acts" of its family.
func postesOf(contracts []Source, s section) []string {
	var codes []string
	for _, c := range contracts {
		for _, r := range c.Program.Rules {
			if sectionOf(r.Poste) == s.titre && shown(r) && !slices.Contains(codes, r.Poste) {
				codes = append(codes, r.Poste)
			}
		}
	}
	family := map[string]int{}
	for _, c := range codes {
		if _, ok := family[top(c)]; !ok {
			family[top(c)] = len(family)
		}
	}
	slices.SortStableFunc(codes, func(a, b string) int {
		if d := family[top(a)] - family[top(b)]; d != 0 {
			return d
		}
		return boolInt(hasBelow(codes, a)) - boolInt(hasBelow(codes, b))
	})
	return codes
}

// shown reports whether a rule words a line: a formula, or a limit other
// than a carence (which goes to the notes).
func shown(r *check.Rule) bool {
	if r.IsFormula() {
		return true
	}
	for _, l := range r.Limits {
		if l.Kind != check.Carence {
			return true
		}
	}
	return false
}

// top is the family of a poste: its first segment.
func top(code string) string {
	for p := regles.Parent(code); p != ""; p = regles.Parent(code) {
		code = p
	}
	return code
}

// hasBelow reports whether some code is a strict descendant of code.
func hasBelow(codes []string, code string) bool {
	for _, c := range codes {
		if strings.HasPrefix(c, code+".") {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sectionOf is the title of the section a poste belongs to.
func sectionOf(code string) string {
	family := top(code)
	for _, s := range sections {
		if slices.Contains(s.families, family) {
			return s.titre
		}
	}
	return "Autres garanties"
}

// splitSante100 separates the 100% Santé postes from the others.
func splitSante100(codes []string) (basket, rest []string) {
	for _, c := range codes {
		if p, ok := regles.LookupPoste(c); ok && p.Sante100 {
			basket = append(basket, c)
		} else {
			rest = append(rest, c)
		}
	}
	return basket, rest
}

// lines builds the lines of some postes: for each poste, a main line and
// one line per set of conditions some contract writes a rule under.
func lines(contracts []Source, codes []string) []Ligne {
	var out []Ligne
	for _, code := range codes {
		keys := []string{""}
		conds := map[string]string{"": ""}
		var only []*ast.Condition // the conditions of the one conditioned line
		for _, c := range contracts {
			for _, r := range c.Program.Rules {
				if r.Poste != code || r.Node == nil {
					continue
				}
				k := conditionKey(r.Node.Conditions)
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
					conds[k] = conditionWording(r.Node.Conditions)
					only = r.Node.Conditions
				}
			}
		}
		if len(keys) == 2 && len(only) == 1 {
			// "OPTAM" beside the main line: the main line is "non OPTAM".
			conds[""] = negationWording(only[0])
		}
		for _, k := range keys {
			l := Ligne{Code: code, Libelle: label(contracts, code), Condition: conds[k]}
			for _, c := range contracts {
				l.Cellules = append(l.Cellules, cell(c, code, k))
			}
			switch {
			case !anyFormula(l.Cellules):
				l.Libelle += " : plafond commun"
			case hasBelow(codes, code):
				l.Libelle += " (autres actes)"
			}
			if k == "" && allUncovered(l.Cellules) && len(keys) > 1 {
				continue // only conditioned rules: the main line says nothing
			}
			out = append(out, l)
		}
	}
	return out
}

// anyFormula reports whether some cell has a formula (or "non couvert").
func anyFormula(cells []Cellule) bool {
	for _, c := range cells {
		if c.Formule != "" {
			return true
		}
	}
	return false
}

func allUncovered(cells []Cellule) bool {
	for _, c := range cells {
		if !c.NonCouvert || c.Formule != "" || len(c.Limites) > 0 {
			return false
		}
	}
	return true
}

// label is the nomenclature's label of a poste, or the label a contract
// declares for it, or its code.
func label(contracts []Source, code string) string {
	if p, ok := regles.LookupPoste(code); ok {
		return p.Label
	}
	for _, c := range contracts {
		for _, d := range c.Program.Declared {
			if d.Code == code {
				return d.Label
			}
		}
	}
	return code
}

// cell words what a contract grants on a poste under some conditions: the
// formula rule on the poste or its nearest ancestor that has one, under
// the same conditions or else without conditions, then its limits and
// those of the limit-only rules on the poste itself under the same
// conditions or under none (those apply to every line of the poste).
func cell(c Source, code, key string) Cellule {
	w := wording{prog: c.Program, src: c.Src}
	var out Cellule
	if r := formulaRule(c.Program, code, key); r != nil {
		out.Formule = w.formula(r)
		out.NonCouvert = r.Kind == check.NonCouvertRule
		for _, l := range r.Limits {
			if l.Kind != check.Carence {
				out.Limites = append(out.Limites, w.limit(l))
			}
		}
	}
	for _, r := range c.Program.Rules {
		if r.Kind != check.LimitRule || r.Poste != code || r.Node == nil {
			continue
		}
		if k := conditionKey(r.Node.Conditions); k == key || k == "" {
			for _, l := range r.Limits {
				if l.Kind != check.Carence {
					out.Limites = append(out.Limites, w.limit(l)+" pour l'ensemble des actes du poste")
				}
			}
		}
	}
	if out.Formule == "" && len(out.Limites) == 0 {
		out.NonCouvert = true
	}
	if out.Formule == "" && len(out.Limites) > 0 {
		out.Limites[0] = strings.ToUpper(out.Limites[0][:1]) + out.Limites[0][1:]
	}
	return out
}

// formulaRule finds the formula rule that words a line (see cell).
func formulaRule(p *check.Program, code, key string) *check.Rule {
	for poste := code; poste != ""; poste = regles.Parent(poste) {
		var plain, same *check.Rule
		for _, r := range p.Rules {
			if r.Poste != poste || !r.IsFormula() || r.Node == nil {
				continue
			}
			switch conditionKey(r.Node.Conditions) {
			case key:
				same = r
			case "":
				plain = r
			}
		}
		if same != nil {
			return same
		}
		if plain != nil {
			return plain
		}
		// Rules under other conditions only: a claim they do not hold
		// for falls to the ancestors' rules.
	}
	return nil
}
