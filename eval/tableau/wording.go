package tableau

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"garantie/dsl/ast"
	"garantie/dsl/check"
	"garantie/eval/internal/page"
)

// wording writes the rules of one contract the way published tables do.
type wording struct {
	prog *check.Program
	src  []byte
}

// formula is the published wording of a formula rule's terms: "200 % BR",
// "100 % BR + Forfait 100 € tous les 2 ans". A term the wording does not
// know is shown as written in the contract.
func (w wording) formula(r *check.Rule) string {
	if r.Kind == check.NonCouvertRule {
		return "Non couvert"
	}
	var parts []string
	for _, t := range r.Terms {
		parts = append(parts, w.term(t))
	}
	return strings.Join(parts, " + ")
}

func (w wording) term(t check.Term) string {
	complement := ""
	if w.prog.Mode == check.Complement {
		complement = " en complément du RO"
	}
	switch t.Kind {
	case check.PercentBRSS:
		return percent(t.Percent) + " BR" + complement
	case check.PercentTM:
		if t.Percent.Equal(decimal.NewFromInt(100)) {
			return "Ticket modérateur"
		}
		return percent(t.Percent) + " du ticket modérateur"
	case check.PercentFR:
		return percent(t.Percent) + " des frais réels" + complement
	case check.FraisReels:
		return "Frais réels"
	case check.PercentPLV:
		return w.priceLimit(t)
	case check.PerUnit:
		return amount(t.Amount) + " par " + unitWord(t.Unit, 1)
	case check.Forfait:
		s := "Forfait " + amount(t.Amount) + " " + period(t.Period) + famille(t.ParFamille) + roInclus(t.ROInclus) + w.raises(t.Raises)
		if t.Enveloppe != nil {
			s += w.sharedWith(t.Enveloppe)
		}
		return s
	}
	return w.text(t.Range.Start.Offset, t.Range.End.Offset)
}

// raises words the "porte a" clauses of an envelope as tables print
// loyalty bonuses: ", porté à 90 € après 2 ans d'adhésion". A condition
// the wording cannot put in words is shown as written.
func (w wording) raises(rs []check.Raise) string {
	s := ""
	for _, r := range rs {
		cond := regionYears(r.Cond)
		if cond == "" {
			text := w.text(r.Range.Start.Offset, r.Range.End.Offset)
			if _, after, ok := strings.Cut(text, " si "); ok {
				cond = "si " + after
			} else {
				cond = text
			}
		}
		s += ", porté à " + amount(r.Amount) + " " + cond
	}
	return s
}

// regionYears words the age and seniority of a region that has no other
// condition, each a single range of years: "après 2 ans d'adhésion",
// "à partir de 10 ans et après 2 ans d'adhésion"; "" otherwise.
func regionYears(r check.Region) string {
	var parts []string
	for _, d := range []struct {
		subject string
		set     check.IntSet
	}{{"age", r.Age}, {"anciennete", r.Anciennete}} {
		if d.set.Equal(check.AllYears) {
			continue
		}
		if len(d.set) != 1 {
			return ""
		}
		iv := d.set[0]
		var text string
		switch {
		case d.subject == "age" && iv.Hi == check.Inf:
			text = fmt.Sprintf("à partir de %d ans", iv.Lo)
		case d.subject == "age" && iv.Lo == 0:
			text = fmt.Sprintf("pour les moins de %d ans", iv.Hi)
		case d.subject == "age":
			text = fmt.Sprintf("de %d à %d ans", iv.Lo, iv.Hi-1)
		case iv.Hi == check.Inf:
			text = yearsText(d.subject, ">=", fmt.Sprint(iv.Lo), false)
		case iv.Lo == 0:
			text = yearsText(d.subject, "<", fmt.Sprint(iv.Hi), false)
		default:
			text = fmt.Sprintf("de %d à %d ans d'adhésion", iv.Lo, iv.Hi-1)
		}
		parts = append(parts, text)
	}
	return strings.Join(parts, " et ")
}

// sharedWith says which postes share the envelope a forfait draws on, by
// their labels: " (montant commun à : Ostéopathie, Psychologue)".
func (w wording) sharedWith(e *check.Enveloppe) string {
	var labels []string
	for _, r := range w.prog.Rules {
		for _, t := range r.Terms {
			if t.Kind != check.Forfait || t.Enveloppe == nil || t.Enveloppe.Name != e.Name {
				continue
			}
			if l := w.label(r.Poste); !slices.Contains(labels, l) {
				labels = append(labels, l)
			}
		}
	}
	if len(labels) < 2 {
		return ""
	}
	return " (montant commun à : " + strings.Join(labels, ", ") + ")"
}

// label is the label of a poste: the nomenclature's, or the contract's
// declaration, or its code.
func (w wording) label(code string) string {
	return label([]Source{{Program: w.prog, Src: w.src}}, code)
}

// terms words a formula paid per line (au-delà, limité à).
func (w wording) terms(ts []check.Term) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = w.term(t)
	}
	return strings.Join(parts, " + ")
}

// priceLimit words an N% PLV (or HLF) term as 100% Santé tables do: "Prise
// en charge intégrale dans la limite des PLV" for 100%, "80 % des PLV"
// otherwise; HLF (honoraires limites de facturation) where the contract
// writes it, as dental tables do.
func (w wording) priceLimit(t check.Term) string {
	limit := "PLV"
	if strings.Contains(strings.ToUpper(w.text(t.Range.Start.Offset, t.Range.End.Offset)), "HLF") {
		limit = "HLF"
	}
	if t.Percent.Equal(decimal.NewFromInt(100)) {
		return "Prise en charge intégrale dans la limite des " + limit
	}
	return percent(t.Percent) + " des " + limit
}

// roInclus is the mention of an amount that includes the Sécurité
// sociale's reimbursement.
func roInclus(b bool) string {
	if b {
		return ", Sécurité sociale incluse"
	}
	return ""
}

// limit is the wording of a count or money limit; carence is in the notes.
func (w wording) limit(l check.Limit) string {
	switch l.Kind {
	case check.Max:
		return fmt.Sprintf("dans la limite de %d %s %s", l.Count, unitWord(l.Unit, l.Count), period(l.Period))
	case check.Plafond:
		if l.PerUnit != "" {
			return "plafonné à " + amount(l.Amount) + " par " + unitWord(l.PerUnit, 1) + roInclus(l.ROInclus)
		}
		s := "plafonné à " + amount(l.Amount) + " " + period(l.Period) + famille(l.ParFamille) + roInclus(l.ROInclus) + w.raises(l.Raises)
		if l.AuDela != nil {
			s += ", au-delà " + w.terms(l.AuDela)
		}
		return s
	case check.Limite:
		if l.Duration.Months > 0 {
			return fmt.Sprintf("limité à %s pendant les %d premiers mois", w.terms(l.Terms), l.Duration.Months)
		}
		return fmt.Sprintf("limité à %s pendant les %d premiers jours", w.terms(l.Terms), l.Duration.Days)
	case check.Carence:
		return carence(l.Duration)
	}
	return w.text(l.Range.Start.Offset, l.Range.End.Offset)
}

// text is the source between two byte offsets, as written.
func (w wording) text(start, end int) string {
	if start < 0 || end > len(w.src) || start >= end {
		return "?"
	}
	return strings.TrimSpace(string(w.src[start:end]))
}

func carence(d check.Duration) string {
	if d.Months > 0 {
		return fmt.Sprintf("délai de carence de %d mois", d.Months)
	}
	return fmt.Sprintf("délai de carence de %d jours", d.Days)
}

// condition is the wording of a rule's conditions, "" without any:
// "Médecins adhérents OPTAM / OPTAM-CO", "Moins de 16 ans, dans le réseau".
func conditionWording(conds []*ast.Condition) string {
	var parts []string
	for _, c := range conds {
		parts = append(parts, conditionText(c))
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// negationWording words the opposite of one condition ("médecins non
// adhérents OPTAM / OPTAM-CO" for "optam"), to label the main line of a
// poste whose only other line is under that condition.
func negationWording(c *ast.Condition) string {
	neg := *c
	if c.Not != nil {
		neg.Not = nil
	} else {
		neg.Not = &ast.Ident{Raw: "non", Name: "non"}
	}
	return conditionWording([]*ast.Condition{&neg})
}

// conditionKey identifies the conditions of a rule, so that the rules of
// several contracts with the same conditions share a line of the table.
func conditionKey(conds []*ast.Condition) string {
	var parts []string
	for _, c := range conds {
		parts = append(parts, rawCondition(c))
	}
	return strings.Join(parts, " et ")
}

// rawCondition is a condition as normalised words: "non optam", "age < 16".
func rawCondition(c *ast.Condition) string {
	var parts []string
	if c.Not != nil {
		parts = append(parts, "non")
	}
	if c.Subject != nil {
		parts = append(parts, c.Subject.Name)
	}
	if c.Object != nil {
		parts = append(parts, c.Object.Name)
	}
	if c.Object2 != nil {
		parts = append(parts, c.Object2.Name)
	}
	if c.Op != nil {
		parts = append(parts, c.Op.Text)
	}
	if c.Value != nil && c.Value.Number != nil {
		parts = append(parts, c.Value.Number.Value.String())
	}
	return strings.Join(parts, " ")
}

// conditionText words one condition; an unknown one is shown as written.
func conditionText(c *ast.Condition) string {
	not := c.Not != nil
	subject := ""
	if c.Subject != nil {
		subject = c.Subject.Name
	}
	if c.Object != nil {
		subject += " " + c.Object.Name
	}
	if c.Object2 != nil {
		subject += " " + c.Object2.Name
	}
	n := ""
	if c.Value != nil && c.Value.Number != nil {
		n = c.Value.Number.Value.String()
	}
	op := ""
	if c.Op != nil {
		op = c.Op.Text
	}
	pick := func(yes, no string) string {
		if not {
			return no
		}
		return yes
	}
	switch subject {
	case "optam":
		return pick("médecins adhérents OPTAM / OPTAM-CO", "médecins non adhérents OPTAM / OPTAM-CO")
	case "reseau":
		return pick("dans le réseau de soins", "hors réseau de soins")
	case "enfant":
		return pick("enfant (moins de 18 ans)", "18 ans et plus")
	case "senior":
		return pick("60 ans et plus", "moins de 60 ans")
	case "adulte":
		return pick("adulte (18 à 59 ans)", "moins de 18 ans ou 60 ans et plus")
	case "hors parcours":
		return pick("hors parcours de soins", "dans le parcours de soins")
	case "ald":
		return pick("affection de longue durée", "hors affection de longue durée")
	case "rembourse":
		return pick("actes remboursés par la Sécurité sociale", "actes non remboursés par la Sécurité sociale")
	case "secteur":
		return pick("secteur "+n, "hors secteur "+n)
	case "sejour medecine", "sejour chirurgie", "sejour psychiatrie", "sejour smr", "sejour maternite", "sejour had":
		return pick("", "hors ") + sejourWords[strings.TrimPrefix(subject, "sejour ")]
	case "etranger":
		return pick("soins à l'étranger", "soins en France")
	case "verres simples", "verres complexes", "verres tres complexes":
		return pick("", "hors ") + strings.Replace(subject, "tres", "très", 1)
	case "age", "anciennete":
		if text := yearsText(subject, op, n, not); text != "" {
			return text
		}
	}
	return rawCondition(c)
}

// sejourWords are the types of hospital stay as tables print them.
var sejourWords = map[string]string{
	"medecine":    "hospitalisation en médecine",
	"chirurgie":   "hospitalisation en chirurgie",
	"psychiatrie": "hospitalisation en psychiatrie",
	"smr":         "soins médicaux et de réadaptation (SMR)",
	"maternite":   "hospitalisation en maternité",
	"had":         "hospitalisation à domicile (HAD)",
}

// yearsText words a condition on the age or the seniority.
func yearsText(subject, op, n string, not bool) string {
	if not {
		op = map[string]string{"<": ">=", ">=": "<", "<=": ">", ">": "<="}[op]
	}
	if subject == "age" {
		switch op {
		case "<":
			return "moins de " + n + " ans"
		case "<=":
			return n + " ans ou moins"
		case ">=":
			return n + " ans et plus"
		case ">":
			return "plus de " + n + " ans"
		}
		return ""
	}
	switch op {
	case "<":
		return "moins de " + n + " ans d'adhésion"
	case "<=":
		return n + " ans d'adhésion ou moins"
	case ">=":
		return "après " + n + " ans d'adhésion"
	case ">":
		return "plus de " + n + " ans d'adhésion"
	}
	return ""
}

// percent renders "200 %", "12,5 %".
func percent(d decimal.Decimal) string {
	return frenchNumber(d) + " %"
}

// amount renders "100 €", "12,50 €", "1 200 €", "5 % PMSS".
func amount(a check.Amount) string {
	if a.IsPMSS {
		return percent(a.PMSSPercent) + " PMSS"
	}
	if !a.Euros.IsInteger() {
		units, cents, _ := strings.Cut(a.Euros.StringFixed(2), ".")
		return page.Thousands(units) + "," + cents + " €"
	}
	return frenchNumber(a.Euros) + " €"
}

// frenchNumber renders a decimal with a decimal comma and grouped
// thousands: 1200 is "1 200", 12.5 is "12,5".
func frenchNumber(d decimal.Decimal) string {
	units, frac, _ := strings.Cut(d.String(), ".")
	out := page.Thousands(strings.TrimPrefix(units, "-"))
	if strings.HasPrefix(units, "-") {
		out = "-" + out
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

// period renders a renewal period: "par année civile", "tous les 2 ans".
func period(p check.Period) string {
	switch p.Kind {
	case check.AnneeCivile:
		return "par année civile"
	case check.AnneeContrat:
		return "par année d'adhésion"
	case check.Sejour:
		return "par séjour"
	}
	switch {
	case p.Months == 12:
		return "par période de 12 mois"
	case p.Months%12 == 0:
		return fmt.Sprintf("tous les %d ans", p.Months/12)
	}
	return fmt.Sprintf("tous les %d mois", p.Months)
}

func famille(par bool) string {
	if par {
		return " par famille"
	}
	return ""
}

// unitWords are the singular and plural French words of the units.
var unitWords = map[check.Unit][2]string{
	"seance":     {"séance", "séances"},
	"jour":       {"jour", "jours"},
	"acte":       {"acte", "actes"},
	"equipement": {"équipement", "équipements"},
	"dent":       {"dent", "dents"},
	"oreille":    {"oreille", "oreilles"},
	"oeil":       {"œil", "yeux"},
	"enfant":     {"enfant", "enfants"},
}

// unitWord is the French word of a unit, plural when n > 1.
func unitWord(u check.Unit, n int64) string {
	words, ok := unitWords[u]
	if !ok {
		return string(u)
	}
	if n > 1 {
		return words[1]
	}
	return words[0]
}
