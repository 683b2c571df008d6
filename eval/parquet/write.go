package parquet

import (
	"io"

	pq "github.com/parquet-go/parquet-go"

	"garantie/eval/claims"
	"garantie/eval/encode"
	"garantie/eval/engine"
	"garantie/eval/money"
)

// claimRow is a claim line as WriteClaims writes it: the columns of
// LANGUAGE.md §4, typed.
type claimRow struct {
	ID        string  `parquet:"id"`
	Assure    string  `parquet:"assure"`
	Famille   *string `parquet:"famille,optional"`
	Date      int32   `parquet:"date,date"`
	Poste     string  `parquet:"poste"`
	Frais     int64   `parquet:"frais,decimal(2:18)"`
	Base      int64   `parquet:"base,decimal(2:18)"`
	Taux      *int32  `parquet:"taux,optional,decimal(2:9)"`
	RO        *int64  `parquet:"ro,optional,decimal(2:18)"`
	PF        *int64  `parquet:"pf,optional,decimal(2:18)"`
	Quantite  int64   `parquet:"quantite"`
	Naissance *int32  `parquet:"naissance,optional,date"`
	Adhesion  *int32  `parquet:"adhesion,optional,date"`
	Reseau    bool    `parquet:"reseau"`
	Optam     bool    `parquet:"optam"`
	Parcours  bool    `parquet:"parcours"`
	ALD       bool    `parquet:"ald"`
	Secteur   *int32  `parquet:"secteur,optional"`
	Regime    string  `parquet:"regime"`
	// The columns of gen --columns full: absent values stay null.
	Professionnel *string `parquet:"professionnel,optional"`
	Equipement    *string `parquet:"equipement,optional"`
	Verres        *string `parquet:"verres,optional"`
	// The hospital-stay and participation columns (LANGUAGE.md §4 and
	// docs/language.md §10): null when the claim does not say.
	Sejour        *string `parquet:"sejour,optional"`
	TypeSejour    *string `parquet:"type_sejour,optional"`
	Etranger      *bool   `parquet:"etranger,optional"`
	Participation *int64  `parquet:"participation,optional,decimal(2:18)"`
}

// WriteClaims writes valid claims as a Parquet claims file (rejected
// claims have nothing reliable to write: they are an error).
func WriteClaims(w io.Writer, cs []claims.Claim) error {
	pw := pq.NewGenericWriter[claimRow](w)
	rows := make([]claimRow, 0, 1024)
	flush := func() error {
		_, err := pw.Write(rows)
		rows = rows[:0]
		return err
	}
	for i := range cs {
		c := &cs[i]
		if c.Err != nil {
			return c.Err
		}
		r := claimRow{ID: c.ID, Assure: c.Assure, Date: int32(c.Date), Poste: c.Poste, Frais: int64(c.Frais), Base: int64(c.Base),
			Quantite: c.Quantite, Reseau: c.Reseau, Optam: c.Optam, Parcours: c.Parcours, ALD: c.ALD, Regime: "general"}
		if c.Regime == claims.RegimeAlsaceMoselle {
			r.Regime = "alsace_moselle"
		}
		if c.Famille != "" {
			r.Famille = &c.Famille
		}
		if c.HasTaux {
			r.Taux = &c.Taux
		}
		if c.HasRO {
			r.RO = ptr(int64(c.RO))
		}
		if c.HasPF {
			r.PF = ptr(int64(c.PF))
		}
		if c.HasNaiss {
			r.Naissance = ptr(int32(c.Naissance))
		}
		if c.HasAdh {
			r.Adhesion = ptr(int32(c.Adhesion))
		}
		if c.Secteur != 0 {
			r.Secteur = ptr(int32(c.Secteur))
		}
		if c.Professionnel != "" {
			r.Professionnel = ptr(c.Professionnel)
		}
		if c.Equipement != "" {
			r.Equipement = ptr(c.Equipement)
		}
		if c.Verres != claims.VerresUnknown {
			r.Verres = ptr(c.Verres.String())
		}
		if c.Sejour != "" {
			r.Sejour = ptr(c.Sejour)
		}
		if c.TypeSejour != claims.SejourUnknown {
			r.TypeSejour = ptr(c.TypeSejour.String())
		}
		if c.Etranger {
			r.Etranger = ptr(true)
		}
		if c.Participation != 0 {
			r.Participation = ptr(int64(c.Participation))
		}
		rows = append(rows, r)
		if len(rows) == cap(rows) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return pw.Close()
}

func ptr[T any](v T) *T { return &v }

// resultRow is a result as the results writer writes it: the fields of a
// jsonl record (LANGUAGE.md §5), amounts as DECIMAL(18,2), the layers as
// a list. A rejected line has its error and null amounts.
type resultRow struct {
	ID          string      `parquet:"id"`
	Ligne       int64       `parquet:"ligne"`
	Assure      string      `parquet:"assure"`
	Date        *int32      `parquet:"date,optional,date"`
	Poste       string      `parquet:"poste"`
	Frais       *int64      `parquet:"frais,optional,decimal(2:18)"`
	ROBrut      *int64      `parquet:"ro_brut,optional,decimal(2:18)"`
	PF          *int64      `parquet:"pf,optional,decimal(2:18)"`
	RO          *int64      `parquet:"ro,optional,decimal(2:18)"`
	RC          *int64      `parquet:"rc,optional,decimal(2:18)"`
	Reste       *int64      `parquet:"reste,optional,decimal(2:18)"`
	Couches     []coucheRow `parquet:"couches,list"`
	Erreur      *string     `parquet:"erreur,optional"`
	Code        *string     `parquet:"code,optional"`
	Explication []string    `parquet:"explication,list"`
}

type coucheRow struct {
	RC    int64   `parquet:"rc,decimal(2:18)"`
	Regle *string `parquet:"regle,optional"`
	Motif *string `parquet:"motif,optional"`
}

// ResultWriter writes results as a Parquet file; it is an encode.Writer.
type ResultWriter struct {
	pw   *pq.GenericWriter[resultRow]
	rows []resultRow
	t    encode.Totals
}

// NewResultWriter returns a writer of the results of an engine of layers
// layers.
func NewResultWriter(w io.Writer, layers int) *ResultWriter {
	return &ResultWriter{pw: pq.NewGenericWriter[resultRow](w), t: encode.Totals{Couches: make([]money.Cents, layers)}}
}

// Write writes a batch of results, in input order.
func (rw *ResultWriter) Write(rs []engine.Result) error {
	rows := rw.rows[:0]
	for i := range rs {
		r := &rs[i]
		row := resultRow{ID: r.ID, Ligne: int64(r.Line), Assure: r.Assure, Poste: r.Poste, Explication: r.Trace}
		rw.t.Lines++
		if r.Err != nil {
			rw.t.Rejected++
			row.Erreur, row.Code = ptr(r.Err.Message), ptr(r.Err.Code.String())
			if r.Date != 0 {
				row.Date = ptr(int32(r.Date))
			}
			rows = append(rows, row)
			continue
		}
		row.Date = ptr(int32(r.Date))
		row.Frais, row.ROBrut, row.PF = ptr(int64(r.Frais)), ptr(int64(r.ROBrut)), ptr(int64(r.PF))
		row.RO, row.RC, row.Reste = ptr(int64(r.RONet)), ptr(int64(r.RC)), ptr(int64(r.Reste))
		rw.t.Frais += r.Frais
		rw.t.ROBrut += r.ROBrut
		rw.t.PF += r.PF
		rw.t.RO += r.RONet
		rw.t.RC += r.RC
		rw.t.Reste += r.Reste
		for k, c := range r.Couches {
			rw.t.Couches[k] += c.RC
			cr := coucheRow{RC: int64(c.RC)}
			if c.Regle != "" {
				cr.Regle = ptr(c.Regle)
			}
			if c.Motif != engine.MotifNone {
				cr.Motif = ptr(c.Motif.String())
			}
			row.Couches = append(row.Couches, cr)
		}
		rows = append(rows, row)
	}
	rw.rows = rows
	_, err := rw.pw.Write(rows)
	return err
}

// Finish writes the file's footer.
func (rw *ResultWriter) Finish() error { return rw.pw.Close() }

// Totals returns the sums of the results written so far.
func (rw *ResultWriter) Totals() encode.Totals {
	t := rw.t
	t.Couches = append([]money.Cents(nil), rw.t.Couches...)
	return t
}
