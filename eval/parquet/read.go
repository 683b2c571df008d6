// Package parquet reads claims files and writes evaluation results in
// Apache Parquet, the columnar format pandas, polars, DuckDB and Spark
// read.
//
// A claims file in Parquet has the columns of a CSV claims file
// (LANGUAGE.md §4), typed: dates as DATE (or a TIMESTAMP, whose civil
// date in UTC is taken), amounts as DECIMAL (or INT, or a DOUBLE, written
// in its shortest decimal form), booleans as BOOLEAN, the rest as
// strings; any column may be optional (null is an empty cell). Each row is
// rendered as a record of a claims file and decoded by package claims
// itself, streaming, so that a Parquet file and its CSV give the same
// claims and reject the same lines with the same reasons (row n is line
// n+1, the header being line 1).
package parquet

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/engine"
)

// OpenClaims opens a Parquet claims file for reading with package claims.
// The returned function closes the reader and the file. The file's rows
// are rendered on a goroutine of their own while the reader decodes them.
func OpenClaims(path string) (*claims.Reader, engine.StreamOptions, func(), error) {
	var o engine.StreamOptions // order unknown until surveyed
	f, err := os.Open(path)
	if err != nil {
		return nil, o, nil, err
	}
	r, sv, err := NewClaimsReader(f)
	if err != nil {
		f.Close()
		return nil, o, nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, engine.StreamOptionsOf(sv), func() { r.Close(); f.Close() }, nil
}

// NewClaimsReader returns a claims.Reader of the Parquet file f, and the
// survey of its dates (see claims.Survey).
func NewClaimsReader(f *os.File) (*claims.Reader, claims.Survey, error) {
	var sv claims.Survey
	info, err := f.Stat()
	if err != nil {
		return nil, sv, err
	}
	pf, err := pq.OpenFile(f, info.Size())
	if err != nil {
		return nil, sv, err
	}
	cols, err := columnsOf(pf.Schema())
	if err != nil {
		return nil, sv, err
	}
	if sv, err = survey(pf); err != nil {
		return nil, sv, err
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(render(pw, pf, cols)) }()
	r, err := claims.NewReader(pr)
	if err != nil {
		pr.CloseWithError(err)
		return nil, sv, err
	}
	return r, sv, nil
}

// cell appends the CSV rendering of a non-null value.
type cell func(b []byte, v pq.Value) []byte

type col struct {
	name   string
	render cell
}

// columnsOf returns how to render each column of a flat schema.
func columnsOf(s *pq.Schema) ([]col, error) {
	var cols []col
	for i, path := range s.Columns() {
		leaf, _ := s.Lookup(path...)
		if len(path) != 1 || leaf.MaxRepetitionLevel > 0 || leaf.ColumnIndex != i {
			return nil, fmt.Errorf("column %q: a claims file has flat columns only", joinPath(path))
		}
		render, err := renderer(path[0], leaf.Node.Type())
		if err != nil {
			return nil, err
		}
		cols = append(cols, col{name: path[0], render: render})
	}
	return cols, nil
}

func joinPath(p []string) string {
	s := ""
	for i, x := range p {
		if i > 0 {
			s += "."
		}
		s += x
	}
	return s
}

// renderer returns how to render the values of a column of type t.
func renderer(name string, t pq.Type) (cell, error) {
	var lt format.LogicalTypeValue
	if l := t.LogicalType(); l != nil {
		lt = l.Value
	}
	kind := t.Kind()
	switch l := lt.(type) {
	case *format.DateType:
		return func(b []byte, v pq.Value) []byte { return date.Day(v.Int32()).Append(b) }, nil
	case *format.TimestampType:
		per := int64(86400)
		switch l.Unit.Value.(type) {
		case *format.MilliSeconds:
			per *= 1e3
		case *format.MicroSeconds:
			per *= 1e6
		default:
			per *= 1e9
		}
		return func(b []byte, v pq.Value) []byte {
			d := v.Int64() / per
			if v.Int64()%per < 0 {
				d--
			}
			return date.Day(d).Append(b)
		}, nil
	case *format.DecimalType:
		if kind != pq.Int32 && kind != pq.Int64 {
			break
		}
		scale := int(l.Scale)
		return func(b []byte, v pq.Value) []byte { return appendDecimal(b, v.Int64(), scale) }, nil
	}
	switch kind {
	case pq.Boolean:
		return func(b []byte, v pq.Value) []byte {
			if v.Boolean() {
				return append(b, "oui"...)
			}
			return append(b, "non"...)
		}, nil
	case pq.Int32, pq.Int64:
		return func(b []byte, v pq.Value) []byte { return strconv.AppendInt(b, v.Int64(), 10) }, nil
	case pq.Float, pq.Double:
		bits := 64
		if kind == pq.Float {
			bits = 32
		}
		return func(b []byte, v pq.Value) []byte {
			x := v.Double()
			if bits == 32 {
				x = float64(v.Float())
			}
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return append(b, "NaN"...) // the reader rejects the line
			}
			return strconv.AppendFloat(b, x, 'f', -1, bits)
		}, nil
	case pq.ByteArray:
		return func(b []byte, v pq.Value) []byte { return appendField(b, v.ByteArray()) }, nil
	}
	return nil, fmt.Errorf("column %q: unsupported type %s", name, t)
}

// appendDecimal appends unscaled / 10^scale with scale decimals.
func appendDecimal(b []byte, unscaled int64, scale int) []byte {
	if unscaled < 0 {
		b = append(b, '-')
		unscaled = -unscaled
	}
	s := strconv.FormatInt(unscaled, 10)
	if scale <= 0 {
		b = append(b, s...)
		for range -scale {
			b = append(b, '0')
		}
		return b
	}
	for len(s) <= scale {
		s = "0" + s
	}
	b = append(b, s[:len(s)-scale]...)
	b = append(b, '.')
	return append(b, s[len(s)-scale:]...)
}

// appendField appends s as a CSV field, quoted when it must be.
func appendField(b, s []byte) []byte {
	quote := false
	for _, c := range s {
		if c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';' {
			quote = true
			break
		}
	}
	if !quote {
		return append(b, s...)
	}
	b = append(b, '"')
	for _, c := range s {
		if c == '"' {
			b = append(b, '"')
		}
		b = append(b, c)
	}
	return append(b, '"')
}

// render writes the rows of f as a CSV claims file.
func render(w io.Writer, f *pq.File, cols []col) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	var b []byte
	for i, c := range cols {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendField(b, []byte(c.name))
	}
	b = append(b, '\n')
	rows := make([]pq.Row, 1024)
	for _, rg := range f.RowGroups() {
		rr := rg.Rows()
		for {
			n, err := rr.ReadRows(rows)
			for _, row := range rows[:n] {
				for k, v := range row {
					if k > 0 {
						b = append(b, ',')
					}
					if !v.IsNull() {
						b = cols[v.Column()].render(b, v)
					}
				}
				b = append(b, '\n')
			}
			if _, werr := bw.Write(b); werr != nil {
				rr.Close()
				return werr
			}
			b = b[:0]
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rr.Close()
				return err
			}
		}
		rr.Close()
	}
	return bw.Flush()
}
