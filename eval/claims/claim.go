// Package claims reads claims files (LANGUAGE.md §4): the header and its
// columns, the decoding of each line into a Claim with exact amounts and
// civil dates (or the reason the line is rejected), block by block and
// optionally in parallel, and the quick survey of a file (how far back in
// time its lines go, how many there are) that lets the engine stream it.
package claims

import (
	"fmt"
	"strconv"

	"garantie/eval/date"
	"garantie/eval/money"
)

// Claim is one line of a claims file (LANGUAGE.md §4), decoded. Amounts
// are exact integer cents; dates are civil day numbers. The zero value of
// an optional field is paired with a Has flag when zero is meaningful.
// The fields are grouped by size, so that a Claim is as small as can be
// (224 bytes): the reader and the engine move many of them.
//
// The text fields of the claims a Reader returns share storage blocks:
// a caller keeping one of them for long (beyond the batch it evaluates)
// should keep a copy (strings.Clone), lest it keep a block alive.
type Claim struct {
	Line   int    // line number in the claims file; the header is line 1
	Index  int    // position among the file's non-blank data lines, from 0
	ID     string // unique line id
	Assure string // beneficiary id
	// Famille is the family id; "" when the column is absent or empty (the
	// beneficiary is then a family of one).
	Famille string
	Poste   string
	// Professionnel is the id of the health professional who gave the
	// care, "" when not given: the participation forfaitaire and the
	// franchises are capped per day and per professional.
	Professionnel string
	// Equipement is the id shared by the lines of one optical equipment
	// (a frame and its lenses) or one hearing aid purchase, "" when not
	// given: counters such as `max 1 equipement` count equipments.
	Equipement string
	// Sejour is the id shared by the lines of one hospital stay, "" when
	// not given: a line without one is a stay of its own. Envelopes and
	// counters "/ sejour" are kept per stay.
	Sejour string

	Frais    money.Cents
	Base     money.Cents
	RO       money.Cents // RO net paid, when HasRO
	PF       money.Cents // participation forfaitaire or franchise withheld, when HasPF
	Quantite int64       // whole number >= 1, default 1
	// Participation is the forfait patient urgences or the participation
	// for heavy acts the RO withheld from this line (0 when not given):
	// RO net = RO brut − PF − Participation, and unlike PF a contract
	// may pay it.
	Participation money.Cents

	Date      date.Day
	Naissance date.Day // when HasNaiss
	Adhesion  date.Day // when HasAdh
	// Taux is the RO rate in hundredths of a percent (70% is 7000), when
	// HasTaux.
	Taux int32

	HasTaux  bool
	HasRO    bool
	HasPF    bool
	HasNaiss bool
	HasAdh   bool
	Reseau   bool
	Optam    bool
	Parcours bool // default true
	ALD      bool
	Secteur  int8 // 0 when not given, else 1, 2 or 3
	Regime   Regime
	// Verres is the kind of lenses of the optical equipment, given on its
	// frame and lens lines alike; VerresUnknown when not given.
	Verres Verres
	// TypeSejour is the type of the hospital stay, SejourUnknown when not
	// given.
	TypeSejour TypeSejour
	Etranger   bool // care abroad (column etranger)

	// Err is why the reader rejected the line: its first problem, naming
	// the column and the value. It is nil for a line that decoded; the
	// fields of a rejected line may be partly unset.
	Err error
}

// Regime is the social security scheme of the beneficiary.
type Regime uint8

const (
	RegimeGeneral Regime = iota
	RegimeAlsaceMoselle
)

// Verres is the kind of lenses of an optical equipment (LANGUAGE.md §4,
// column verres), which selects the classe B grid of CSS R871-2.
type Verres uint8

const (
	// VerresUnknown is the zero value: the line does not say (the column
	// is absent or empty).
	VerresUnknown      Verres = iota
	VerresSimple              // "simple": unifocal lenses of low correction
	VerresComplexe            // "complexe"
	VerresTresComplexe        // "tres_complexe"
)

// verresNames are the values of the verres column, indexed by Verres.
var verresNames = [...]string{"", "simple", "complexe", "tres_complexe"}

// String returns the value of the verres column for v, "" for
// VerresUnknown.
func (v Verres) String() string {
	if int(v) < len(verresNames) {
		return verresNames[v]
	}
	return "Verres(" + strconv.Itoa(int(v)) + ")"
}

// TypeSejour is the type of a hospital stay (LANGUAGE.md §4, column
// type_sejour), the words of the condition "sejour TYPE".
type TypeSejour uint8

const (
	// SejourUnknown is the zero value: the line does not say.
	SejourUnknown     TypeSejour = iota
	SejourMedecine               // "medecine"
	SejourChirurgie              // "chirurgie"
	SejourPsychiatrie            // "psychiatrie"
	SejourSMR                    // "smr": soins médicaux et de réadaptation
	SejourMaternite              // "maternite"
	SejourHAD                    // "had": hospitalisation à domicile
)

// typeSejourNames are the values of the type_sejour column, indexed by
// TypeSejour, in the order of check.TypesSejour.
var typeSejourNames = [...]string{"", "medecine", "chirurgie", "psychiatrie", "smr", "maternite", "had"}

// String returns the value of the type_sejour column for t, "" for
// SejourUnknown.
func (t TypeSejour) String() string {
	if int(t) < len(typeSejourNames) {
		return typeSejourNames[t]
	}
	return "TypeSejour(" + strconv.Itoa(int(t)) + ")"
}

// SpanError is the reason a record spread over several lines of the file
// is rejected (Claim.Err): a quoted value ran past a line break, and no
// value may hold one, so the quote was most likely a stray one. The
// lines it swallowed are named; the lines after them are read normally.
type SpanError struct {
	First, Last int    // the file lines of the record
	Column      string // the column of the quoted value
	QuoteLine   int    // where the quote opens: line and column (in characters, from 1)
	QuoteCol    int
	CloseLine   int // the line of the closing quote
}

func (e *SpanError) Error() string {
	return fmt.Sprintf("lines %d-%d: %s: the quote opened at line %d column %d closes on line %d, so these lines were read as one (a stray quote?)",
		e.First, e.Last, e.Column, e.QuoteLine, e.QuoteCol, e.CloseLine)
}

// shift moves the lines of e down by n.
func (e *SpanError) shift(n int) {
	e.First += n
	e.Last += n
	e.QuoteLine += n
	e.CloseLine += n
}
