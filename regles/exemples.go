package regles

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Exemple is a standard reimbursement example (exemples_standard.csv): a
// situation a tableau de garanties shows in euros, made of one or more
// claim lines (a frame and its lenses), with its prices from a date on.
type Exemple struct {
	ID        string // "generaliste_secteur_1"
	Since     time.Time
	Situation string // as a reader sees it
	Lignes    []LigneExemple
	Source    string // of the first line; each line keeps its own
	Confirme  bool   // every line was confirmed against its source
}

// LigneExemple is one claim line of an example.
type LigneExemple struct {
	Detail   string // "monture", "verres", or "" for a one-line example
	Poste    string
	Frais    decimal.Decimal
	Base     decimal.Decimal
	Taux     string // RO rate in percent as written ("70"), "" for none
	Quantite int
	Age      int
	Optam    string // "oui", "non" or ""
	Secteur  string // "1", "2" or ""
	// Verres is the lens type of an optical example (simple, complexe,
	// tres_complexe; the claims file's verres column), "" otherwise.
	Verres   string
	Source   string
	Confirme bool
	Note     string
}

// ExemplesListe says, in French for the documents that show them, which
// list the standard examples are: the documents print it beside them.
const ExemplesListe = "Liste d'exemples : actes couramment publiés par les organismes (forfait journalier, chambre particulière, chirurgien, généraliste, spécialiste, lunettes, détartrage, couronnes, aides auditives), à des prix types ; ce n'est pas la liste de l'engagement UNOCAM de 2019 sur la lisibilité des garanties, qui n'a pas pu être confirmée."

//go:embed exemples_standard.csv
var exemplesCSV []byte

var exemplesHeader = []string{"exemple", "since", "situation", "detail", "poste", "frais", "base", "taux", "quantite", "age", "optam", "secteur", "verres", "source", "confirme", "note"}

// exemplesStandard is the embedded list, validated at start-up.
var exemplesStandard = mustParse(ParseExemples("exemples_standard.csv", bytes.NewReader(exemplesCSV)))

// ExemplesStandard returns the standard examples in force at date, in the
// order of the file (a fresh copy): for each example, its lines of the latest date on or
// before date. An example whose first date is after date is left out.
func ExemplesStandard(date time.Time) []Exemple {
	return ExemplesAt(exemplesStandard, date)
}

// ExemplesAt selects, among all the dated versions of examples (as
// ParseExemples returns them), those in force at date, in file order.
func ExemplesAt(all []Exemple, date time.Time) []Exemple {
	var out []Exemple
	pos := map[string]int{}
	for _, e := range all {
		if e.Since.After(date) {
			continue
		}
		e.Lignes = slices.Clone(e.Lignes)
		if i, ok := pos[e.ID]; ok {
			out[i] = e // versions are in date order
			continue
		}
		pos[e.ID] = len(out)
		out = append(out, e)
	}
	return out
}

// ParseExemples reads a file in the format of exemples_standard.csv and
// returns every dated version of every example, in file order. The lines
// of one version must follow each other and share their situation; the
// versions of one example must be in increasing date order. The file name
// only prefixes errors.
func ParseExemples(file string, r io.Reader) ([]Exemple, error) {
	var out []Exemple
	last := map[string]time.Time{}
	err := readRecords(file, r, exemplesHeader, func(line int, rec []string) error {
		id, since, l, err := parseLigneExemple(rec)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
		situation := strings.TrimSpace(rec[2])
		if n := len(out); n > 0 && out[n-1].ID == id && out[n-1].Since.Equal(since) {
			e := &out[n-1]
			if e.Situation != situation {
				return fmt.Errorf("%s:%d: situation %q differs from the previous line of %s (%q)", file, line, situation, id, e.Situation)
			}
			e.Lignes = append(e.Lignes, l)
			e.Confirme = e.Confirme && l.Confirme
			return nil
		}
		if prev, ok := last[id]; ok && !since.After(prev) {
			return fmt.Errorf("%s:%d: %s on %s is not after its previous lines (%s): keep the lines of an example together and in date order", file, line, id, since.Format(dateLayout), prev.Format(dateLayout))
		}
		last[id] = since
		out = append(out, Exemple{ID: id, Since: since, Situation: situation, Lignes: []LigneExemple{l}, Source: l.Source, Confirme: l.Confirme})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// parseLigneExemple checks and decodes the fields of one line.
func parseLigneExemple(rec []string) (id string, since time.Time, l LigneExemple, err error) {
	f := func(i int) string { return strings.TrimSpace(rec[i]) }
	id = f(0)
	if id == "" {
		return "", since, l, errors.New("an example needs an id")
	}
	if since, err = time.Parse(dateLayout, f(1)); err != nil {
		return "", since, l, fmt.Errorf("date %q is not a valid YYYY-MM-DD date", f(1))
	}
	if f(2) == "" {
		return "", since, l, fmt.Errorf("%s has no situation", id)
	}
	l = LigneExemple{Detail: f(3), Poste: f(4), Taux: f(7), Optam: f(10), Secteur: f(11), Verres: f(12), Source: f(13), Note: f(15)}
	if _, ok := LookupPoste(l.Poste); !ok {
		return "", since, l, fmt.Errorf("unknown poste %q", l.Poste)
	}
	for i, dst := range []*decimal.Decimal{&l.Frais, &l.Base} {
		s := f(5 + i)
		if !amountPattern.MatchString(s) {
			return "", since, l, fmt.Errorf("%s %q is not a non-negative decimal with a point", exemplesHeader[5+i], s)
		}
		*dst = decimal.RequireFromString(s)
	}
	if l.Taux != "" && !amountPattern.MatchString(l.Taux) {
		return "", since, l, fmt.Errorf("taux %q is not a percentage such as 70", l.Taux)
	}
	if l.Quantite, err = strconv.Atoi(f(8)); err != nil || l.Quantite < 1 {
		return "", since, l, fmt.Errorf("quantite %q is not a whole number >= 1", f(8))
	}
	if l.Age, err = strconv.Atoi(f(9)); err != nil || l.Age < 0 || l.Age > 120 {
		return "", since, l, fmt.Errorf("age %q is not a whole number of years", f(9))
	}
	if !slices.Contains([]string{"", "oui", "non"}, l.Optam) {
		return "", since, l, fmt.Errorf("optam %q: write oui, non or nothing", l.Optam)
	}
	if !slices.Contains([]string{"", "1", "2", "3"}, l.Secteur) {
		return "", since, l, fmt.Errorf("secteur %q: write 1, 2, 3 or nothing", l.Secteur)
	}
	if !slices.Contains([]string{"", "simple", "complexe", "tres_complexe"}, l.Verres) {
		return "", since, l, fmt.Errorf("verres %q: write simple, complexe, tres_complexe or nothing", l.Verres)
	}
	if l.Source == "" {
		return "", since, l, fmt.Errorf("%s has no source", id)
	}
	if l.Confirme, err = parseConfirme(rec[14]); err != nil {
		return "", since, l, err
	}
	if !l.Confirme && l.Note == "" {
		return "", since, l, fmt.Errorf("%s is not confirmed: say why in its note", id)
	}
	return id, since, l, nil
}
