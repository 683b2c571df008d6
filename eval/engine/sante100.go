package engine

import (
	"fmt"

	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
)

// limitKey identifies a 100% Santé price limit: the basket, the date, the
// age (-1 unknown) and the lens type.
type limitKey struct {
	basket int32 // poste index of the basket
	date   date.Day
	age    int
	verres claims.Verres
}

// limitValue is a price limit per unit in cents, or why there is none.
type limitValue struct {
	cents money.Cents
	why   string // "" when the limit is known
}

// priceLimit returns the 100% Santé price limit per unit of c (LANGUAGE.md
// §1, N% PLV), or the reason there is none: regles' PriceLimit by basket,
// date of care, age (unknown without naissance) and, for optique, the lens
// type of the verres column; dentaire and hearing aids have no variante.
// The last answer is kept: the lines of one beneficiary mostly repeat it.
func (w *worker) priceLimit(c *claims.Claim, info *posteInfo) limitValue {
	age := -1
	if w.hasAge {
		age = w.age
	}
	k := limitKey{basket: info.basket, date: c.Date, age: age}
	if info.lensTyped {
		k.verres = c.Verres
	}
	if w.limitSet && w.limitKey == k {
		return w.limitVal
	}
	code := w.e.postes[info.basket].code
	var v limitValue
	l, ok := w.e.ref.PriceLimit(code, c.Date.Time(), age, k.verres.String())
	switch {
	case ok:
		cents, err := money.CentsOf(l.Limite)
		if err != nil {
			v.why = "regles: the price limit of " + code + ": " + err.Error()
		}
		v.cents = cents
	case info.lensTyped && c.Verres == claims.VerresUnknown:
		v.why = "the 100% Santé price limit of " + code + " depends on the lenses and the line has no verres (simple, complexe)"
	case age < 0:
		// A limit given by age has a line from age 0 (regles keeps the
		// age ranges of an item from 0 up).
		if _, byAge := w.e.ref.PriceLimit(code, c.Date.Time(), 0, k.verres.String()); byAge {
			v.why = "the 100% Santé price limit of " + code + " depends on the age and the line has no naissance"
			break
		}
		fallthrough
	default:
		v.why = fmt.Sprintf("no 100%% Santé price limit is known for %s%s on %s", code, verresText(k.verres), c.Date)
	}
	w.limitKey, w.limitVal, w.limitSet = k, v, true
	return v
}

// verresText renders a lens type for messages: " (verres complexe)".
func verresText(v claims.Verres) string {
	if v == claims.VerresUnknown {
		return ""
	}
	return " (verres " + v.String() + ")"
}
