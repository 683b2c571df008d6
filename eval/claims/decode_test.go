package claims

import (
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/date"
)

// cmpErrors compares errors by their messages.
var cmpErrors = cmp.Comparer(func(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Error() == b.Error()
})

// readClaims reads a whole claims file with o.
func readClaims(t testing.TB, src string, o Options) ([]Claim, error) {
	t.Helper()
	r, err := NewReaderOptions(strings.NewReader(src), o)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var claims []Claim
	for {
		if claims, err = r.Read(claims); err == io.EOF {
			return claims, nil
		} else if err != nil {
			return claims, err
		}
	}
}

// allColumns is a header naming every column, in the order of columnNames.
var allColumns = strings.Join(columnNames[:], ";")

// baseLine gives the values of a valid line of a file with allColumns.
var baseLine = map[string]string{
	"id": "L1", "assure": "A1", "date": "2026-03-02",
	"poste": "consult.generaliste", "frais": "30",
}

// lineWith returns baseLine with some values replaced, in allColumns order.
func lineWith(set map[string]string) string {
	vals := make([]string, numColumns)
	for i, name := range columnNames {
		v, ok := set[name]
		if !ok {
			v = baseLine[name]
		}
		vals[i] = v
	}
	return strings.Join(vals, ";")
}

// baseClaim is the claim of baseLine, on line 2.
func baseClaim() Claim {
	return Claim{
		Line: 2, ID: "L1", Assure: "A1", Date: date.DayOf(2026, 3, 2),
		Poste: "consult.generaliste", Frais: 3000, Quantite: 1, Parcours: true,
	}
}

func TestReadClaimsValues(t *testing.T) {
	type edit func(*Claim)
	bad := func(msg string) edit { return func(c *Claim) { c.Err = errors.New(msg) } }
	tests := []struct {
		set  map[string]string
		want edit // applied to baseClaim
	}{
		{map[string]string{}, func(*Claim) {}},
		// Amounts.
		{map[string]string{"frais": "25.5"}, func(c *Claim) { c.Frais = 2550 }},
		{map[string]string{"frais": "25,50"}, func(c *Claim) { c.Frais = 2550 }},
		{map[string]string{"frais": " 007.05 "}, func(c *Claim) { c.Frais = 705 }},
		{map[string]string{"frais": "0"}, func(c *Claim) { c.Frais = 0 }},
		{map[string]string{"frais": "100000000000"}, func(c *Claim) { c.Frais = MaxAmount }},
		{map[string]string{"frais": "100000000000.01"}, bad(`frais: "100000000000.01" is too large (at most 100000000000.00)`)},
		{map[string]string{"frais": "99999999999999999999999999"}, bad(`frais: "99999999999999999999999999" is too large (at most 100000000000.00)`)},
		{map[string]string{"frais": "12."}, bad(`frais: "12." has no digits after the decimal mark`)},
		{map[string]string{"frais": ".5"}, bad(`frais: ".5" has no digits before the decimal mark`)},
		{map[string]string{"frais": "-5"}, bad(`frais: "-5" is negative`)},
		{map[string]string{"frais": "abc"}, bad(`frais: "abc" is not an amount (expected euros such as 12.50)`)},
		{map[string]string{"frais": "1.234"}, bad(`frais: "1.234" has more than two decimals`)},
		{map[string]string{"frais": "12,345"}, bad(`frais: "12,345" has more than two decimals`)},
		{map[string]string{"frais": "1 234"}, bad(`frais: "1 234" is not an amount (expected euros such as 12.50): write it without the thousands separator`)},
		{map[string]string{"frais": "+5"}, bad(`frais: "+5" is not an amount (expected euros such as 12.50)`)},
		{map[string]string{"frais": "1e5"}, bad(`frais: "1e5" is not an amount (expected euros such as 12.50)`)},
		{map[string]string{"frais": ""}, bad(`missing frais`)},
		{map[string]string{"base": "23"}, func(c *Claim) { c.Base = 2300 }},
		{map[string]string{"base": "-23"}, bad(`base: "-23" is negative`)},
		{map[string]string{"ro": "16,10"}, func(c *Claim) { c.RO, c.HasRO = 1610, true }},
		{map[string]string{"ro": "0"}, func(c *Claim) { c.RO, c.HasRO = 0, true }},
		{map[string]string{"pf": "2"}, func(c *Claim) { c.PF, c.HasPF = 200, true }},
		{map[string]string{"pf": "x"}, bad(`pf: "x" is not an amount (expected euros such as 12.50)`)},
		// Taux.
		{map[string]string{"taux": "70"}, func(c *Claim) { c.Taux, c.HasTaux = 7000, true }},
		{map[string]string{"taux": "65.5"}, func(c *Claim) { c.Taux, c.HasTaux = 6550, true }},
		{map[string]string{"taux": "70,0"}, func(c *Claim) { c.Taux, c.HasTaux = 7000, true }},
		{map[string]string{"taux": "0"}, func(c *Claim) { c.Taux, c.HasTaux = 0, true }},
		{map[string]string{"taux": "100"}, func(c *Claim) { c.Taux, c.HasTaux = 10000, true }},
		{map[string]string{"taux": "1"}, func(c *Claim) { c.Taux, c.HasTaux = 100, true }},
		{map[string]string{"taux": "0,00"}, func(c *Claim) { c.Taux, c.HasTaux = 0, true }},
		{map[string]string{"taux": "0,7"}, bad(`taux: "0,7" is between 0 and 1: taux is in percent: 70, not 0,7`)},
		{map[string]string{"taux": "0.7"}, bad(`taux: "0.7" is between 0 and 1: taux is in percent: 70, not 0,7`)},
		{map[string]string{"taux": "0,01"}, bad(`taux: "0,01" is between 0 and 1: taux is in percent: 70, not 0,7`)},
		{map[string]string{"taux": "0.99"}, bad(`taux: "0.99" is between 0 and 1: taux is in percent: 70, not 0,7`)},
		{map[string]string{"taux": "100.01"}, bad(`taux: "100.01" is above 100`)},
		{map[string]string{"taux": "250"}, bad(`taux: "250" is above 100`)},
		{map[string]string{"taux": "65.555"}, bad(`taux: "65.555" has more than two decimals`)},
		{map[string]string{"taux": "-1"}, bad(`taux: "-1" is negative`)},
		{map[string]string{"taux": "70%"}, bad(`taux: "70%" is not a percentage (expected such as 70 or 65.5): write it without the percent sign`)},
		// Quantite.
		{map[string]string{"quantite": "3"}, func(c *Claim) { c.Quantite = 3 }},
		{map[string]string{"quantite": "100000"}, func(c *Claim) { c.Quantite = MaxQuantite }},
		{map[string]string{"quantite": "100001"}, bad(`quantite: "100001" is too large (at most 100000)`)},
		{map[string]string{"quantite": "0"}, bad(`quantite: "0" is not a whole number of units, at least 1`)},
		{map[string]string{"quantite": "1.5"}, bad(`quantite: "1.5" is not a whole number of units, at least 1`)},
		{map[string]string{"quantite": "-1"}, bad(`quantite: "-1" is not a whole number of units, at least 1`)},
		// Dates.
		{map[string]string{"date": "2024-02-29"}, func(c *Claim) { c.Date = date.DayOf(2024, 2, 29) }},
		{map[string]string{"date": "2026-02-30"}, bad(`date: "2026-02-30" is not a valid date: February 2026 has 28 days`)},
		{map[string]string{"date": "2026-04-31"}, bad(`date: "2026-04-31" is not a valid date: April 2026 has 30 days`)},
		{map[string]string{"date": "2026-13-01"}, bad(`date: "2026-13-01" is not a valid date: there is no month 13`)},
		{map[string]string{"date": "2026-01-00"}, bad(`date: "2026-01-00" is not a valid date: there is no day 0`)},
		{map[string]string{"date": "2026-3-2"}, bad(`date: "2026-3-2" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)`)},
		{map[string]string{"date": "02/03/2026"}, func(c *Claim) { c.Date = date.DayOf(2026, 3, 2) }},
		{map[string]string{"date": "29/02/2024"}, func(c *Claim) { c.Date = date.DayOf(2024, 2, 29) }},
		{map[string]string{"date": "30/02/2026"}, bad(`date: "30/02/2026" is not a valid date: February 2026 has 28 days`)},
		{map[string]string{"date": "02/13/2026"}, bad(`date: "02/13/2026" is not a valid date: there is no month 13`)},
		{map[string]string{"date": "00/03/2026"}, bad(`date: "00/03/2026" is not a valid date: there is no day 0`)},
		{map[string]string{"date": "2/3/2026"}, bad(`date: "2/3/2026" is not a date (expected YYYY-MM-DD or DD/MM/YYYY): write it DD/MM/YYYY: two-digit day and month, four-digit year`)},
		{map[string]string{"date": "2026-03-02 08:30"}, bad(`date: "2026-03-02 08:30" is not a date (expected YYYY-MM-DD or DD/MM/YYYY): write the date without its time`)},
		{map[string]string{"date": "46083"}, bad(`date: "46083" is not a date (expected YYYY-MM-DD or DD/MM/YYYY): an Excel serial number: format the column as a date`)},
		{map[string]string{"frais": "30 €"}, bad(`frais: "30 €" is not an amount (expected euros such as 12.50): write it without the currency sign`)},
		{map[string]string{"date": "02-03-2026"}, bad(`date: "02-03-2026" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)`)},
		{map[string]string{"date": "2026/03/02"}, bad(`date: "2026/03/02" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)`)},
		{map[string]string{"naissance": "17/05/1980"}, func(c *Claim) { c.Naissance, c.HasNaiss = date.DayOf(1980, 5, 17), true }},
		{map[string]string{"adhesion": "01/01/2027"}, func(c *Claim) { c.Adhesion, c.HasAdh = date.DayOf(2027, 1, 1), true }},
		{map[string]string{"adhesion": "31/04/2027"}, bad(`adhesion: "31/04/2027" is not a valid date: April 2027 has 30 days`)},
		{map[string]string{"date": ""}, bad(`missing date`)},
		{map[string]string{"naissance": "1980-05-17"}, func(c *Claim) { c.Naissance, c.HasNaiss = date.DayOf(1980, 5, 17), true }},
		{map[string]string{"naissance": "2026-03-02"}, func(c *Claim) { c.Naissance, c.HasNaiss = c.Date, true }},
		{map[string]string{"naissance": "2026-03-03"}, bad(`naissance: 2026-03-03 is after the date of care 2026-03-02`)},
		{map[string]string{"adhesion": "2027-01-01"}, func(c *Claim) { c.Adhesion, c.HasAdh = date.DayOf(2027, 1, 1), true }},
		{map[string]string{"adhesion": "2027-01"}, bad(`adhesion: "2027-01" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)`)},
		// Booleans.
		{map[string]string{"reseau": "oui"}, func(c *Claim) { c.Reseau = true }},
		{map[string]string{"reseau": "Oui"}, func(c *Claim) { c.Reseau = true }},
		{map[string]string{"optam": "TRUE"}, func(c *Claim) { c.Optam = true }},
		{map[string]string{"ald": "1"}, func(c *Claim) { c.ALD = true }},
		{map[string]string{"ald": "non"}, func(*Claim) {}},
		{map[string]string{"parcours": "non"}, func(c *Claim) { c.Parcours = false }},
		{map[string]string{"parcours": "False"}, func(c *Claim) { c.Parcours = false }},
		{map[string]string{"parcours": "0"}, func(c *Claim) { c.Parcours = false }},
		{map[string]string{"parcours": "oui"}, func(*Claim) {}},
		{map[string]string{"reseau": "yes"}, bad(`reseau: "yes" is not a boolean (use oui/non, true/false or 1/0)`)},
		{map[string]string{"ald": "vrai"}, bad(`ald: "vrai" is not a boolean (use oui/non, true/false or 1/0)`)},
		// Secteur and régime.
		{map[string]string{"secteur": "1"}, func(c *Claim) { c.Secteur = 1 }},
		{map[string]string{"secteur": "3"}, func(c *Claim) { c.Secteur = 3 }},
		{map[string]string{"secteur": "4"}, bad(`secteur: "4" is not a secteur (use 1, 2 or 3)`)},
		{map[string]string{"secteur": "0"}, bad(`secteur: "0" is not a secteur (use 1, 2 or 3)`)},
		{map[string]string{"regime": "general"}, func(*Claim) {}},
		{map[string]string{"regime": "alsace_moselle"}, func(c *Claim) { c.Regime = RegimeAlsaceMoselle }},
		{map[string]string{"regime": "Alsace-Moselle"}, func(c *Claim) { c.Regime = RegimeAlsaceMoselle }},
		{map[string]string{"regime": "alsace"}, bad(`regime: "alsace" is not a regime (use general or alsace_moselle)`)},
		// Text columns.
		{map[string]string{"famille": "F7"}, func(c *Claim) { c.Famille = "F7" }},
		{map[string]string{"poste": "Optique.Monture"}, func(c *Claim) { c.Poste = "Optique.Monture" }},
		{map[string]string{"id": ""}, func(c *Claim) { c.ID, c.Err = "", errors.New("missing id") }},
		{map[string]string{"assure": ""}, bad(`missing assure`)},
		{map[string]string{"poste": " "}, bad(`missing poste`)},
		{map[string]string{"assure": "A\x01"}, bad(`assure: "A\x01" contains a control character or a line break`)},
		{map[string]string{"assure": "A\xff"}, bad(`assure: "A\xff" is not valid UTF-8 text`)},
		{map[string]string{"famille": "Famille Müller"}, func(c *Claim) { c.Famille = "Famille Müller" }},
		// Professionnel, equipement, verres.
		{map[string]string{"professionnel": "PS12345"}, func(c *Claim) { c.Professionnel = "PS12345" }},
		{map[string]string{"professionnel": "P\x02"}, bad(`professionnel: "P\x02" contains a control character or a line break`)},
		{map[string]string{"equipement": "E7"}, func(c *Claim) { c.Equipement = "E7" }},
		{map[string]string{"equipement": "E\xff"}, bad(`equipement: "E\xff" is not valid UTF-8 text`)},
		{map[string]string{"verres": ""}, func(*Claim) {}},
		{map[string]string{"verres": "simple"}, func(c *Claim) { c.Verres = VerresSimple }},
		{map[string]string{"verres": "Complexe"}, func(c *Claim) { c.Verres = VerresComplexe }},
		{map[string]string{"verres": "tres_complexe"}, func(c *Claim) { c.Verres = VerresTresComplexe }},
		{map[string]string{"verres": "tres-complexe"}, func(c *Claim) { c.Verres = VerresTresComplexe }},
		{map[string]string{"verres": "progressif"}, bad(`verres: "progressif" is not a kind of lenses (use simple, complexe or tres_complexe)`)},
		{map[string]string{"verres": "très_complexe"}, bad(`verres: "très_complexe" is not a kind of lenses (use simple, complexe or tres_complexe)`)},
		// Sejour, type_sejour, etranger, participation (issue 14).
		{map[string]string{"sejour": "S1"}, func(c *Claim) { c.Sejour = "S1" }},
		{map[string]string{"type_sejour": "chirurgie"}, func(c *Claim) { c.TypeSejour = SejourChirurgie }},
		{map[string]string{"type_sejour": "Médecine"}, func(c *Claim) { c.TypeSejour = SejourMedecine }},
		{map[string]string{"type_sejour": "maternité"}, func(c *Claim) { c.TypeSejour = SejourMaternite }},
		{map[string]string{"type_sejour": "HAD"}, func(c *Claim) { c.TypeSejour = SejourHAD }},
		{map[string]string{"type_sejour": "smr"}, func(c *Claim) { c.TypeSejour = SejourSMR }},
		{map[string]string{"type_sejour": "psychiatrie"}, func(c *Claim) { c.TypeSejour = SejourPsychiatrie }},
		{map[string]string{"type_sejour": "ambulatoire"}, bad(`type_sejour: "ambulatoire" is not a type of stay (use medecine, chirurgie, psychiatrie, smr, maternite or had)`)},
		{map[string]string{"etranger": "oui"}, func(c *Claim) { c.Etranger = true }},
		{map[string]string{"etranger": "peut-être"}, bad(`etranger: "peut-être" is not a boolean (use oui/non, true/false or 1/0)`)},
		{map[string]string{"participation": "19,61"}, func(c *Claim) { c.Participation = 1961 }},
		{map[string]string{"participation": "-24"}, bad(`participation: "-24" is negative`)},
		{map[string]string{"optam": "oui", "secteur": "3"}, bad(`optam: an OPTAM doctor is in secteur 1 or 2, never in secteur 3: fix the optam or the secteur column`)},
		{map[string]string{"optam": "oui", "secteur": "2"}, func(c *Claim) { c.Optam, c.Secteur = true, 2 }},
		// The first problem is the reason: the id, then file order.
		{map[string]string{"id": "", "date": "x"}, func(c *Claim) { c.ID, c.Err = "", errors.New("missing id") }},
		{map[string]string{"date": "x", "frais": "x"}, bad(`date: "x" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)`)},
		{map[string]string{"naissance": "2030-01-01", "regime": "x"}, bad(`regime: "x" is not a regime (use general or alsace_moselle)`)},
		{map[string]string{"frais": strings.Repeat("9", 60)}, bad(`frais: "` + strings.Repeat("9", 40) + `…" is too large (at most 100000000000.00)`)},
	}
	for _, tt := range tests {
		line := lineWith(tt.set)
		t.Run(line, func(t *testing.T) {
			got, err := readClaims(t, allColumns+"\n"+line+"\n", Options{Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			want := baseClaim()
			tt.want(&want)
			if want.Err != nil {
				got[0] = keepDecodedOnError(got[0], want)
			}
			if diff := cmp.Diff([]Claim{want}, got, cmpErrors); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
		})
	}
}

// keepDecodedOnError returns got with the fields a rejected line leaves
// unspecified taken from want, keeping Line, Index, ID and Err.
func keepDecodedOnError(got, want Claim) Claim {
	w := want
	w.Line, w.Index, w.ID, w.Err = got.Line, got.Index, got.ID, got.Err
	return w
}

func TestReadClaimsFields(t *testing.T) {
	tests := []struct {
		name, src string
		want      []Claim
	}{{
		name: "comma file with quoted decimal comma and escaped quotes",
		src:  "id,assure,date,poste,frais,base\n\"L\"\"1\",A1,2026-03-02,dentaire.soins,\"12,50\", \"10.5\" \n",
		want: []Claim{{Line: 2, ID: `L"1`, Assure: "A1", Date: date.DayOf(2026, 3, 2), Poste: "dentaire.soins", Frais: 1250, Base: 1050, Quantite: 1, Parcours: true}},
	}, {
		name: "unquoted decimal comma in a comma file",
		src:  "id,assure,date,poste,frais\nL1,A1,2026-03-02,dentaire.soins,12,50\n",
		want: []Claim{{Line: 2, ID: "L1", Quantite: 1, Parcours: true, Err: errors.New(`line has 6 fields, header has 5 (with "," as separator, a decimal comma needs quotes: "12,50")`)}},
	}, {
		name: "too few fields",
		src:  "assure;id;date;poste;frais\nA1;L1;2026-03-02\n",
		want: []Claim{{Line: 2, ID: "L1", Quantite: 1, Parcours: true, Err: errors.New(`line has 3 fields, header has 5`)}},
	}, {
		name: "columns in any order",
		src:  "frais;poste;date;taux;assure;id\n 40 ;optique.monture;2026-01-05;60;A2;L9\n",
		want: []Claim{{Line: 2, ID: "L9", Assure: "A2", Date: date.DayOf(2026, 1, 5), Poste: "optique.monture", Frais: 4000, Taux: 6000, HasTaux: true, Quantite: 1, Parcours: true}},
	}, {
		name: "quoted line break in the id",
		src:  "id,assure,date,poste,frais\n\"L\n1\",A1,2026-03-02,dentaire.soins,1\nL2,A1,2026-03-02,dentaire.soins,2\n",
		want: []Claim{
			{Line: 2, Assure: "A1", Date: date.DayOf(2026, 3, 2), Poste: "dentaire.soins", Frais: 100, Quantite: 1, Parcours: true, Err: errors.New(`lines 2-3: id: the quote opened at line 2 column 1 closes on line 3, so these lines were read as one (a stray quote?)`)},
			{Line: 4, Index: 1, ID: "L2", Assure: "A1", Date: date.DayOf(2026, 3, 2), Poste: "dentaire.soins", Frais: 200, Quantite: 1, Parcours: true},
		},
	}, {
		name: "bare quote, text after a quote, unterminated quote",
		src:  "id,assure,date,poste,frais\nL1,A\"1,2026-03-02,dentaire.soins,1\nL2,\"A1\"x,2026-03-02,dentaire.soins,1\nL3,A1,2026-03-02,dentaire.soins,\"1\n\n",
		want: []Claim{
			{Line: 2, ID: "L1", Assure: "A\"1", Date: date.DayOf(2026, 3, 2), Poste: "dentaire.soins", Frais: 100, Quantite: 1, Parcours: true, Err: errors.New(`assure: quote inside an unquoted field (quote the whole field and double the quote: "a""b")`)},
			{Line: 3, Index: 1, ID: "L2", Assure: "A1", Date: date.DayOf(2026, 3, 2), Poste: "dentaire.soins", Frais: 100, Quantite: 1, Parcours: true, Err: errors.New(`assure: text after the closing quote of a quoted field`)},
			{Line: 4, Index: 2, ID: "L3", Assure: "A1", Date: date.DayOf(2026, 3, 2), Poste: "dentaire.soins", Frais: 100, Quantite: 1, Parcours: true, Err: errors.New(`frais: the quote opened at column 33 is never closed (a stray quote?)`)},
		},
	}, {
		name: "BOM, CRLF, blank lines counted but skipped, no final line break",
		src:  "\uFEFFid;assure;date;poste;frais\r\n\r\nL1;A1;2026-03-02;dentaire.soins;1,5\r\n  \t\r\n\nL2;A1;2026-03-03;dentaire.soins;2\r\n\r\nL3;A1;2026-03-04;dentaire.soins;3",
		want: []Claim{
			{Line: 3, ID: "L1", Assure: "A1", Date: date.DayOf(2026, 3, 2), Poste: "dentaire.soins", Frais: 150, Quantite: 1, Parcours: true},
			{Line: 6, Index: 1, ID: "L2", Assure: "A1", Date: date.DayOf(2026, 3, 3), Poste: "dentaire.soins", Frais: 200, Quantite: 1, Parcours: true},
			{Line: 8, Index: 2, ID: "L3", Assure: "A1", Date: date.DayOf(2026, 3, 4), Poste: "dentaire.soins", Frais: 300, Quantite: 1, Parcours: true},
		},
	}, {
		name: "a line of empty fields is not blank",
		src:  "id,assure,date,poste,frais\n,,,,\n",
		want: []Claim{{Line: 2, Quantite: 1, Parcours: true, Err: errors.New("missing id")}},
	}, {
		name: "header only",
		src:  "id,assure,date,poste,frais",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, o := range []Options{{Workers: 1}, {Workers: 3, BlockSize: 5}} {
				got, err := readClaims(t, tt.src, o)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, got, cmpErrors); diff != "" {
					t.Errorf("%+v: claims (-want +got):\n%s", o, diff)
				}
			}
		})
	}
}

func TestReadClaimsInterning(t *testing.T) {
	got, err := ReadAll(strings.NewReader("id,assure,famille,date,poste,frais,professionnel\nL1,A1,F1,2026-03-02,dentaire.soins,1,P1\nL2,A1,F1,2026-03-02,dentaire.soins,1,P1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if unsafeData(got[0].Assure) != unsafeData(got[1].Assure) || unsafeData(got[0].Poste) != unsafeData(got[1].Poste) ||
		unsafeData(got[0].Professionnel) != unsafeData(got[1].Professionnel) {
		t.Errorf("equal assure, poste and professionnel values do not share their storage")
	}
}

func TestVerresString(t *testing.T) {
	for v, want := range map[Verres]string{VerresUnknown: "", VerresSimple: "simple", VerresComplexe: "complexe", VerresTresComplexe: "tres_complexe", 9: "Verres(9)"} {
		if got := v.String(); got != want {
			t.Errorf("Verres(%d).String() = %q, want %q", v, got, want)
		}
	}
}

// TestParseDateTable checks the day numbers parseDate takes from its
// table of months against time's calendar, in both spellings, and that the
// dates the table does not cover, or that do not exist, still go through
// the full checks.
func TestParseDateTable(t *testing.T) {
	for d := time.Date(1899, 12, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2151; d = d.AddDate(0, 0, 1) {
		want := date.Day(d.Unix() / 86400)
		for _, s := range []string{d.Format("2006-01-02"), d.Format("02/01/2006")} {
			got, err := parseDate([]byte(s))
			if err != nil || got != want {
				t.Fatalf("parseDate(%s) = %d, %v; want %d", s, got, err, want)
			}
		}
	}
	for _, s := range []string{"2025-02-29", "2100-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "0000-00-00", "1899-02-29"} {
		if got, err := parseDate([]byte(s)); err == nil {
			t.Errorf("parseDate(%s) = %d, want an error", s, got)
		}
	}
	for s, want := range map[string]date.Day{"2000-02-29": 11016, "1600-02-29": date.DayOf(1600, 2, 29), "2400-02-29": date.DayOf(2400, 2, 29)} {
		if got, err := parseDate([]byte(s)); err != nil || got != want {
			t.Errorf("parseDate(%s) = %d, %v; want %d", s, got, err, want)
		}
	}
}

// TestPlainPath reads records made of valid and invalid values, spaces,
// quotes, CRLF line ends and missing or extra fields with and without the
// parser's fast path, and checks that both give the same claims, and that
// the fast path took most of the valid records.
func TestPlainPath(t *testing.T) {
	values := [numColumns][]string{
		colID:            {"L1", "L 2", " L3", "é", "#N/A", ""},
		colAssure:        {"A1", "A2", "A1 ", "a\"b\""},
		colFamille:       {"F1", "", "F 2"},
		colDate:          {"2026-03-02", "02/03/2026", "2026-02-30", "2026-3-2", "1899-12-31", ""},
		colPoste:         {"soins.pharmacie", "dentaire.soins", ""},
		colFrais:         {"12.50", "12,5", "3", "-1", "1.234", "\"1,50\"", "", "100000000000.01"},
		colBase:          {"10", "", "x"},
		colTaux:          {"70", "0,7", "65.5", "", "101"},
		colRO:            {"", "7.00", "0"},
		colPF:            {"", "1"},
		colParticipation: {"", "24"},
		colQuantite:      {"1", "3", "0", "", "100001"},
		colNaissance:     {"1980-01-31", "2027-01-01", ""},
		colAdhesion:      {"2020-01-01", ""},
		colReseau:        {"oui", "NON", "true", "peut-être", ""},
		colOptam:         {"non", "oui", ""},
		colParcours:      {"", "0"},
		colALD:           {"", "1"},
		colSecteur:       {"1", "3", "", "4"},
		colRegime:        {"", "general", "Alsace-Moselle", "x"},
		colProfessionnel: {"", "P1"},
		colEquipement:    {"", "E1", "\tE1"},
		colVerres:        {"", "complexe", "x"},
		colSejour:        {"", "S1"},
		colTypeSejour:    {"", "Médecine", "had", "x"},
		colEtranger:      {"", "oui"},
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, sep := range []string{",", ";"} {
		var b strings.Builder
		b.WriteString(strings.Join(columnNames[:], sep) + "\n")
		for n := range 3000 {
			fields := make([]string, numColumns)
			for c := range fields {
				vs := values[c]
				fields[c] = vs[0]
				if rng.IntN(8) == 0 {
					fields[c] = vs[rng.IntN(len(vs))]
				}
			}
			switch rng.IntN(20) {
			case 0:
				fields = fields[:len(fields)-1]
			case 1:
				fields = append(fields, "")
			}
			b.WriteString(strings.Join(fields, sep))
			b.WriteString([]string{"\n", "\r\n", " \n", "\n\n"}[n%4])
		}
		src := b.String()
		plainPath = false
		slow, err := readClaims(t, src, Options{Workers: 1})
		plainPath = true
		if err != nil {
			t.Fatal(err)
		}
		fast, err := readClaims(t, src, Options{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(slow, fast, cmpErrors); diff != "" {
			t.Fatalf("sep %q (-without +with the fast path):\n%s", sep, diff)
		}
		valid := 0
		for _, c := range slow {
			if c.Err == nil {
				valid++
			}
		}
		if valid < 100 {
			t.Fatalf("sep %q: only %d valid records", sep, valid)
		}
	}
	// The fast path takes a valid plain record: a parser left with it
	// alone decodes it.
	p := newParser(',', []column{colID, colAssure, colDate, colPoste, colFrais})
	var c Claim
	if next, ended, ok := p.decodePlain(&c, []byte("L1,A1,2026-03-02,soins,12.50\nL2"), 0); !ok || next != 29 || !ended || c.Frais != 1250 || c.ID != "L1" {
		t.Fatalf("decodePlain = %d, %v, %v, %+v", next, ended, ok, c)
	}
}
