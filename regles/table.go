package regles

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// dateLayout is the layout of dates in the embedded data files.
const dateLayout = "2006-01-02"

// datedRow is one line of an embedded data file:
// key;since;amount;source;confirme.
type datedRow struct {
	line     int
	key      string
	since    time.Time
	amount   decimal.Decimal
	source   string
	confirme bool
}

// amountPattern accepts a non-negative amount with a decimal point: 3428,
// 0.50. Exponents, signs and decimal commas are rejected.
var amountPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// readDated parses a semicolon-separated file whose first non-comment line
// is header and whose other lines hold a key, a date, an amount, a source
// and whether the value was confirmed against its source (oui or non). It
// checks that dates are valid, that amounts are non-negative decimals, that
// every line has a source and a confirme mark, and that the lines of each
// key are in strictly increasing date order. The file name only prefixes
// errors.
func readDated(file string, r io.Reader, header [5]string) ([]datedRow, error) {
	var rows []datedRow
	last := map[string]time.Time{}
	err := readRecords(file, r, header[:], func(line int, rec []string) error {
		row := datedRow{line: line, key: strings.TrimSpace(rec[0]), source: strings.TrimSpace(rec[3])}
		var err error
		row.since, err = time.Parse(dateLayout, strings.TrimSpace(rec[1]))
		if err != nil {
			return fmt.Errorf("%s:%d: date %q is not a valid YYYY-MM-DD date", file, line, rec[1])
		}
		amount := strings.TrimSpace(rec[2])
		if !amountPattern.MatchString(amount) {
			return fmt.Errorf("%s:%d: amount %q is not a non-negative decimal with a point (write 0.50, not 0,50)", file, line, rec[2])
		}
		row.amount = decimal.RequireFromString(amount)
		if row.source == "" {
			return fmt.Errorf("%s:%d: %s on %s has no source: name the legal text that sets it", file, line, row.key, rec[1])
		}
		if row.confirme, err = parseConfirme(rec[4]); err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
		if prev, ok := last[row.key]; ok && !row.since.After(prev) {
			return fmt.Errorf("%s:%d: %s on %s is not after its previous line (%s): keep the lines of a name in date order", file, line, row.key, rec[1], prev.Format(dateLayout))
		}
		last[row.key] = row.since
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// readRecords reads a semicolon-separated data file whose first record is
// header, and calls each with the file line and fields of every other
// record, which has as many fields as the header. It fails on the first
// error of each, or when the file has no record besides its header. The
// file name only prefixes errors.
func readRecords(file string, r io.Reader, header []string, each func(line int, rec []string) error) error {
	cr := newReader(r)
	n := 0
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if first {
			if !slices.Equal(rec, header) {
				return fmt.Errorf("%s:%d: header is %q, want %q", file, line, strings.Join(rec, ";"), strings.Join(header, ";"))
			}
			continue
		}
		if err := fieldCount(rec, header); err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
		if err := each(line, rec); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return fmt.Errorf("%s: no data", file)
	}
	return nil
}

// newReader returns a reader of the semicolon-separated data files, with
// '#' comments. The callers check the number of fields (fieldCount) so
// that a wrong header is reported as such.
func newReader(r io.Reader) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = ';'
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	return cr
}

// fieldCount checks that a data line has as many fields as the header.
func fieldCount(rec, header []string) error {
	if len(rec) != len(header) {
		return fmt.Errorf("wrong number of fields: %d, want %d (%s); a ';' inside a text needs the field in double quotes", len(rec), len(header), strings.Join(header, ";"))
	}
	return nil
}

// parseConfirme reads the confirme column: "oui" when the value was checked
// against its source, "non" when it comes from secondary sources only.
func parseConfirme(s string) (bool, error) {
	switch strings.TrimSpace(s) {
	case "oui":
		return true, nil
	case "non":
		return false, nil
	}
	return false, fmt.Errorf("confirme is %q: write oui (checked against the source) or non (not confirmed)", s)
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
