package report

import (
	"strconv"
	"strings"

	"garantie/eval/money"
)

// euros renders c the French way: "1 234,56 €", a no-break space between
// thousands and before the sign of the euro.
func euros(c money.Cents) string {
	s := c.String() // "-1234.56"
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(r)
	}
	b.WriteString("," + frac + "\u00a0€")
	return b.String()
}

// signedEuros is euros with a + before a rise.
func signedEuros(c money.Cents) string {
	if c > 0 {
		return "+" + euros(c)
	}
	return euros(c)
}

// pourmille renders tenths of a percent the French way: 123 is
// "+12,3 %"; ok false is "n/a".
func pourmille(v int64, ok bool) string {
	if !ok {
		return "n/a"
	}
	sign := "+"
	if v < 0 {
		sign, v = "-", -v
	}
	return sign + strconv.FormatInt(v/10, 10) + "," + strconv.FormatInt(v%10, 10) + "\u00a0%"
}

// share renders tenths of a percent without sign: 875 is "87,5 %".
func share(v int64) string {
	return strconv.FormatInt(v/10, 10) + "," + strconv.FormatInt(v%10, 10) + "\u00a0%"
}
