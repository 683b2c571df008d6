package money

import (
	"errors"
	"math"
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Rate is an exact non-negative fraction num/den, the compiled form of a
// percentage: 70% is {7, 10}, 12.5% is {1, 8}. Build one with PercentRate
// or NewRate.
type Rate struct {
	num, den int64
}

// errRate reports a percentage that does not fit the engine's integers.
var errRate = errors.New("percentage is negative or has too many digits")

// NewRate returns the fraction num/den, for num >= 0 and den > 0.
func NewRate(num, den int64) Rate {
	return Rate{num, den}
}

// Fraction returns the numerator and the denominator of r.
func (r Rate) Fraction() (num, den int64) {
	return r.num, r.den
}

// PercentRate returns the fraction of p percent.
func PercentRate(p decimal.Decimal) (Rate, error) {
	if p.Sign() < 0 {
		return Rate{}, errRate
	}
	if exp := p.Exponent(); p.NumDigits() <= 15 && exp >= -12 && exp <= 3 {
		// Small enough for int64 arithmetic, without allocating.
		num, den := p.CoefficientInt64(), int64(100)
		for ; exp > 0; exp-- {
			num *= 10
		}
		for ; exp < 0; exp++ {
			den *= 10
		}
		g := gcd(num, den)
		return Rate{num / g, den / g}, nil
	}
	num := new(big.Int).Set(p.Coefficient())
	den := big.NewInt(100)
	ten := big.NewInt(10)
	if exp := p.Exponent(); exp >= 0 {
		num.Mul(num, new(big.Int).Exp(ten, big.NewInt(int64(exp)), nil))
	} else {
		den.Mul(den, new(big.Int).Exp(ten, big.NewInt(int64(-exp)), nil))
	}
	if g := new(big.Int).GCD(nil, nil, num, den); g.Sign() > 0 {
		num.Quo(num, g)
		den.Quo(den, g)
	}
	if !num.IsInt64() || !den.IsInt64() {
		return Rate{}, errRate
	}
	return Rate{num.Int64(), den.Int64()}, nil
}

// gcd returns the greatest common divisor of a >= 0 and b > 0.
func gcd(a, b int64) int64 {
	for a != 0 {
		a, b = b%a, a
	}
	return b
}

// Of returns r × b rounded half away from zero to the cent.
func (r Rate) Of(b Cents) Cents {
	return Cents(MulDivRound(int64(b), r.num, r.den))
}

// MulDivRound returns a × num / den rounded half away from zero, exactly,
// for num >= 0 and den > 0. A result beyond the int64 range saturates: every
// such amount is then capped by an expense, which makes saturation exact.
func MulDivRound(a, num, den int64) int64 {
	if a < 0 {
		return -MulDivRound(-a, num, den)
	}
	hi, lo := bits.Mul64(uint64(a), uint64(num))
	if hi >= uint64(den) {
		return math.MaxInt64
	}
	q, r := bits.Div64(hi, lo, uint64(den))
	if r >= uint64(den)-r {
		q++
	}
	if q > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(q)
}

// AddSat returns a + b for non-negative amounts, saturating at the int64
// maximum.
func AddSat(a, b Cents) Cents {
	if s := a + b; s >= a {
		return s
	}
	return math.MaxInt64
}

// errCents reports an amount that is not a whole number of cents.
var errCents = errors.New("amount is negative, has more than two decimals or is too large")

// CentsOf converts an amount in euros to cents; it must be exact.
func CentsOf(euros decimal.Decimal) (Cents, error) {
	c := euros.Shift(2)
	if c.Sign() < 0 || !c.IsInteger() || c.GreaterThan(decimal.NewFromInt(math.MaxInt64/4)) {
		return 0, errCents
	}
	return Cents(c.IntPart()), nil
}
