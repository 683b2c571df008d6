package xlsx

import (
	"io"

	"github.com/xuri/excelize/v2"

	"garantie/eval/compare"
	"garantie/eval/whatif"
)

// WriteDiff writes a what-if comparison as a workbook: a sheet "Postes"
// (per poste and a TOTAL row, as garantie diff --format json) and a sheet
// "Bénéficiaires" (every beneficiary, with profile, age band and family
// size).
func WriteDiff(w io.Writer, d compare.Diff, labels compare.Labels) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	postes, err := newSheet(f, true, "Postes", []column{
		{"poste", text, 28}, {"libellé", text, 44}, {"lignes", integer, 8}, {"frais", euro, 0},
		{"rc_a", euro, 0}, {"rc_b", euro, 0}, {"écart", euro, 0}, {"écart_pct", percent, 10},
		{"reste_a", euro, 0}, {"reste_b", euro, 0},
	}, st)
	if err != nil {
		return err
	}
	add := func(p whatif.PosteDiff, label string) error {
		var pct any
		if v, ok := p.EcartPourmille(); ok {
			pct = v
		}
		return postes.row(p.Poste, label, p.Lines, p.Frais, p.RCA, p.RCB, p.Ecart(), pct, p.ResteA, p.ResteB)
	}
	for _, p := range d.Postes {
		if err := add(p, labels.Of(p.Poste)); err != nil {
			return err
		}
	}
	if err := add(d.Total, ""); err != nil {
		return err
	}
	if err := postes.close(); err != nil {
		return err
	}
	benef, err := newSheet(f, false, "Bénéficiaires", []column{
		{"assure", text, 16}, {"profil", text, 20}, {"âge", text, 8}, {"taille_famille", integer, 14},
		{"reste_a", euro, 0}, {"reste_b", euro, 0}, {"variation", euro, 0},
	}, st)
	if err != nil {
		return err
	}
	for _, bc := range d.All {
		q, _ := d.Population.Person(bc.Assure)
		if err := benef.row(bc.Assure, q.Profile.Label(), compare.BandOf(q), q.Size, bc.ResteA, bc.ResteB, bc.Change()); err != nil {
			return err
		}
	}
	if err := benef.close(); err != nil {
		return err
	}
	return f.Write(w)
}
