package check

import (
	"strings"

	"github.com/shopspring/decimal"

	"garantie/dsl/ast"
)

// symbol is the kind of sign written after a number.
type symbol int

const (
	noSymbol symbol = iota
	percentSymbol
	moneySymbol
)

// symbolOf returns the kind of sign of q.
func symbolOf(q *ast.Quantity) symbol {
	switch {
	case q.Symbol == nil:
		return noSymbol
	case q.Symbol.Raw == "%":
		return percentSymbol
	default: // "€" or "EUR" in any case
		return moneySymbol
	}
}

// wordOf returns the normalised word of q, or "".
func wordOf(q *ast.Quantity) string {
	if q.Word == nil {
		return ""
	}
	return q.Word.Name
}

// isWhole reports whether d is a whole number.
func isWhole(d decimal.Decimal) bool { return d.Equal(d.Truncate(0)) }

// units lists the counting units, singular and normalised, for
// suggestions.
var units = []string{
	string(UnitSeance), string(UnitJour), string(UnitActe), string(UnitEquipement),
	string(UnitDent), string(UnitOreille), string(UnitOeil), string(UnitEnfant),
}

// unitList names the units in messages.
const unitList = "units: seance, jour, acte, equipement, dent, oreille, oeil, enfant"

// unitOf returns the unit a normalised word names, plural "s" allowed;
// "yeux" is the plural of "oeil" ("œil" is normalised to "oeil").
func unitOf(word string) (Unit, bool) {
	w := singular(word)
	if w == "yeux" {
		return UnitOeil, true
	}
	for _, u := range units {
		if w == u {
			return Unit(u), true
		}
	}
	return "", false
}

// amount checks the amount of a forfait or plafond: money, or a
// percentage of the PMSS. what names the construct for messages.
func (c *checker) amount(q *ast.Quantity, what string) (Amount, bool) {
	switch symbolOf(q) {
	case moneySymbol:
		if !c.cents(q) || !c.moneyInRange(q) {
			return Amount{}, false
		}
		return Amount{Euros: q.Number.Value}, true
	case percentSymbol:
		if wordOf(q) == "pmss" {
			if !c.percentInRange(q) {
				return Amount{}, false
			}
			return Amount{PMSSPercent: q.Number.Value, IsPMSS: true}, true
		}
		c.report(codeNotAnAmount, q.Range, "a %s is an amount of money or a percentage of the PMSS: write %s 100€ / annee civile or %s 5%% PMSS / annee civile", what, what, what)
		return Amount{}, false
	}
	c.report(codeNoSymbol, q.Range, "a %s amount needs € or %% PMSS: write %s %s€ / annee civile", what, what, q.Number.Raw).Fix = insertAfter(q.Number.Range, "€")
	return Amount{}, false
}

// cents reports whether a money quantity has at most two decimals, and
// reports an error otherwise.
func (c *checker) cents(q *ast.Quantity) bool {
	v := q.Number.Value
	if v.Exponent() >= -2 || v.Equal(v.Round(2)) {
		return true
	}
	c.report(codeTooPrecise, q.Number.Range, "%s has more than two decimals; amounts are in euros and cents", q.Number.Raw).Fix =
		replace(q.Number.Range, strings.ReplaceAll(v.Round(2).StringFixed(2), ".", decimalMark(q.Number.Raw)))
	return false
}

// decimalMark returns the decimal mark used in raw, "." by default.
func decimalMark(raw string) string {
	if strings.Contains(raw, ",") {
		return ","
	}
	return "."
}
