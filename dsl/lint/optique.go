package lint

import (
	"github.com/shopspring/decimal"

	"garantie/dsl/check"
)

// Postes of an optique equipment (a frame and two lenses) outside the
// 100% Santé basket, which the R871-2 grid and renewal rules govern.
const (
	monturePoste = "optique.monture"
	verresPoste  = "optique.verres"
)

// fixedAmount returns the most a formula rule can pay for one claim through
// its money terms (per-unit amounts counted once, forfaits in full).
func fixedAmount(p *check.Program, r *check.Rule) decimal.Decimal {
	sum := decimal.Zero
	for _, t := range r.Terms {
		if t.Kind == check.PerUnit || t.Kind == check.Forfait {
			sum = sum.Add(euros(p, t.Amount))
		}
	}
	return sum
}

// gridBounds returns the lowest minimum and the highest maximum of the
// optique classe B grid in force at the contract's reference date.
func gridBounds(p *check.Program) (lo, hi decimal.Decimal) {
	row := gridRow(gridAt(p), check.NoVerres)
	return row.Min, row.Max
}
