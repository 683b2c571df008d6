package regles

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Sante100Limit is a line of sante100.csv: the legal price limit (PLV or
// HLF) and the RO base of a 100% Santé item from a date on.
type Sante100Limit struct {
	Poste string // optique.equipement_100_sante, dentaire.prothese_100_sante, audiologie.aide_100_sante
	// Variante is what a claim says beyond the poste: the lens type of an
	// optical equipment (simple, complexe, tres_complexe) or monture for a
	// frame alone; a named dental act, or "" for the default (one crown);
	// "" for a hearing aid.
	Variante string
	AgeMin   int // first age in years
	AgeMax   int // last age in years, inclusive; -1: no upper bound
	Since    time.Time
	BRSS     decimal.Decimal // base de remboursement
	Limite   decimal.Decimal // prix limite de vente or honoraires limites de facturation
	Source   string          // the primary text that sets the amounts
	Confirme bool            // checked against Source; false: NOT CONFIRMED
	Note     string          // why not confirmed, or what the line covers
}

// variantesOptique are the variantes of optique.equipement_100_sante: the
// three lens types of the claim's verres column and the frame alone.
var variantesOptique = []string{"simple", "complexe", "tres_complexe", "monture"}

//go:embed sante100.csv
var sante100CSV []byte

var sante100Header = []string{"poste", "variante", "age_min", "age_max", "since", "brss", "limite", "source", "confirme", "note"}

// parseSante100 reads a file in the format of sante100.csv. Postes must be
// 100% Santé postes of the nomenclature; the lines of one item (poste,
// variante and age range) must be in increasing date order, and the age
// ranges of one poste and variante must not overlap.
func parseSante100(file string, r io.Reader) ([]Sante100Limit, error) {
	var out []Sante100Limit
	err := readRecords(file, r, sante100Header, func(line int, rec []string) error {
		l, err := parseSante100Line(rec)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
		for _, o := range out {
			if o.Poste != l.Poste || o.Variante != l.Variante {
				continue
			}
			if o.AgeMin == l.AgeMin && o.AgeMax == l.AgeMax {
				if !l.Since.After(o.Since) {
					return fmt.Errorf("%s:%d: %s %q on %s is not after its previous line (%s): keep the lines of an item in date order",
						file, line, l.Poste, l.Variante, l.Since.Format(dateLayout), o.Since.Format(dateLayout))
				}
			} else if agesOverlap(o, l) {
				return fmt.Errorf("%s:%d: the ages of %s %q overlap another line's (%s)", file, line, l.Poste, l.Variante, ageRange(o))
			}
		}
		out = append(out, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func parseSante100Line(rec []string) (Sante100Limit, error) {
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	l := Sante100Limit{Poste: rec[0], Variante: rec[1], AgeMax: -1, Source: rec[7], Note: rec[9]}
	p, ok := LookupPoste(l.Poste)
	if !ok || !p.Sante100 {
		return l, fmt.Errorf("poste %q is not a 100%% Santé poste of the nomenclature", l.Poste)
	}
	if l.Poste == "optique.equipement_100_sante" && !slices.Contains(variantesOptique, l.Variante) {
		return l, fmt.Errorf("variante %q of %s is not one of %s", l.Variante, l.Poste, strings.Join(variantesOptique, ", "))
	}
	var err error
	if rec[2] != "" {
		if l.AgeMin, err = parseAge(rec[2]); err != nil {
			return l, err
		}
	}
	if rec[3] != "" {
		if l.AgeMax, err = parseAge(rec[3]); err != nil {
			return l, err
		}
		if l.AgeMax < l.AgeMin {
			return l, fmt.Errorf("age_max %d is below age_min %d", l.AgeMax, l.AgeMin)
		}
	}
	if l.Since, err = time.Parse(dateLayout, rec[4]); err != nil {
		return l, fmt.Errorf("date %q is not a valid YYYY-MM-DD date", rec[4])
	}
	for i, d := range []*decimal.Decimal{&l.BRSS, &l.Limite} {
		s := rec[5+i]
		if !amountPattern.MatchString(s) {
			return l, fmt.Errorf("%s %q is not a non-negative decimal with a point (write 34.50, not 34,50)", sante100Header[5+i], s)
		}
		*d = decimal.RequireFromString(s)
	}
	if l.BRSS.GreaterThan(l.Limite) {
		return l, fmt.Errorf("brss %s is above the limit %s", l.BRSS, l.Limite)
	}
	if l.Source == "" {
		return l, fmt.Errorf("%s %q on %s has no source: name the legal text that sets it", l.Poste, l.Variante, rec[4])
	}
	if l.Confirme, err = parseConfirme(rec[8]); err != nil {
		return l, err
	}
	if !l.Confirme && l.Note == "" {
		return l, fmt.Errorf("%s %q on %s is not confirmed and has no note: say where the value comes from", l.Poste, l.Variante, rec[4])
	}
	return l, nil
}

func parseAge(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 150 {
		return 0, fmt.Errorf("age %q is not a whole number of years from 0 to 150", s)
	}
	return n, nil
}

func agesOverlap(a, b Sante100Limit) bool {
	aMax, bMax := a.AgeMax, b.AgeMax
	if aMax < 0 {
		aMax = int(^uint(0) >> 1)
	}
	if bMax < 0 {
		bMax = int(^uint(0) >> 1)
	}
	return a.AgeMin <= bMax && b.AgeMin <= aMax
}

func ageRange(l Sante100Limit) string {
	if l.AgeMax < 0 {
		return fmt.Sprintf("%d and over", l.AgeMin)
	}
	return fmt.Sprintf("%d to %d", l.AgeMin, l.AgeMax)
}

// PriceLimit returns the 100% Santé price limit of an item in the embedded
// data (Default().PriceLimit).
func PriceLimit(poste string, date time.Time, age int, variante string) (Sante100Limit, bool) {
	return embedded.PriceLimit(poste, date, age, variante)
}

// PriceLimit returns the legal price limit and RO base in force at date of
// the 100% Santé item a claim describes:
//
//   - poste is the claim's poste, one of the three baskets
//     (optique.equipement_100_sante, dentaire.prothese_100_sante,
//     audiologie.aide_100_sante); a poste declared under one of them
//     resolves to it;
//   - age is the beneficiary's age in whole years at the date of care, or
//     -1 when unknown: then only a line for every age matches, so an item
//     whose limits differ by age (hearing aids) has none;
//   - variante is the claim's verres column for optique (simple, complexe,
//     tres_complexe; the limit is for a whole equipment, a frame and two
//     lenses) or monture for a frame alone; for dentaire "" (one crown,
//     céramo-métallique on incisors, canines and first premolars) or a
//     named act of sante100.csv; "" for a hearing aid (one ear).
//
// ok is false when no line matches: another poste, a date before the first
// line, an age or variante without a line (the optique classe A
// tres_complexe equipment has none: its limit is not confirmed). The
// caller decides what to do then; Confirme says whether the value was
// checked against its source.
func (t *Tables) PriceLimit(poste string, date time.Time, age int, variante string) (Sante100Limit, bool) {
	p, ok := resolvePoste(poste)
	if !ok || !p.Sante100 {
		return Sante100Limit{}, false
	}
	var best Sante100Limit
	found := false
	for _, l := range t.limites {
		if l.Poste != p.Code || l.Variante != variante || l.Since.After(date) {
			continue
		}
		if age < 0 {
			if l.AgeMin != 0 || l.AgeMax >= 0 {
				continue
			}
		} else if age < l.AgeMin || (l.AgeMax >= 0 && age > l.AgeMax) {
			continue
		}
		if !found || l.Since.After(best.Since) {
			best, found = l, true
		}
	}
	return best, found
}

// PriceLimits returns every line of the 100% Santé data in file order. The
// slice is a fresh copy.
func (t *Tables) PriceLimits() []Sante100Limit {
	return slices.Clone(t.limites)
}
