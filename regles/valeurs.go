package regles

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// Name names a reference value that changes over time.
type Name string

// Reference values. Their amounts by date are in valeurs.csv.
const (
	PMSS                                Name = "pmss" // plafond mensuel de la sécurité sociale
	PASS                                Name = "pass" // plafond annuel de la sécurité sociale
	ParticipationForfaitaireMontant     Name = "participation_forfaitaire"
	ParticipationForfaitairePlafondJour Name = "participation_forfaitaire_plafond_jour"
	ParticipationForfaitairePlafondAn   Name = "participation_forfaitaire_plafond_an"
	FranchiseMontant                    Name = "franchise" // per box of medicine or paramedical act
	FranchiseTransportMontant           Name = "franchise_transport"
	FranchisePlafondJourParamedical     Name = "franchise_plafond_jour_paramedical"
	FranchisePlafondJourTransport       Name = "franchise_plafond_jour_transport"
	FranchisePlafondAn                  Name = "franchise_plafond_an" // shared by all franchises
	ForfaitJournalier                   Name = "forfait_journalier"
	ForfaitJournalierPsychiatrie        Name = "forfait_journalier_psychiatrie"
	ConsultationG                       Name = "consultation_g" // tariff of the GP consultation
)

// names lists every Name in the order of the constants.
var names = []Name{
	PMSS, PASS,
	ParticipationForfaitaireMontant, ParticipationForfaitairePlafondJour, ParticipationForfaitairePlafondAn,
	FranchiseMontant, FranchiseTransportMontant,
	FranchisePlafondJourParamedical, FranchisePlafondJourTransport, FranchisePlafondAn,
	ForfaitJournalier, ForfaitJournalierPsychiatrie,
	ConsultationG,
}

// Entry is the amount a reference value takes from a date on.
type Entry struct {
	Name   Name
	Since  time.Time // first day the amount applies, UTC midnight
	Amount decimal.Decimal
	Source string // the legal text that sets the amount
}

//go:embed valeurs.csv
var valeursCSV []byte

// valeurs holds the entries of each name, sorted by date.
var valeurs = mustParse(parseValeurs("valeurs.csv", bytes.NewReader(valeursCSV)))

func mustParse[T any](v T, err error) T {
	// The embedded files are build-time data checked by the tests: a
	// malformed file is a programming error.
	if err != nil {
		panic("regles: " + err.Error())
	}
	return v
}

// parseValeurs reads a file in the format of valeurs.csv. Every Name must
// have at least one entry.
func parseValeurs(file string, r io.Reader) (map[Name][]Entry, error) {
	rows, err := readDated(file, r, [4]string{"name", "since", "amount", "source"})
	if err != nil {
		return nil, err
	}
	out := map[Name][]Entry{}
	for _, row := range rows {
		n := Name(row.key)
		if !slices.Contains(names, n) {
			return nil, fmt.Errorf("%s:%d: unknown name %q", file, row.line, row.key)
		}
		out[n] = append(out[n], Entry{Name: n, Since: row.since, Amount: row.amount, Source: row.source})
	}
	for _, n := range names {
		if len(out[n]) == 0 {
			return nil, fmt.Errorf("%s: no line for %q", file, n)
		}
	}
	return out, nil
}

// Value returns the amount of name in force at date. It is an error to ask
// for an unknown name or for a date before the first entry of name.
func Value(name Name, date time.Time) (decimal.Decimal, error) {
	entries, ok := valeurs[name]
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("regles: unknown reference value %q", name)
	}
	i := at(len(entries), func(i int) time.Time { return entries[i].Since }, date)
	if i < 0 {
		return decimal.Decimal{}, fmt.Errorf("regles: no value of %q on %s: the first one applies from %s",
			name, date.Format(dateLayout), entries[0].Since.Format(dateLayout))
	}
	return entries[i].Amount, nil
}

// History returns the entries of name sorted by date, or nil for an unknown
// name. The slice is a fresh copy.
func History(name Name) []Entry {
	return slices.Clone(valeurs[name])
}

// Names returns every reference value name, sorted.
func Names() []Name {
	return slices.Sorted(slices.Values(names))
}
