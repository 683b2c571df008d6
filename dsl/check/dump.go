package check

import (
	"fmt"
	"strings"
)

// Dump renders the meaning of a program deterministically, without
// source ranges, lines or spelling: two files that differ only in layout,
// comments, accents, case, plural forms or aliases (an, BR) dump the same.
// It is how tests verify that formatting never changes meaning.
func Dump(p *Program) string {
	var b strings.Builder
	fmt.Fprintf(&b, "contrat %q\n", p.Name)
	fmt.Fprintf(&b, "organisme %q\n", p.Organisme)
	if p.Effet != nil {
		fmt.Fprintf(&b, "effet %s\n", p.Effet.Format("2006-01-02"))
	}
	fmt.Fprintf(&b, "responsable %t\nmode %s\n", p.Responsable, p.Mode)
	for _, d := range p.Declared {
		fmt.Fprintf(&b, "poste %s %q", d.Code, d.Label)
		if d.SansRO {
			b.WriteString(" sans RO")
		}
		b.WriteString("\n")
	}
	for _, e := range p.Enveloppes {
		fmt.Fprintf(&b, "enveloppe %s %s%s / %s%s%s\n", e.Name, dumpAmount(e.Amount), dumpRaises(e.Raises), dumpPeriod(e.Period),
			dumpFamille(e.ParFamille), dumpROInclus(e.ROInclus))
	}
	for _, r := range p.Rules {
		fmt.Fprintf(&b, "rule %d %s [%s] %s", r.Index, r.Poste, dumpRegion(r.Cond), dumpKind(r.Kind))
		for _, t := range r.Terms {
			b.WriteString(" | ")
			b.WriteString(dumpTerm(t))
		}
		for _, l := range r.Limits {
			b.WriteString(" ; ")
			b.WriteString(dumpLimit(l))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func dumpKind(k RuleKind) string {
	switch k {
	case NonCouvertRule:
		return "non couvert"
	case LimitRule:
		return "limits"
	}
	return "formula"
}

// dumpRegion renders the dimensions a region constrains.
func dumpRegion(r Region) string {
	all := Everything()
	var parts []string
	if r.NeedsAge || !r.Age.Equal(all.Age) {
		parts = append(parts, "age "+r.Age.String())
	}
	if r.NeedsAnciennete || !r.Anciennete.Equal(all.Anciennete) {
		parts = append(parts, "anciennete "+r.Anciennete.String())
	}
	for _, d := range []struct {
		name string
		set  Bools
	}{{"reseau", r.Reseau}, {"optam", r.Optam}, {"parcours", r.Parcours}, {"ald", r.Ald}, {"rembourse", r.Rembourse}} {
		if d.set != AnyBool {
			parts = append(parts, fmt.Sprintf("%s %t", d.name, d.set.Has(true)))
		}
	}
	if r.Secteur != AnySecteur {
		parts = append(parts, fmt.Sprintf("secteur %04b", r.Secteur))
	}
	if r.Verres != AnyVerres {
		parts = append(parts, fmt.Sprintf("verres %04b", r.Verres))
	}
	if r.Sejour != AnySejour {
		parts = append(parts, fmt.Sprintf("sejour %07b", r.Sejour))
	}
	return strings.Join(parts, ", ")
}

var termNames = map[TermKind]string{PercentBRSS: "BRSS", PercentTM: "TM", PercentFR: "FR", PercentPLV: "PLV"}

func dumpTerm(t Term) string {
	switch t.Kind {
	case PercentBRSS, PercentTM, PercentFR, PercentPLV:
		return t.Percent.String() + "% " + termNames[t.Kind]
	case FraisReels:
		return "frais reels"
	case PerUnit:
		return dumpAmount(t.Amount) + " / " + string(t.Unit)
	}
	if t.Enveloppe != nil {
		return "forfait " + t.Enveloppe.Name
	}
	return "forfait " + dumpAmount(t.Amount) + dumpRaises(t.Raises) + " / " + dumpPeriod(t.Period) + dumpFamille(t.ParFamille) + dumpROInclus(t.ROInclus)
}

// dumpRaises renders the "porte a" clauses of an envelope.
func dumpRaises(rs []Raise) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, " porte a %s si [%s]", dumpAmount(r.Amount), dumpRegion(r.Cond))
	}
	return b.String()
}

// dumpTerms renders a nested formula.
func dumpTerms(ts []Term) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = dumpTerm(t)
	}
	return strings.Join(parts, " + ")
}

func dumpLimit(l Limit) string {
	switch l.Kind {
	case Max:
		return fmt.Sprintf("max %d %s / %s", l.Count, l.Unit, dumpPeriod(l.Period))
	case Plafond:
		per := dumpPeriod(l.Period)
		if l.PerUnit != "" {
			per = string(l.PerUnit)
		}
		s := "plafond " + dumpAmount(l.Amount) + dumpRaises(l.Raises) + " / " + per + dumpFamille(l.ParFamille) + dumpROInclus(l.ROInclus)
		if l.AuDela != nil {
			s += " au-dela " + dumpTerms(l.AuDela)
		}
		return s
	case Limite:
		return fmt.Sprintf("limite %s pendant %d mois %d jours", dumpTerms(l.Terms), l.Duration.Months, l.Duration.Days)
	}
	return fmt.Sprintf("carence %d mois %d jours", l.Duration.Months, l.Duration.Days)
}

func dumpAmount(a Amount) string {
	if a.IsPMSS {
		return a.PMSSPercent.String() + "% PMSS"
	}
	return a.Euros.StringFixed(2) + "€"
}

func dumpPeriod(p Period) string {
	switch p.Kind {
	case Glissant:
		return fmt.Sprintf("%d mois glissants", p.Months)
	case AnneeContrat:
		return "annee contrat"
	case Sejour:
		return "sejour"
	}
	return "annee civile"
}

func dumpROInclus(roInclus bool) string {
	if roInclus {
		return " RO inclus"
	}
	return ""
}

func dumpFamille(parFamille bool) string {
	if parFamille {
		return " par famille"
	}
	return ""
}
