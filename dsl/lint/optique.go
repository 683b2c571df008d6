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

// fixedAmount returns the most a formula rule pays for one equipment
// through its money terms: forfaits in full (RO inclus or not), per-unit
// amounts once, or twice in `oeil` (two lenses, one per eye).
func fixedAmount(p *check.Program, r *check.Rule) decimal.Decimal {
	sum := decimal.Zero
	for _, t := range r.Terms {
		switch {
		case t.Kind == check.PerUnit && t.Unit == check.UnitOeil:
			sum = sum.Add(euros(p, t.Amount).Mul(decimal.NewFromInt(2)))
		case t.Kind == check.PerUnit || t.Kind == check.Forfait:
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
