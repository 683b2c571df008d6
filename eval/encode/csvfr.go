package encode

import "io"

// FrenchCSV rewrites the CSV written through it in the flavour French
// spreadsheets open with a double click: a UTF-8 byte order mark, `;`
// between fields, a decimal comma and CRLF line ends. A field written
// with a quote is kept as it is (it holds text); an unquoted field that
// is a decimal number ("-12.50") gets a comma; dates, ids and codes are
// left alone. Close writes the last field.
type FrenchCSV struct {
	w        io.Writer
	started  bool
	inQuotes bool
	quoted   bool // the current field started with a quote
	field    []byte
	out      []byte
}

// NewFrenchCSV returns a FrenchCSV writing to w.
func NewFrenchCSV(w io.Writer) *FrenchCSV { return &FrenchCSV{w: w} }

// Write rewrites p, which continues the CSV written so far.
func (f *FrenchCSV) Write(p []byte) (int, error) {
	out := f.out[:0]
	if !f.started {
		f.started = true
		out = append(out, "\uFEFF"...)
	}
	for _, c := range p {
		if f.inQuotes {
			f.field = append(f.field, c)
			if c == '"' {
				f.inQuotes = false // a second quote right after re-enters
			}
			continue
		}
		switch c {
		case '"':
			f.inQuotes, f.quoted = true, true
			f.field = append(f.field, c)
		case ',':
			out = f.flush(out)
			out = append(out, ';')
		case '\n':
			out = f.flush(out)
			out = append(out, '\r', '\n')
		case '\r':
		default:
			f.field = append(f.field, c)
		}
	}
	f.out = out
	if _, err := f.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close writes the field after the last separator, if any.
func (f *FrenchCSV) Close() error {
	if !f.started {
		_, err := f.Write(nil)
		if err != nil {
			return err
		}
	}
	if len(f.field) == 0 {
		return nil
	}
	_, err := f.w.Write(f.flush(nil))
	return err
}

// flush appends the current field to out, with a decimal comma when it
// is an unquoted decimal number.
func (f *FrenchCSV) flush(out []byte) []byte {
	start := len(out)
	out = append(out, f.field...)
	if !f.quoted && isDecimal(f.field) {
		for i := start; i < len(out); i++ {
			if out[i] == '.' {
				out[i] = ','
			}
		}
	}
	f.field, f.quoted = f.field[:0], false
	return out
}

// isDecimal reports whether b is -?digits.digits.
func isDecimal(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	dot, digits := -1, 0
	for i, c := range b {
		switch {
		case c == '.' && dot < 0:
			dot = i
		case '0' <= c && c <= '9':
			digits++
		default:
			return false
		}
	}
	return dot > 0 && dot < len(b)-1
}
