package lsp

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"garantie/dsl/ast"
	"garantie/dsl/check"
	"garantie/regles"
)

// limitDoc answers a hover on "PLV" or "HLF": the price limits of the
// 100% Santé item of the rule under the cursor, in force at the
// contract's effet and today, by lens type, act and age band, each with
// its RO base, the amount of the "N% PLV" under the cursor, and the mark
// of the data not confirmed against its source.
func (a *analysis) limitDoc(word string, offset int, today time.Time) string {
	var b strings.Builder
	if word == "hlf" {
		b.WriteString("**HLF** — honoraires limites de facturation (same as `PLV`)\n\n")
	} else {
		b.WriteString("**PLV** — prix limite de vente (`HLF`, honoraires limites de facturation, is the same)\n\n")
	}
	b.WriteString("`N% PLV` pays a percentage of the legal price limit of the claim's 100% Santé item × the covered quantity, combined with the RO like `BRSS`.\n")
	poste := ""
	if r := a.ruleAt(offset); r != nil {
		poste = r.Poste.Code()
	}
	basket := sante100Basket(poste)
	if basket == "" {
		fmt.Fprintf(&b, "\nIt applies only in rules on `%s` and the postes declared under them", strings.Join(check.Sante100Postes(), "`, `"))
		if poste != "" {
			fmt.Fprintf(&b, ", not on `%s` (E142)", poste)
		}
		b.WriteString(".\n")
		return b.String()
	}
	var pct *decimal.Decimal
	if q := a.quantityAt(offset, "plv", "hlf"); q != nil && q.Number != nil {
		pct = &q.Number.Value
	}
	dates := []struct {
		at   time.Time
		what string
	}{{today, "today"}}
	if a.program != nil && a.program.Effet != nil {
		dates = append([]struct {
			at   time.Time
			what string
		}{{*a.program.Effet, "the contract's effet"}}, dates...)
	}
	var shown []string
	for _, d := range dates {
		table := limitTable(basket, d.at, pct)
		if slices.Contains(shown, table) {
			continue
		}
		shown = append(shown, table)
		fmt.Fprintf(&b, "\nLimits of `%s` on %s (%s):\n\n%s", basket, d.at.Format(time.DateOnly), d.what, table)
	}
	if basket == "optique.equipement_100_sante" {
		b.WriteString("\nA claim with `verres tres_complexe` has no known limit: none was found in the LPP text, so the engine rejects `N% PLV` on it.\n")
	}
	b.WriteString("\nThe limits are the data of `regles/sante100.csv`; *not confirmed* marks a value taken from secondary sources, not read in the legal text.")
	return b.String()
}

// limitTable renders the lines of the 100% Santé data of basket in force
// at date, one per item and age band, with the amount of pct% of the
// limit when pct is not nil; "" when none is in force.
func limitTable(basket string, date time.Time, pct *decimal.Decimal) string {
	type key struct {
		variante       string
		ageMin, ageMax int
	}
	latest := map[key]regles.Sante100Limit{}
	var order []key
	for _, l := range regles.Default().PriceLimits() {
		if l.Poste != basket || l.Since.After(date) {
			continue
		}
		k := key{l.Variante, l.AgeMin, l.AgeMax}
		if _, ok := latest[k]; !ok {
			order = append(order, k)
		}
		if prev, ok := latest[k]; !ok || l.Since.After(prev.Since) {
			latest[k] = l
		}
	}
	if len(order) == 0 {
		return "No limit is known at that date.\n"
	}
	var b strings.Builder
	head := "| item | ages | base (BRSS) | limit | since | |\n|---|---|---|---|---|---|\n"
	if pct != nil {
		head = fmt.Sprintf("| item | ages | base (BRSS) | limit | %s%% | since | |\n|---|---|---|---|---|---|---|\n", pct.String())
	}
	b.WriteString(head)
	for _, k := range order {
		l := latest[k]
		mark := "confirmed"
		if !l.Confirme {
			mark = "**not confirmed**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |", varianteLabel(basket, l.Variante), ageBand(l.AgeMin, l.AgeMax), euros(l.BRSS), euros(l.Limite))
		if pct != nil {
			fmt.Fprintf(&b, " %s |", euros(pct.Mul(l.Limite).Div(decimal.NewFromInt(100)).Round(2)))
		}
		fmt.Fprintf(&b, " %s | %s |\n", l.Since.Format(time.DateOnly), mark)
	}
	return b.String()
}

// sante100Basket returns the 100% Santé poste that code is or is under,
// "" when it is under none.
func sante100Basket(code string) string {
	for _, p := range check.Sante100Postes() {
		if code == p || isAncestor(p, code) {
			return p
		}
	}
	return ""
}

// varianteLabel says what item a variante of the data is, in the words
// of a claim.
func varianteLabel(basket, v string) string {
	switch {
	case basket == "optique.equipement_100_sante" && v == "monture":
		return "frame alone"
	case basket == "optique.equipement_100_sante":
		// The condition of a rule on that lens type.
		return fmt.Sprintf("frame and two lenses, `verres %ss`", strings.ReplaceAll(v, "_", " "))
	case basket == "dentaire.prothese_100_sante" && v == "":
		return "crown céramo-métallique, incisors to first premolars (a claim that names no act)"
	case basket == "audiologie.aide_100_sante" && v == "":
		return "one aid (one ear)"
	}
	return strings.ReplaceAll(v, "_", " ")
}

// ageBand renders the age range of a line of the data.
func ageBand(lo, hi int) string {
	switch {
	case lo == 0 && hi < 0:
		return "all"
	case hi < 0:
		return fmt.Sprintf("%d and over", lo)
	}
	return fmt.Sprintf("%d to %d", lo, hi)
}

// quantityAt returns the quantity holding offset whose word is one of
// words ("pmss"; "plv", "hlf"), or nil.
func (a *analysis) quantityAt(offset int, words ...string) *ast.Quantity {
	var found *ast.Quantity
	ast.Inspect(a.file, func(n ast.Node) bool {
		q, ok := n.(*ast.Quantity)
		if ok && q.Word != nil && slices.Contains(words, q.Word.Name) &&
			q.Range.Start.Offset <= offset && offset <= q.Range.End.Offset {
			found = q
		}
		return found == nil
	})
	return found
}
