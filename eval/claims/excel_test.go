package claims

import (
	"errors"
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
	b.WriteString("L1;A1;2026-03-02;dentaire.soins;1;F1\n") // line 2
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
