package check

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"garantie/dsl/ast"
)

// The ranges of the numbers a checked program holds. Every number the
// checker accepts lies within them, so an engine converting them to its
// own integers (cents, fractions, day numbers) never overflows: the
// checker reports a number outside its range as an error at its position,
// and the rule is left out of the program.
const (
	// MaxEuros is the largest amount of money, in euros, of a per-unit
	// amount, a forfait or a plafond. Amounts have at most two decimals.
	MaxEuros = 10_000_000
	// MaxPercent is the largest percentage of a term or of a PMSS amount
	// (1000 times the base).
	MaxPercent = 100_000
	// MaxPercentDecimals is the largest number of decimals of a
	// percentage: 12.3456% is the finest rate.
	MaxPercentDecimals = 4
	// MaxMonths is the longest sliding period and the longest carence in
	// months: 100 years.
	MaxMonths = 1200
	// MaxDays is the longest carence in days: 100 years.
	MaxDays = 36525
	// MaxYears is the largest age or seniority a condition compares with.
	MaxYears = 150
	// MaxCount is the largest count of a max limit.
	MaxCount = 1_000_000
)

// wholeIn reports whether n is a whole number in [lo, hi]. It compares the
// exact decimal, so a number too large for an int64 is out of range rather
// than wrapped.
func wholeIn(n decimal.Decimal, lo, hi int64) bool {
	return isWhole(n) && n.Cmp(decimal.NewFromInt(lo)) >= 0 && n.Cmp(decimal.NewFromInt(hi)) <= 0
}

// atMost reports whether the number literal n is at most hi, for hi >= 0.
// It reads the digits as written (the scanner makes a literal digits with
// at most one decimal mark), so the comparison is exact for any length and
// allocates nothing.
func atMost(n *ast.Number, hi int64) bool {
	whole, frac, _ := strings.Cut(strings.Replace(n.Raw, ",", ".", 1), ".")
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 18 { // hi < 10^18
		return false
	}
	v := int64(0)
	if whole != "" {
		var err error
		if v, err = strconv.ParseInt(whole, 10, 64); err != nil {
			return false
		}
	}
	if v > hi {
		return false
	}
	return v < hi || strings.Trim(frac, "0") == ""
}

// moneyInRange reports whether a money quantity is at most MaxEuros, and
// reports an error otherwise.
func (c *checker) moneyInRange(q *ast.Quantity) bool {
	if atMost(q.Number, MaxEuros) {
		return true
	}
	c.report(codeAmountRange, q.Number.Range, "%s€ is too large: an amount is at most 10 000 000€", q.Number.Raw)
	return false
}

// percentInRange reports whether a percentage is at most MaxPercent with
// at most MaxPercentDecimals decimals, and reports an error otherwise.
func (c *checker) percentInRange(q *ast.Quantity) bool {
	v := q.Number.Value
	switch {
	case !atMost(q.Number, MaxPercent):
		c.report(codePercentRange, q.Number.Range, "%s%% is too large: a percentage is at most 100000%%", q.Number.Raw)
		return false
	case v.Exponent() < -MaxPercentDecimals && !v.Equal(v.Round(MaxPercentDecimals)):
		c.report(codePercentRange, q.Number.Range, "%s%% is too precise: a percentage has at most 4 decimals", q.Number.Raw)
		return false
	}
	return true
}
