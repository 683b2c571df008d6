// Package xlsx writes evaluation results and what-if comparisons as Excel
// workbooks: amounts as numbers in a euro format, dates as dates, poste
// labels beside codes, each sheet with a frozen header row and an
// autofilter. Amounts are the exact cents of the engine divided by 100:
// the number a spreadsheet stores, written in the shortest decimal form
// that reads back as it (two decimals at most).
package xlsx

import (
	"github.com/xuri/excelize/v2"

	"garantie/eval/date"
	"garantie/eval/money"
)

// kind is how a column's cells are written and shown.
type kind int

const (
	text kind = iota
	integer
	euro
	day
	percent // tenths of a percent, shown as a percentage
)

// column is one column of a sheet.
type column struct {
	Name  string
	Kind  kind
	Width float64
}

// styles are the workbook's cell styles.
type styles struct {
	header, euro, day, percent int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE3EA"}}}); err != nil {
		return s, err
	}
	euroFmt := `#,##0.00\ "€";\-#,##0.00\ "€"`
	if s.euro, err = f.NewStyle(&excelize.Style{CustomNumFmt: &euroFmt}); err != nil {
		return s, err
	}
	dayFmt := "dd/mm/yyyy"
	if s.day, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dayFmt}); err != nil {
		return s, err
	}
	pctFmt := "0.0%"
	s.percent, err = f.NewStyle(&excelize.Style{CustomNumFmt: &pctFmt})
	return s, err
}

// sheet streams rows into one worksheet.
type sheet struct {
	f    *excelize.File
	name string
	cols []column
	st   styles
	sw   *excelize.StreamWriter
	rows int // rows written, the header included
	buf  []any
}

// newSheet creates the worksheet name (the first one renames the
// workbook's default sheet) and writes its header.
func newSheet(f *excelize.File, first bool, name string, cols []column, st styles) (*sheet, error) {
	if first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &sheet{f: f, name: name, cols: cols, st: st, sw: sw}
	for i, c := range cols {
		w := c.Width
		if w == 0 {
			w = 14
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.Name}
	}
	return s, s.put(head)
}

func (s *sheet) put(values []any) error {
	s.rows++
	cell, err := excelize.CoordinatesToCellName(1, s.rows)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, values)
}

// row writes one row; values match the columns: string for text, int
// for integer, money.Cents for euro, date.Day for day, int64 (tenths of
// a percent) for percent; nil leaves a cell empty.
func (s *sheet) row(values ...any) error {
	out := s.buf[:0]
	for i, v := range values {
		if v == nil {
			out = append(out, nil)
			continue
		}
		switch s.cols[i].Kind {
		case euro:
			out = append(out, excelize.Cell{StyleID: s.st.euro, Value: float64(v.(money.Cents)) / 100})
		case day:
			out = append(out, excelize.Cell{StyleID: s.st.day, Value: v.(date.Day).Time()})
		case percent:
			out = append(out, excelize.Cell{StyleID: s.st.percent, Value: float64(v.(int64)) / 1000})
		default:
			out = append(out, v)
		}
	}
	s.buf = out
	return s.put(out)
}

// close flushes the sheet and sets its autofilter over every row.
func (s *sheet) close() error {
	if err := s.sw.Flush(); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(s.cols), max(s.rows, 2))
	if err != nil {
		return err
	}
	return s.f.AutoFilter(s.name, "A1:"+last, nil)
}
