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
	errTauxFraction = errors.New("is between 0 and 1: taux is in percent: 70, not 0,7")
	errNotQuantite  = errors.New("is not a whole number of units, at least 1")
	errQuantiteHigh = fmt.Errorf("is too large (at most %d)", MaxQuantite)
	errNotDate      = errors.New("is not a date (expected YYYY-MM-DD or DD/MM/YYYY)")
	errNotBool      = errors.New("is not a boolean (use oui/non, true/false or 1/0)")
	errNotSecteur   = errors.New("is not a secteur (use 1, 2 or 3)")
	errNotRegime    = errors.New("is not a regime (use general or alsace_moselle)")
	errUnnamed      = errors.New("is under a column the header does not name (only empty values may follow the named columns)")
	errNotVerres    = errors.New("is not a kind of lenses (use simple, complexe or tres_complexe)")
	errNotSejour    = errors.New("is not a type of stay (use medecine, chirurgie, psychiatrie, smr, maternite or had)")
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
// "65,5" is 6550. A rate strictly between 0 and 1 is rejected: it is a
// spreadsheet's fraction (0,7 for 70%), and reading it as 0.7% would pay
// a wrong amount without a word.
func parseTaux(v []byte) (int32, error) {
	n, err := parseHundredths(v, 100_00, errNotTaux)
	switch {
	case err == errAmountLarge:
		err = errTauxLarge
	case err == nil && 0 < n && n < 100:
		err = errTauxFraction
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

// ParseDate parses a valid civil date written YYYY-MM-DD or, as French
// spreadsheets write it, DD/MM/YYYY (LANGUAGE.md §4). The two forms
// cannot be confused. It is the parser of the date, naissance and
// adhesion columns.
func ParseDate(v []byte) (date.Day, error) { return parseDate(v) }

// parseDate is ParseDate.
func parseDate(v []byte) (date.Day, error) {
	if len(v) != 10 {
		return 0, errNotDate
	}
	var y, m, d int
	switch {
	case v[4] == '-' && v[7] == '-':
		y, m, d = num4(v[0], v[1], v[2], v[3]), num2(v[5], v[6]), num2(v[8], v[9])
	case v[2] == '/' && v[5] == '/':
		d, m, y = num2(v[0], v[1]), num2(v[3], v[4]), num4(v[6], v[7], v[8], v[9])
	default:
		return 0, errNotDate
	}
	if k := (y-firstTableYear)*12 + m - 1; uint(y-firstTableYear) < tableYears && uint(m-1) < 12 {
		if first := monthStarts[k]; uint(d-1) < uint(monthStarts[k+1]-first) {
			return first + date.Day(d-1), nil
		}
	}
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

// The years whose months parseDate finds in monthStarts rather than
// computing their day numbers: those of claims, births and adhesions.
const (
	firstTableYear = 1900
	tableYears     = 250
)

// monthStarts holds the day number of the first of each month of the
// table's years, and of the month after them: the k-th month's days are
// monthStarts[k] to monthStarts[k+1]-1.
var monthStarts = func() (t [tableYears*12 + 1]date.Day) {
	for k := range t {
		t[k] = date.DayOf(firstTableYear+k/12, k%12+1, 1)
	}
	return t
}()

// num2 returns the number written by two digits, -1 if one is not a
// digit.
func num2(a, b byte) int {
	if !isDigit(a) || !isDigit(b) {
		return -1
	}
	return int(a-'0')*10 + int(b-'0')
}

// num4 returns the number written by four digits, -1 if one is not a
// digit.
func num4(a, b, c, d byte) int {
	x, y := num2(a, b), num2(c, d)
	if x < 0 || y < 0 {
		return -1
	}
	return x*100 + y
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

// parseTypeSejour parses a type of hospital stay, in any case and with or
// without accents on médecine and maternité.
func parseTypeSejour(v []byte) (TypeSejour, error) {
	var buf [12]byte
	w := string(lower(buf[:], v))
	switch w {
	case "médecine":
		w = "medecine"
	case "maternité":
		w = "maternite"
	}
	for t, name := range typeSejourNames {
		if t > 0 && name == w {
			return TypeSejour(t), nil
		}
	}
	return SejourUnknown, errNotSejour
}
