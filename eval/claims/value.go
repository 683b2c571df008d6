package claims

import (
	"errors"
	"fmt"
	"time"

	"garantie/eval/date"
	"garantie/eval/money"
)

const (
	// MaxAmount is the largest amount a claims file may hold: 100 billion
	// euros. With MaxQuantite it keeps every product of an amount by a
	// quantity within int64.
	MaxAmount money.Cents = 1e13
	// MaxQuantite is the largest quantite a claims file may hold.
	MaxQuantite = 100_000
)

// The reasons a value is rejected; a message puts the column and the
// value before them.
var (
	errNotAmount    = errors.New("is not an amount (expected euros such as 12.50)")
	errNotTaux      = errors.New("is not a percentage (expected such as 70 or 65.5)")
	errNegative     = errors.New("is negative")
	errNoUnits      = errors.New("has no digits before the decimal mark")
	errNoDecimals   = errors.New("has no digits after the decimal mark")
	errTwoDecimals  = errors.New("has more than two decimals")
	errAmountLarge  = fmt.Errorf("is too large (at most %s)", MaxAmount)
	errTauxLarge    = errors.New("is above 100")
	errNotQuantite  = errors.New("is not a whole number of units, at least 1")
	errQuantiteHigh = fmt.Errorf("is too large (at most %d)", MaxQuantite)
	errNotDate      = errors.New("is not a date (expected YYYY-MM-DD)")
	errNotBool      = errors.New("is not a boolean (use oui/non, true/false or 1/0)")
	errNotSecteur   = errors.New("is not a secteur (use 1, 2 or 3)")
	errNotRegime    = errors.New("is not a regime (use general or alsace_moselle)")
	errNotVerres    = errors.New("is not a kind of lenses (use simple, complexe or tres_complexe)")
)

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// parseHundredths parses a non-negative decimal number with at most two
// decimals after a '.' or ',' mark, as a number of hundredths no larger
// than limit. notNumber is its error for text that is not a number.
func parseHundredths(v []byte, limit int64, notNumber error) (int64, error) {
	s := v
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	units, frac, mark := s[:i], []byte(nil), false
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		mark = true
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		frac, i = s[i+1:j], j
	}
	switch {
	case i != len(s) || len(units) == 0 && len(frac) == 0:
		return 0, notNumber
	case len(s) < len(v):
		return 0, errNegative
	case len(units) == 0:
		return 0, errNoUnits
	case mark && len(frac) == 0:
		return 0, errNoDecimals
	case len(frac) > 2:
		return 0, errTwoDecimals
	}
	var n int64
	for _, d := range units {
		if n = n*10 + int64(d-'0'); n > limit/100 {
			return 0, errAmountLarge
		}
	}
	n *= 100
	for k, d := range frac {
		n += int64(d-'0') * [2]int64{10, 1}[k]
	}
	if n > limit {
		return 0, errAmountLarge
	}
	return n, nil
}

// parseAmount parses an amount in euros: "12", "12.5", "12,50".
func parseAmount(v []byte) (money.Cents, error) {
	n, err := parseHundredths(v, int64(MaxAmount), errNotAmount)
	return money.Cents(n), err
}

// parseTaux parses a percentage from 0 to 100 as hundredths of a percent:
// "65,5" is 6550.
func parseTaux(v []byte) (int32, error) {
	n, err := parseHundredths(v, 100_00, errNotTaux)
	if err == errAmountLarge {
		err = errTauxLarge
	}
	return int32(n), err
}

// parseQuantite parses a whole number of units from 1 to MaxQuantite.
func parseQuantite(v []byte) (int64, error) {
	var n int64
	for _, d := range v {
		if !isDigit(d) {
			return 0, errNotQuantite
		}
		if n = n*10 + int64(d-'0'); n > MaxQuantite {
			return 0, errQuantiteHigh
		}
	}
	if n == 0 {
		return 0, errNotQuantite
	}
	return n, nil
}

// parseDate parses a valid civil date written YYYY-MM-DD.
func parseDate(v []byte) (date.Day, error) {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return 0, errNotDate
	}
	num := func(s []byte) int {
		n := 0
		for _, d := range s {
			if !isDigit(d) {
				return -1
			}
			n = n*10 + int(d-'0')
		}
		return n
	}
	y, m, d := num(v[:4]), num(v[5:7]), num(v[8:])
	switch {
	case y < 0 || m < 0 || d < 0:
		return 0, errNotDate
	case m < 1 || m > 12:
		return 0, fmt.Errorf("is not a valid date: there is no month %d", m)
	case d == 0:
		return 0, errors.New("is not a valid date: there is no day 0")
	case d > date.DaysIn(y, m):
		return 0, fmt.Errorf("is not a valid date: %s %d has %d days", time.Month(m), y, date.DaysIn(y, m))
	}
	return date.DayOf(y, m, d), nil
}

// lower returns v in ASCII lowercase in buf's storage, or nil when v is
// longer than buf.
func lower(buf []byte, v []byte) []byte {
	if len(v) > len(buf) {
		return nil
	}
	for i, c := range v {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(v)]
}

// parseBool parses oui/non, true/false or 1/0, in any case.
func parseBool(v []byte) (bool, error) {
	var buf [5]byte
	switch string(lower(buf[:], v)) {
	case "1", "oui", "true":
		return true, nil
	case "0", "non", "false":
		return false, nil
	}
	return false, errNotBool
}

// parseSecteur parses a secteur conventionnel: 1, 2 or 3.
func parseSecteur(v []byte) (int8, error) {
	if len(v) != 1 || v[0] < '1' || v[0] > '3' {
		return 0, errNotSecteur
	}
	return int8(v[0] - '0'), nil
}

// parseRegime parses general or alsace_moselle, in any case; the spelling
// alsace-moselle is accepted too.
func parseRegime(v []byte) (Regime, error) {
	var buf [14]byte
	switch string(lower(buf[:], v)) {
	case "general":
		return RegimeGeneral, nil
	case "alsace_moselle", "alsace-moselle":
		return RegimeAlsaceMoselle, nil
	}
	return 0, errNotRegime
}

// parseVerres parses simple, complexe or tres_complexe, in any case; the
// spelling tres-complexe is accepted too.
func parseVerres(v []byte) (Verres, error) {
	var buf [13]byte
	switch string(lower(buf[:], v)) {
	case "simple":
		return VerresSimple, nil
	case "complexe":
		return VerresComplexe, nil
	case "tres_complexe", "tres-complexe":
		return VerresTresComplexe, nil
	}
	return VerresUnknown, errNotVerres
}
