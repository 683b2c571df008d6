package regles

import (
	_ "embed"
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"
)

// Regime is the régime obligatoire of the beneficiary.
type Regime int

// Régimes.
const (
	RegimeGeneral       Regime = iota // régime général
	RegimeAlsaceMoselle               // régime local d'Alsace-Moselle
)

// Rates that do not depend on the family of care beyond the distinction
// they state (percent of the BRSS).
var (
	// tauxALD: care related to an affection de longue durée (and maternity)
	// is exonerated of the ticket modérateur (CSS L160-14).
	tauxALD = decimal.NewFromInt(100)
	// tauxHorsParcours: doctors consulted outside the parcours de soins
	// coordonnés (CSS L162-5-3; rate lowered to 30% in 2009).
	tauxHorsParcours = decimal.NewFromInt(30)
	// tauxAlsaceMoselleSoins and tauxAlsaceMoselleHospitalisation: the
	// régime local d'Alsace-Moselle (CSS D325-1) covers care at 90% and
	// hospitalisation at 100%.
	tauxAlsaceMoselleSoins           = decimal.NewFromInt(90)
	tauxAlsaceMoselleHospitalisation = decimal.NewFromInt(100)
)

// RateQuery describes the care whose RO rate is asked for.
type RateQuery struct {
	Poste        string    // a nomenclature code, or a declared poste under one
	Date         time.Time // date of care
	Regime       Regime
	HorsParcours bool // outside the parcours de soins coordonnés
	ALD          bool // related to an affection de longue durée (or maternity)
}

// rateEntry is a line of taux.csv.
type rateEntry struct {
	since    time.Time
	taux     decimal.Decimal
	source   string
	confirme bool
}

//go:embed taux.csv
var tauxCSV []byte

// parseTaux reads a file in the format of taux.csv. Every family with an RO
// must have at least one line; RONone must have none.
func parseTaux(file string, r io.Reader) (map[ROFamily][]rateEntry, error) {
	rows, err := readDated(file, r, [5]string{"famille", "since", "taux", "source", "confirme"})
	if err != nil {
		return nil, err
	}
	byName := map[string]ROFamily{}
	for f := ROMedecin; int(f) < len(roFamilyNames); f++ {
		byName[f.String()] = f
	}
	out := map[ROFamily][]rateEntry{}
	for _, row := range rows {
		f, ok := byName[row.key]
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown rate family %q", file, row.line, row.key)
		}
		if row.amount.GreaterThan(decimal.NewFromInt(100)) {
			return nil, fmt.Errorf("%s:%d: rate %s%% is above 100%%", file, row.line, row.amount)
		}
		out[f] = append(out[f], rateEntry{since: row.since, taux: row.amount, source: row.source, confirme: row.confirme})
	}
	for _, f := range byName {
		if len(out[f]) == 0 {
			return nil, fmt.Errorf("%s: no line for rate family %q", file, f)
		}
	}
	return out, nil
}

// Taux returns the legal RO rate of the care described by q in the embedded
// data (Default().Taux).
func Taux(q RateQuery) (decimal.Decimal, error) {
	return embedded.Taux(q)
}

// Taux returns the legal RO rate, in percent of the BRSS (70 means 70%), of
// the care described by q.
//
// The poste is looked up in the nomenclature, or else its nearest ancestor
// (a poste declared in a contract gets the rate of its family); an unknown
// poste is an error. A poste without RO (RONone) has rate 0, and so has a
// family whose régime général rate is 0 at the date. Otherwise the first of
// these rules that applies wins:
//
//  1. ALD: 100;
//  2. hors parcours, for doctors (ROMedecin) only: 30;
//  3. régime local Alsace-Moselle: 100 for hospitalisation, 90 for care;
//  4. régime général: the rate of taux.csv in force at q.Date.
//
// A date before the first rate of the family is an error.
func (t *Tables) Taux(q RateQuery) (decimal.Decimal, error) {
	p, ok := resolvePoste(q.Poste)
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("regles: unknown poste %q", q.Poste)
	}
	if p.RO == RONone {
		return decimal.Zero, nil
	}
	entries := t.taux[p.RO]
	i := at(len(entries), func(i int) time.Time { return entries[i].since }, q.Date)
	if i < 0 {
		return decimal.Decimal{}, fmt.Errorf("regles: no RO rate for %s (%s) on %s: the first one applies from %s",
			q.Poste, p.RO, q.Date.Format(dateLayout), entries[0].since.Format(dateLayout))
	}
	general := entries[i].taux
	switch {
	case general.IsZero():
		return decimal.Zero, nil
	case q.ALD:
		return tauxALD, nil
	case q.HorsParcours && p.RO == ROMedecin:
		return tauxHorsParcours, nil
	case q.Regime == RegimeAlsaceMoselle && p.RO == ROHospitalisation:
		return tauxAlsaceMoselleHospitalisation, nil
	case q.Regime == RegimeAlsaceMoselle:
		return tauxAlsaceMoselleSoins, nil
	}
	return general, nil
}
