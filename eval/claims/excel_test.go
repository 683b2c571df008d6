package claims

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/date"
)

// TestReadClaimsExcelLayout reads the harmless marks a spreadsheet leaves
// in a CSV export: the sep= hint and empty columns right of the table.
func TestReadClaimsExcelLayout(t *testing.T) {
	ok := func(line, index int, id string) Claim {
		return Claim{Line: line, Index: index, ID: id, Assure: "A1", Date: date.DayOf(2026, 3, 2), Poste: "dentaire.soins", Frais: 1250, Quantite: 1, Parcours: true}
	}
	bad := func(c Claim, msg string) Claim { c.Err = errors.New(msg); return c }
	tests := []struct {
		name, src string
		want      []Claim
	}{{
		name: "sep hint: lines count from the hint",
		src:  "sep=;\r\nid;assure;date;poste;frais\r\nL1;A1;02/03/2026;dentaire.soins;12,50\r\n",
		want: []Claim{ok(3, 0, "L1")},
	}, {
		name: "sep hint names the comma",
		src:  "sep=,\nid,assure,date,poste,frais\nL1,A1,2026-03-02,dentaire.soins,\"12,50\"\n",
		want: []Claim{ok(3, 0, "L1")},
	}, {
		name: "trailing unnamed columns: empty values, or fewer separators, are read",
		src: "id;assure;date;poste;frais;;;\n" +
			"L1;A1;2026-03-02;dentaire.soins;12,50;;;\n" +
			"L2;A1;2026-03-02;dentaire.soins;12,50\n" +
			"L3;A1;2026-03-02;dentaire.soins;12,50; ;\"\"\n" +
			"L4;A1;2026-03-02;dentaire.soins;12,50;;x;\n" +
			"L5;A1;2026-03-02;dentaire.soins;12,50;;;;\n" +
			"L6;A1;2026-03-02;dentaire.soins\n",
		want: []Claim{
			ok(2, 0, "L1"), ok(3, 1, "L2"), ok(4, 2, "L3"),
			bad(ok(5, 3, "L4"), `field 7: "x" is under a column the header does not name (only empty values may follow the named columns)`),
			bad(Claim{Line: 6, Index: 4, ID: "L5", Quantite: 1, Parcours: true}, "line has 9 fields, header has 8"),
			bad(Claim{Line: 7, Index: 5, ID: "L6", Quantite: 1, Parcours: true}, "line has 4 fields, header has 8"),
		},
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

// TestReadClaimsStrayQuote checks that a stray quote costs the lines it
// spans, named in one error, and that the lines after it are read.
func TestReadClaimsStrayQuote(t *testing.T) {
	var b strings.Builder
	b.WriteString("id;assure;date;poste;frais;famille\n")
	b.WriteString("L1;A1;2026-03-02;dentaire.soins;1;F1\n")   // line 2
	b.WriteString("L2;A1;2026-03-02;dentaire.soins;1;\"F1\n") // line 3: stray quote at column 35
	for i := 4; i < 40; i++ {
		b.WriteString("Lx;A1;2026-03-02;dentaire.soins;1;F1\n")
	}
	b.WriteString("L40;A1;2026-03-02;dentaire.soins;1;\"F1\"\n") // its first quote closes the stray one
	b.WriteString("L41;A1;2026-03-02;dentaire.soins;1;F1\n")
	b.WriteString("L42;A1;2026-03-02;dentaire.soins;1;\"F1\n") // never closed
	b.WriteString("L43;A1;2026-03-02;dentaire.soins;1;F1\n")
	src := b.String()
	for _, o := range []Options{{Workers: 1}, {Workers: 2, BlockSize: 64}} {
		got, err := readClaims(t, src, o)
		if err != nil {
			t.Fatal(err)
		}
		var lines []int
		var errs []string
		for _, c := range got {
			lines = append(lines, c.Line)
			if c.Err != nil {
				errs = append(errs, c.Err.Error())
			}
		}
		if diff := cmp.Diff([]int{2, 3, 41, 42, 43}, lines); diff != "" {
			t.Errorf("%+v: record lines (-want +got):\n%s", o, diff)
		}
		want := []string{
			"lines 3-40: famille: the quote opened at line 3 column 35 closes on line 40, so these lines were read as one (a stray quote?)",
			"famille: the quote opened at column 36 is never closed (a stray quote?)",
		}
		if diff := cmp.Diff(want, errs); diff != "" {
			t.Errorf("%+v: errors (-want +got):\n%s", o, diff)
		}
		var span *SpanError
		if !errors.As(got[1].Err, &span) || *span != (SpanError{First: 3, Last: 40, Column: "famille", QuoteLine: 3, QuoteCol: 35, CloseLine: 40}) {
			t.Errorf("%+v: the error of line 3 is %#v, want a *SpanError", o, got[1].Err)
		}
	}
}

// TestReadClaimsQuoteBound checks that a quote closed only past maxQuoted
// bytes is unterminated: its line is bad alone and the next ones are
// read, so a stray quote cannot hold the rest of the file in memory.
func TestReadClaimsQuoteBound(t *testing.T) {
	var b strings.Builder
	b.WriteString("id;assure;date;poste;frais\n")
	b.WriteString("L1;\"A1;2026-03-02;dentaire.soins;1\n") // line 2
	line := "Lx;A1;2026-03-02;dentaire.soins;1\n"
	n := maxQuoted/len(line) + 1
	for range n {
		b.WriteString(line)
	}
	b.WriteString("Lq;A1;2026-03-02;dentaire.soins;\"1\"\n")
	src := b.String()
	for _, o := range []Options{{Workers: 1}, {Workers: 2, BlockSize: 4096}} {
		got, err := readClaims(t, src, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != n+2 {
			t.Fatalf("%+v: %d claims, want %d", o, len(got), n+2)
		}
		if want := "assure: the quote opened at column 4 is never closed (a stray quote?)"; got[0].Err == nil || got[0].Err.Error() != want {
			t.Errorf("%+v: line 2: %v, want %s", o, got[0].Err, want)
		}
		for _, c := range got[1:] {
			if c.Err != nil {
				t.Fatalf("%+v: line %d: %v", o, c.Line, c.Err)
			}
		}
	}
}

// TestReadClaimsArtefacts checks that a column a spreadsheet wrote wrong
// on every line is one file error naming the artefact, and that isolated
// values of the same kind stay bad lines.
func TestReadClaimsArtefacts(t *testing.T) {
	// file returns a file whose lines have the values of col.
	file := func(col string, vals ...string) string {
		var b strings.Builder
		b.WriteString("id;assure;date;poste;frais;taux;naissance\n")
		for i, v := range vals {
			set := map[string]string{"id": fmt.Sprintf("L%d", i+1), "assure": "A1", "date": "2026-03-02", "poste": "dentaire.soins", "frais": "30", "taux": "60", "naissance": ""}
			set[col] = v
			fmt.Fprintf(&b, "%s;%s;%s;%s;%s;%s;%s\n", set["id"], set["assure"], set["date"], set["poste"], set["frais"], set["taux"], set["naissance"])
		}
		return b.String()
	}
	fileErr := func(col, what, fix string, line int, value string, checked int) *ArtefactError {
		return &ArtefactError{Column: col, Artefact: what, Fix: fix, Line: line, Value: value, Checked: checked}
	}
	const dateFix = "format the column as a date without time (YYYY-MM-DD or DD/MM/YYYY) and export again"
	const numberFix = "format the column as a plain number (in Excel: Format Cells, Number, no thousands separator) and export again"
	tests := []struct {
		name string
		src  string
		want error
	}{
		{"date and time", file("date", "2026-03-02 00:00:00", "2026-03-03 00:00:00", "2026-03-04 00:00"),
			fileErr("date", "dates with a time of day", dateFix, 2, "2026-03-02 00:00:00", 3)},
		{"date and time, French order", file("naissance", "", "02/03/1980 00:00", "02/03/1981 00:00:00"),
			fileErr("naissance", "dates with a time of day", dateFix, 3, "02/03/1980 00:00", 2)},
		{"serial dates", file("date", "46083", "46084"),
			fileErr("date", "Excel serial numbers instead of dates", "format the column as a date (in Excel: Format Cells, Date, DD/MM/YYYY) and export again", 2, "46083", 2)},
		{"short dates", file("date", "3/2/26", "3/3/26", "12/11/26"),
			fileErr("date", "dates in a short format (D/M/YY)", "format the column as DD/MM/YYYY with a four-digit year, or YYYY-MM-DD, and export again", 2, "3/2/26", 3)},
		{"US dates", file("date", "03/02/2026", "03/13/2026", "03/14/2026"),
			fileErr("date", "dates in the US order MM/DD/YYYY (a month above 12)", "format the column as DD/MM/YYYY or YYYY-MM-DD and export again: read as DD/MM/YYYY, its dates would be wrong", 3, "03/13/2026", 3)},
		{"currency sign", file("frais", "1 234,00 €", "30,00 €"),
			fileErr("frais", "amounts with a currency sign", numberFix, 2, "1 234,00 €", 2)},
		{"thousands separator", file("frais", "1 234,00", "1\u00a0234,50", "2 000"),
			fileErr("frais", "amounts with a thousands separator", numberFix, 2, "1 234,00", 3)},
		{"percent sign", file("taux", "70%", "60 %"),
			fileErr("taux", "rates with a percent sign", "format the column as a plain number of percent (70 for 70%) and export again", 2, "70%", 2)},
		{"Excel errors", file("frais", "#N/A", "#VALUE!", "#DIV/0!"),
			fileErr("frais", "Excel error values (#N/A, #VALUE!…)", "the spreadsheet's formulas failed in this column: fix them, or paste the values, and export again", 2, "#N/A", 3)},
		{"Excel errors in a text column, in French", file("assure", "#N/A", "#VALEUR!"),
			fileErr("assure", "Excel error values (#N/A, #VALUE!…)", "the spreadsheet's formulas failed in this column: fix them, or paste the values, and export again", 2, "#N/A", 2)},
		// Not systematic: bad lines.
		{"one value", file("date", "2026-03-02 00:00:00"), nil},
		{"one good value among them", file("date", "2026-03-02 00:00:00", "2026-03-02", "2026-03-04 00:00:00"), nil},
		{"two artefacts", file("frais", "1 234,00", "30 €"), nil},
		{"US order told apart by a day above 12", file("date", "13/02/2026", "03/13/2026"), nil},
		{"plain bad values", file("frais", "abc", "def"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader(strings.NewReader(tt.src))
			if diff := cmp.Diff(tt.want, err, cmpErrors); diff != "" {
				t.Fatalf("error (-want +got):\n%s", diff)
			}
		})
	}

	// The message, in full.
	aerr := fileErr("date", "dates with a time of day", dateFix, 2, "2026-03-02 00:00:00", 100)
	want := `column date holds dates with a time of day (line 2: "2026-03-02 00:00:00", and the same in the 100 values checked): ` + dateFix
	if aerr.Error() != want {
		t.Errorf("message\n%s\nwant\n%s", aerr, want)
	}

	// Isolated values are bad lines with their reason.
	got, err := ReadAll(strings.NewReader(file("frais", "30", "#N/A", "1 234,00 €")))
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, c := range got {
		if c.Err != nil {
			errs = append(errs, c.Err.Error())
		}
	}
	wantErrs := []string{
		`frais: "#N/A" is an Excel error value: the spreadsheet's formula failed`,
		`frais: "1 234,00 €" is not an amount (expected euros such as 12.50): write it without the currency sign`,
	}
	if diff := cmp.Diff(wantErrs, errs); diff != "" {
		t.Errorf("line errors (-want +got):\n%s", diff)
	}
}

// TestReadClaimsArtefactSample checks that the artefact is looked for in
// the first artefactSample values only: a file whose artefact starts
// later has bad lines.
func TestReadClaimsArtefactSample(t *testing.T) {
	var b strings.Builder
	b.WriteString("id;assure;date;poste;frais\n")
	for i := range artefactSample + 50 {
		d := "2026-03-02"
		if i > 0 {
			d += " 00:00:00"
		}
		fmt.Fprintf(&b, "L%d;A1;%s;dentaire.soins;1\n", i, d)
	}
	if _, err := NewReader(strings.NewReader(b.String())); err != nil {
		t.Fatalf("a good first value: %v", err)
	}
	src := strings.Replace(b.String(), "L0;A1;2026-03-02;", "L0;A1;2026-03-02 00:00:00;", 1)
	var aerr *ArtefactError
	if _, err := NewReader(strings.NewReader(src)); !errors.As(err, &aerr) || aerr.Checked != artefactSample {
		t.Fatalf("every value a date and time: %v, want an *ArtefactError on %d values", err, artefactSample)
	}
}
