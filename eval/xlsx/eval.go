package xlsx

import (
	"io"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"garantie/eval/compare"
	"garantie/eval/encode"
	"garantie/eval/engine"
	"garantie/eval/money"
)

// ResultWriter writes evaluation results as a workbook: a sheet "Lignes"
// (one row per claim line, as garantie eval --format csv) and a sheet
// "Postes" (per poste and a TOTAL row). It is an encode.Writer; the
// workbook is written by Finish.
type ResultWriter struct {
	w      io.Writer
	f      *excelize.File
	st     styles
	lines  *sheet
	labels compare.Labels
	layers int
	postes map[string]*compare.Stats
	total  compare.Stats
	t      encode.Totals
}

// NewResultWriter returns a writer of the results of an engine of layers
// layers.
func NewResultWriter(w io.Writer, layers int, labels compare.Labels) (*ResultWriter, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	cols := []column{{"id", text, 12}, {"ligne", integer, 8}, {"assure", text, 12}, {"date", day, 12}, {"poste", text, 26}, {"libellé", text, 36},
		{"frais", euro, 0}, {"ro_brut", euro, 0}, {"pf", euro, 0}, {"ro", euro, 0}, {"rc", euro, 0}, {"reste", euro, 0}}
	for k := 1; k <= layers; k++ {
		n := strconv.Itoa(k)
		cols = append(cols, column{"rc_" + n, euro, 0}, column{"regle_" + n, text, 22}, column{"motif_" + n, text, 16})
	}
	cols = append(cols, column{"erreur", text, 40})
	lines, err := newSheet(f, true, "Lignes", cols, st)
	if err != nil {
		return nil, err
	}
	return &ResultWriter{w: w, f: f, st: st, lines: lines, labels: labels, layers: layers,
		postes: map[string]*compare.Stats{}, t: encode.Totals{Couches: make([]money.Cents, layers)}}, nil
}

// Write writes a batch of results, in input order.
func (x *ResultWriter) Write(rs []engine.Result) error {
	vals := make([]any, 0, 13+3*x.layers)
	for i := range rs {
		r := &rs[i]
		x.t.Lines++
		vals = append(vals[:0], r.ID, r.Line, r.Assure)
		if r.Err != nil {
			x.t.Rejected++
			var d any
			if r.Date != 0 {
				d = r.Date
			}
			vals = append(vals, d, r.Poste, x.labels.Of(r.Poste), nil, nil, nil, nil, nil, nil)
			for range x.layers {
				vals = append(vals, nil, nil, nil)
			}
			if err := x.lines.row(append(vals, r.Err.Message)...); err != nil {
				return err
			}
			continue
		}
		x.t.Frais += r.Frais
		x.t.ROBrut += r.ROBrut
		x.t.PF += r.PF
		x.t.RO += r.RONet
		x.t.RC += r.RC
		x.t.Reste += r.Reste
		s := x.postes[r.Poste]
		if s == nil {
			s = new(compare.Stats)
			x.postes[r.Poste] = s
		}
		s.Add(r)
		x.total.Add(r)
		vals = append(vals, r.Date, r.Poste, x.labels.Of(r.Poste), r.Frais, r.ROBrut, r.PF, r.RONet, r.RC, r.Reste)
		for k, c := range r.Couches {
			x.t.Couches[k] += c.RC
			vals = append(vals, c.RC, c.Regle, c.Motif.String())
		}
		if err := x.lines.row(append(vals, nil)...); err != nil {
			return err
		}
	}
	return nil
}

// Finish writes the sheet of postes and the workbook.
func (x *ResultWriter) Finish() error {
	defer x.f.Close()
	if err := x.lines.close(); err != nil {
		return err
	}
	p, err := newSheet(x.f, false, "Postes", []column{{"poste", text, 28}, {"libellé", text, 44}, {"lignes", integer, 8},
		{"frais", euro, 0}, {"ro", euro, 0}, {"rc", euro, 0}, {"reste", euro, 0}, {"sans_reste", integer, 11}}, x.st)
	if err != nil {
		return err
	}
	var codes []string
	for c := range x.postes {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		s := x.postes[c]
		if err := p.row(c, x.labels.Of(c), s.Lines, s.Frais, s.RO, s.RC, s.Reste, s.SansReste); err != nil {
			return err
		}
	}
	s := x.total
	if err := p.row("TOTAL", "", s.Lines, s.Frais, s.RO, s.RC, s.Reste, s.SansReste); err != nil {
		return err
	}
	if err := p.close(); err != nil {
		return err
	}
	return x.f.Write(x.w)
}

// Totals returns the sums of the results written so far.
func (x *ResultWriter) Totals() encode.Totals {
	t := x.t
	t.Couches = slices.Clone(x.t.Couches)
	return t
}
