package encode

import (
	"io"
	"strconv"

	"garantie/eval/money"
	"garantie/eval/whatif"
)

// DiffCSV writes the report of a what-if comparison as CSV: one row per
// poste, with its label (label returns "" for a poste without one), then
// a TOTAL row. Amounts are as in DiffJSON; ecart_pct is empty when A pays
// nothing.
func DiffCSV(w io.Writer, r whatif.Report, label func(string) string) error {
	b := []byte("poste,libelle,lignes,frais,rc_a,rc_b,ecart,ecart_pct,reste_a,reste_b\n")
	row := func(p whatif.PosteDiff, lab string) {
		b = appendCSVField(b, p.Poste)
		b = append(b, ',')
		b = appendCSVField(b, lab)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p.Lines), 10)
		for _, v := range [...]money.Cents{p.Frais, p.RCA, p.RCB, p.Ecart()} {
			b = append(b, ',')
			b = v.Append(b)
		}
		b = append(b, ',')
		if j := toPosteJSON(p); j.EcartPct != nil {
			b = append(b, *j.EcartPct...)
		}
		for _, v := range [...]money.Cents{p.ResteA, p.ResteB} {
			b = append(b, ',')
			b = v.Append(b)
		}
		b = append(b, '\n')
	}
	for _, p := range r.Postes {
		row(p, label(p.Poste))
	}
	row(r.Total, "")
	_, err := w.Write(b)
	return err
}
