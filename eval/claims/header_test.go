package claims

import (
	"errors"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

func unsafeData(s string) *byte { return unsafe.StringData(s) }

func TestReadClaimsHeader(t *testing.T) {
	const rest = ",date,poste,frais\n"
	tests := []struct {
		name, src string
		want      error // a *HeaderError, or nil for a usable header
	}{
		{"minimal", "id,assure" + rest, nil},
		{"spaces around names", " id , assure ,date,poste,frais\n", nil},
		{"quoted names", "\"id\",\"assure\"" + rest, nil},
		{"semicolon", "id;assure;date;poste;frais\n", nil},
		{"every column", allColumns + "\n", nil},
		{"unknown with suggestion", "id,assure,date,poste,frias\n",
			&HeaderError{1, `unknown column "frias" (did you mean "frais"?)`}},
		{"case", "id,assure,date,poste,Frais\n",
			&HeaderError{1, `unknown column "Frais" (did you mean "frais"?)`}},
		{"accent", "id,assure,date,poste,frais,quantité\n",
			&HeaderError{1, `unknown column "quantité" (did you mean "quantite"?)`}},
		{"short name", "id,assure,date,poste,frais,rp\n",
			&HeaderError{1, `unknown column "rp" (did you mean "ro"?)`}},
		{"unknown without suggestion", "id,assure,date,poste,frais,montant\n",
			&HeaderError{1, `unknown column "montant" (columns are ` + strings.Join(columnNames[:], ", ") + `)`}},
		{"suggestion not already present", "id,assure,date,poste,frais,fraiss\n",
			&HeaderError{1, `unknown column "fraiss" (columns are ` + strings.Join(columnNames[:], ", ") + `)`}},
		{"duplicate", "id,assure,id" + rest,
			&HeaderError{1, `duplicate column "id"`}},
		{"missing", "id,date,frais\n",
			&HeaderError{1, `missing required column "assure"; missing required column "poste"`}},
		{"empty name", "id,,assure" + rest,
			&HeaderError{1, `column 2 has no name`}},
		{"bad quote", "id,as\"sure" + rest,
			&HeaderError{1, `column 2: quote inside an unquoted field (quote the whole field and double the quote: "a""b"); missing required column "assure"`}},
		{"empty file", "", &HeaderError{1, "the file is empty: it needs a header naming the columns"}},
		{"BOM only", "\uFEFF", &HeaderError{1, "the file is empty: it needs a header naming the columns"}},
		{"blank first line", "\nid,assure" + rest,
			&HeaderError{1, "line 1 is blank: the first line must be the header naming the columns"}},
		{"trailing unnamed columns", "id;assure;date;poste;frais;;;\n", nil},
		{"trailing unnamed columns, quoted and spaced", "id,assure,date,poste,frais, ,\"\",\n", nil},
		{"sep hint", "sep=;\nid;assure;date;poste;frais\n", nil},
		{"sep hint with CRLF after a BOM", "\uFEFFsep=,\r\nid,assure,date,poste,frais\r\n", nil},
		{"sep hint then bad header", "sep=;\nid;assure;date;poste\n",
			&HeaderError{2, `missing required column "frais"`}},
		{"sep hint then blank", "sep=;\n\nid;assure;date;poste;frais\n",
			&HeaderError{2, "line 2 is blank: the first line must be the header naming the columns"}},
		{"sep hint with a tab", "sep=\t\nid\tassure\n",
			&HeaderError{1, `the line "sep=\t" asks for a separator other than ";" or ",": use one of those`}},
		{"UTF-16 LE", "\xff\xfei\x00d\x00", &HeaderError{1, `the file is UTF-16 text (byte order mark FF FE): save it as "CSV UTF-8" (in Excel: Save As, CSV UTF-8)`}},
		{"UTF-16 BE", "\xfe\xff\x00i", &HeaderError{1, `the file is UTF-16 text (byte order mark FE FF): save it as "CSV UTF-8" (in Excel: Save As, CSV UTF-8)`}},
		{"separator inside quotes does not count", "\"id;x\",assure" + rest,
			&HeaderError{1, `unknown column "id;x" (columns are ` + strings.Join(columnNames[:], ", ") + `); missing required column "id"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader(strings.NewReader(tt.src))
			var herr *HeaderError
			if err != nil && !errors.As(err, &herr) {
				t.Fatalf("error %v is not a *HeaderError", err)
			}
			if diff := cmp.Diff(tt.want, err, cmpErrors); diff != "" {
				t.Errorf("header error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadClaimsHeaderError(t *testing.T) {
	err := (&HeaderError{Line: 1, Msg: `duplicate column "id"`}).Error()
	if want := `line 1: duplicate column "id"`; err != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
}

func TestReadClaimsSeparator(t *testing.T) {
	tests := []struct {
		line string
		want byte
	}{
		{"id,assure", ','},
		{"id;assure", ';'},
		{`"a;b",c`, ','},
		{`"a,b";c`, ';'},
		{"id", ','},
	}
	for _, tt := range tests {
		if got := detectSeparator([]byte(tt.line)); got != tt.want {
			t.Errorf("detectSeparator(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
