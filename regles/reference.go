package regles

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"
)

// Reference is the dated reference data a claim is evaluated with: every
// lookup that depends on the date of care. The engine takes one as an
// argument, so that a caller can pin the data of a given release or replace
// it (a test, a new year's values before a release); Default is the data
// embedded in the package, and Load reads the same files from elsewhere.
//
// The nomenclature of postes (LookupPoste, Postes, Parent) is not dated and
// stays a package function; Taux and PriceLimit resolve postes with it.
// Implementations must be safe for concurrent use and must not change once
// handed to an engine.
type Reference interface {
	// Value is the amount of a reference value in force at date (PMSS,
	// PASS, forfait journalier, the caps of R871-2...).
	Value(name Name, date time.Time) (decimal.Decimal, error)
	// History lists the entries of name sorted by date (a fresh copy).
	History(name Name) []Entry
	// Taux is the legal RO rate, in percent, of the care described by q.
	Taux(q RateQuery) (decimal.Decimal, error)
	// DeductionUnitaire is the participation forfaitaire or franchise
	// withheld per unit of care under d at date.
	DeductionUnitaire(d Deduction, date time.Time) (decimal.Decimal, error)
	// Plafonds are the daily and yearly caps of d at date, and whether the
	// daily cap counts per professional.
	Plafonds(d Deduction, date time.Time) (DeductionCaps, error)
	// PriceLimit is the 100% Santé price limit (PLV or HLF) and RO base of
	// an item; ok is false when there is none.
	PriceLimit(poste string, date time.Time, age int, variante string) (limit Sante100Limit, ok bool)
}

// Tables is a Reference read from the three data files of the package:
// reference values (valeurs.csv), RO rates (taux.csv) and 100% Santé price
// limits (sante100.csv). It is immutable: every method returns copies.
type Tables struct {
	valeurs map[Name][]Entry
	taux    map[ROFamily][]rateEntry
	limites []Sante100Limit
}

var _ Reference = (*Tables)(nil)

// embedded is the data embedded in the package, validated at start-up.
var embedded = mustParse(Load(bytes.NewReader(valeursCSV), bytes.NewReader(tauxCSV), bytes.NewReader(sante100CSV)))

// Default returns the reference data embedded in the package: the files
// valeurs.csv, taux.csv and sante100.csv of this release. It is the same
// immutable value on every call.
func Default() *Tables { return embedded }

// Load reads reference data in the formats of valeurs.csv, taux.csv and
// sante100.csv (see docs/regles.md), with the same checks as the embedded
// files: every name and rate family present, a source and a confirme mark
// on every line, dates in order.
func Load(valeurs, taux, sante100 io.Reader) (*Tables, error) {
	v, err := parseValeurs("valeurs.csv", valeurs)
	if err != nil {
		return nil, err
	}
	tx, err := parseTaux("taux.csv", taux)
	if err != nil {
		return nil, err
	}
	l, err := parseSante100("sante100.csv", sante100)
	if err != nil {
		return nil, err
	}
	return &Tables{valeurs: v, taux: tx, limites: l}, nil
}

func mustParse[T any](v T, err error) T {
	// The embedded files are build-time data checked by the tests: a
	// malformed file is a programming error.
	if err != nil {
		panic("regles: " + err.Error())
	}
	return v
}

// latest returns the last amount of name in t, for the functions that
// predate dated lookups.
func (t *Tables) latest(name Name) decimal.Decimal {
	h := t.valeurs[name]
	if len(h) == 0 {
		panic(fmt.Sprintf("regles: no value of %q", name))
	}
	return h[len(h)-1].Amount
}
