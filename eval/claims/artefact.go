package claims

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
)

// artefactSample is how many values of each column NewReader checks for
// a spreadsheet artefact, and artefactBytes bounds what it reads for them.
const (
	artefactSample = 100
	artefactBytes  = 1 << 20
)

// ArtefactError reports a column that a spreadsheet wrote in a form the
// reader cannot read, on every line checked at the start of the file (a
// date with a time of day, an Excel serial date, an amount with a
// currency sign…): one error for the file instead of one per line. Like a
// *HeaderError, it means nothing of the file is evaluated. An isolated
// value of that form is a bad line as any other.
type ArtefactError struct {
	Column   string // the column, as named in the header
	Artefact string // what the values are, such as "dates with a time of day"
	Fix      string // how to export the file correctly
	Line     int    // the line of Value
	Value    string // an example of the artefact
	Checked  int    // how many values of the column were checked (all showed it, unless Artefact says otherwise)
}

func (e *ArtefactError) Error() string {
	return fmt.Sprintf("column %s holds %s (line %d: %q, and %s): %s",
		e.Column, e.Artefact, e.Line, e.Value, checkedText(e.Checked), e.Fix)
}

func checkedText(n int) string {
	if n <= 1 {
		return "no other value checked"
	}
	return fmt.Sprintf("the same in the %d values checked", n)
}

// artefact is a systematic way a spreadsheet writes a column wrong.
type artefact uint8

const (
	noArtefact artefact = iota
	artDateTime
	artSerialDate
	artShortDate
	artUSDate
	artCurrency
	artThousands
	artPercent
	artExcelError
)

// artefactText says, for each artefact, what a column of them holds and
// how to export it correctly (for an ArtefactError), and what to do about
// one value (for the error of a bad line).
var artefactText = [...]struct{ what, fix, one string }{
	artDateTime:   {"dates with a time of day", "format the column as a date without time (YYYY-MM-DD or DD/MM/YYYY) and export again", "write the date without its time"},
	artSerialDate: {"Excel serial numbers instead of dates", "format the column as a date (in Excel: Format Cells, Date, DD/MM/YYYY) and export again", "an Excel serial number: format the column as a date"},
	artShortDate:  {"dates in a short format (D/M/YY)", "format the column as DD/MM/YYYY with a four-digit year, or YYYY-MM-DD, and export again", "write it DD/MM/YYYY: two-digit day and month, four-digit year"},
	artUSDate:     {"dates in the US order MM/DD/YYYY (a month above 12)", "format the column as DD/MM/YYYY or YYYY-MM-DD and export again: read as DD/MM/YYYY, its dates would be wrong", ""},
	artCurrency:   {"amounts with a currency sign", "format the column as a plain number (in Excel: Format Cells, Number, no thousands separator) and export again", "write it without the currency sign"},
	artThousands:  {"amounts with a thousands separator", "format the column as a plain number (in Excel: Format Cells, Number, no thousands separator) and export again", "write it without the thousands separator"},
	artPercent:    {"rates with a percent sign", "format the column as a plain number of percent (70 for 70%) and export again", "write it without the percent sign"},
	artExcelError: {"Excel error values (#N/A, #VALUE!…)", "the spreadsheet's formulas failed in this column: fix them, or paste the values, and export again", ""},
}

// hint returns what to do about a bad value v of column c that a
// spreadsheet wrote in a known wrong form, "" if it did not.
func hint(c column, v []byte) string {
	return artefactText[classify(c, v, true)].one
}

// excelErrors are the error values of Excel, in English and in French.
var excelErrors = []string{
	"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
	"#N/D", "#VALEUR!", "#NOM?", "#NOMBRE!", "#NUL!", "#PROPAGATION!", "#CALCUL!",
}

// errExcelError is the reason a value that is an Excel error is rejected.
var errExcelError = errors.New("is an Excel error value: the spreadsheet's formula failed")

// isExcelError reports whether v is an Excel error value.
func isExcelError(v []byte) bool {
	if len(v) < 2 || v[0] != '#' {
		return false
	}
	u := bytes.ToUpper(v)
	for _, e := range excelErrors {
		if string(u) == e {
			return true
		}
	}
	return false
}

// peek reads more of src after the header, into rest, until rest holds
// artefactSample line breaks, artefactBytes bytes or the whole input. It
// reports whether the input ended.
func peek(src io.Reader, rest []byte) ([]byte, bool, error) {
	for bytes.Count(rest, []byte{'\n'}) <= artefactSample && len(rest) < artefactBytes {
		rest = slices.Grow(rest, 64<<10)
		n, err := src.Read(rest[len(rest):cap(rest)])
		rest = rest[:len(rest)+n]
		if err == io.EOF {
			return rest, true, nil
		} else if err != nil {
			return rest, false, err
		}
	}
	return rest, false, nil
}

// columnSample is what checkArtefacts learnt of one column.
type columnSample struct {
	values   int      // non-empty values checked
	kind     artefact // the artefact of every value so far, noArtefact once one differs
	line     int      // line of the first value
	value    string   // the first value
	us       int      // line of a DD/MM/YYYY value whose month is above 12, 0 if none
	usValue  string
	dayAbove int // number of DD/MM/YYYY values whose day is above 12
}

// checkArtefacts checks the first values of each column of the data b,
// which starts on line line, for a spreadsheet artefact shown by all of
// them; final tells b is the whole rest of the input. It returns an
// *ArtefactError for the first such column, in header order.
func checkArtefacts(sep byte, cols []column, b []byte, line int, final bool) error {
	p := newParser(sep, cols)
	samples := make([]columnSample, p.named)
	var scratch Claim
	records := 0
	for i := 0; i < len(b) && records < artefactSample; {
		start := i
		var breaks int
		var ended bool
		p.fs, i, breaks, ended = splitRecordAt(b, i, sep, p.fs[:0], final)
		if !ended && !final {
			break
		}
		recLine := line
		line += breaks
		if ended {
			line++
		}
		if len(bytes.Trim(b[start:i], " \t\r\n")) == 0 {
			continue
		}
		records++
		if breaks > 0 || len(p.fs) < p.named {
			continue
		}
		for k := range p.named {
			f := p.fs[k]
			if f.problem != quoteOK || f.escaped || len(f.val) == 0 {
				continue
			}
			s := &samples[k]
			scratch = Claim{}
			p.decodeField(&scratch, cols[k], &f)
			kind := classify(cols[k], f.val, scratch.Err != nil)
			if s.values == 0 {
				s.kind, s.line, s.value = kind, recLine, string(f.val)
			} else if kind != s.kind {
				s.kind = noArtefact
			}
			s.values++
			if isDateColumn(cols[k]) {
				noteDayMonth(s, f.val, recLine)
			}
		}
	}
	for k, s := range samples {
		switch {
		case s.values >= 2 && s.us > 0 && s.dayAbove == 0:
			t := artefactText[artUSDate]
			return &ArtefactError{Column: cols[k].String(), Artefact: t.what, Fix: t.fix, Line: s.us, Value: s.usValue, Checked: s.values}
		case s.values >= 2 && s.kind != noArtefact:
			t := artefactText[s.kind]
			return &ArtefactError{Column: cols[k].String(), Artefact: t.what, Fix: t.fix, Line: s.line, Value: shorten([]byte(s.value)), Checked: s.values}
		}
	}
	return nil
}

func isDateColumn(c column) bool { return c == colDate || c == colNaissance || c == colAdhesion }

func isAmountColumn(c column) bool {
	return c == colFrais || c == colBase || c == colRO || c == colPF || c == colTaux || c == colParticipation
}

// noteDayMonth notes, for a value written NN/NN/NNNN, whether its first
// number is above 12 (it is a day) or its second is (then the file is in
// the US order).
func noteDayMonth(s *columnSample, v []byte, line int) {
	if len(v) != 10 || v[2] != '/' || v[5] != '/' {
		return
	}
	d, m := num2(v[0], v[1]), num2(v[3], v[4])
	switch {
	case d > 12:
		s.dayAbove++
	case m > 12 && m <= 31 && s.us == 0:
		s.us, s.usValue = line, string(v)
	}
}

// classify returns the artefact a value of column c shows, noArtefact
// when it decodes (bad is false) or fails for another reason.
func classify(c column, v []byte, bad bool) artefact {
	switch {
	case !bad:
		return noArtefact
	case isExcelError(v):
		return artExcelError
	case isDateColumn(c):
		return classifyDate(v)
	case isAmountColumn(c):
		return classifyAmount(v)
	}
	return noArtefact
}

// classifyDate tells the artefact of a date that does not parse.
func classifyDate(v []byte) artefact {
	if len(v) > 10 {
		if _, err := parseDate(v[:10]); err == nil && (v[10] == ' ' || v[10] == 'T') && isClock(v[11:]) {
			return artDateTime
		}
	}
	digits, slashes := 0, 0
	for _, c := range v {
		switch {
		case isDigit(c):
			digits++
		case c == '/':
			slashes++
		default:
			return noArtefact
		}
	}
	switch {
	case slashes == 0 && 1 <= digits && digits <= 7:
		return artSerialDate
	case slashes == 2 && len(v) < 10:
		return artShortDate
	}
	return noArtefact
}

// isClock reports whether v is a time of day: HH:MM, HH:MM:SS or
// HH:MM:SS.fff, the hour on one or two digits.
func isClock(v []byte) bool {
	parts := bytes.Split(bytes.TrimSpace(v), []byte{':'})
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for i, p := range parts {
		if i == 2 {
			p, _, _ = bytes.Cut(p, []byte{'.'})
		}
		if len(p) == 0 || len(p) > 2 {
			return false
		}
		for _, c := range p {
			if !isDigit(c) {
				return false
			}
		}
	}
	return true
}

// classifyAmount tells the artefact of an amount or rate that does not
// parse.
func classifyAmount(v []byte) artefact {
	switch {
	case bytes.Contains(v, []byte("€")) || bytes.IndexByte(v, '$') >= 0 || bytes.Contains(bytes.ToUpper(v), []byte("EUR")):
		return artCurrency
	case bytes.HasSuffix(bytes.TrimSpace(v), []byte("%")):
		return artPercent
	}
	// A thousands separator: a space (plain, no-break or narrow no-break)
	// between digits, or both decimal marks.
	stripped := bytes.ReplaceAll(bytes.ReplaceAll(bytes.ReplaceAll(v, []byte("\u00a0"), nil), []byte("\u202f"), nil), []byte(" "), nil)
	if len(stripped) < len(v) {
		if _, err := parseAmount(stripped); err == nil {
			return artThousands
		}
	}
	if bytes.IndexByte(v, '.') >= 0 && bytes.IndexByte(v, ',') >= 0 {
		return artThousands
	}
	return noArtefact
}
