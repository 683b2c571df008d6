package regles

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// dateLayout is the layout of dates in the embedded data files.
const dateLayout = "2006-01-02"

// datedRow is one line of an embedded data file: key;since;amount;source.
type datedRow struct {
	line   int
	key    string
	since  time.Time
	amount decimal.Decimal
	source string
}

// amountPattern accepts a non-negative amount with a decimal point: 3428,
// 0.50. Exponents, signs and decimal commas are rejected.
var amountPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// readDated parses a semicolon-separated file whose first non-comment line
// is header and whose other lines hold a key, a date, an amount and a
// source. It checks that dates are valid, that amounts are non-negative
// decimals, that every line has a source, and that the lines of each key are
// in strictly increasing date order. The file name only prefixes errors.
func readDated(file string, r io.Reader, header [4]string) ([]datedRow, error) {
	cr := csv.NewReader(r)
	cr.Comma = ';'
	cr.Comment = '#'
	cr.FieldsPerRecord = 4
	var rows []datedRow
	last := map[string]time.Time{}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if first {
			if [4]string(rec) != header {
				return nil, fmt.Errorf("%s:%d: header is %q, want %q", file, line, strings.Join(rec, ";"), strings.Join(header[:], ";"))
			}
			continue
		}
		row := datedRow{line: line, key: strings.TrimSpace(rec[0]), source: strings.TrimSpace(rec[3])}
		row.since, err = time.Parse(dateLayout, strings.TrimSpace(rec[1]))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: date %q is not a valid YYYY-MM-DD date", file, line, rec[1])
		}
		amount := strings.TrimSpace(rec[2])
		if !amountPattern.MatchString(amount) {
			return nil, fmt.Errorf("%s:%d: amount %q is not a non-negative decimal with a point (write 0.50, not 0,50)", file, line, rec[2])
		}
		row.amount = decimal.RequireFromString(amount)
		if row.source == "" {
			return nil, fmt.Errorf("%s:%d: %s on %s has no source: name the legal text that sets it", file, line, row.key, rec[1])
		}
		if prev, ok := last[row.key]; ok && !row.since.After(prev) {
			return nil, fmt.Errorf("%s:%d: %s on %s is not after its previous line (%s): keep the lines of a name in date order", file, line, row.key, rec[1], prev.Format(dateLayout))
		}
		last[row.key] = row.since
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no data", file)
	}
	return rows, nil
}

// at returns the index of the last entry whose date is on or before date,
// or -1. since must be sorted.
func at(n int, since func(int) time.Time, date time.Time) int {
	i := -1
	for j := 0; j < n && !since(j).After(date); j++ {
		i = j
	}
	return i
}
