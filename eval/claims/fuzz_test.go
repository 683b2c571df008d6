package claims

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/money"
)

// FuzzReadClaims checks, on any input whose header is usable, that the
// reader does not panic, makes one claim per non-blank record at the
// line where a reference splitter finds it, numbers claims in order,
// gives the same claims whatever the block size and the workers, and
// accepts only amounts that read back from their rendering.
func FuzzReadClaims(f *testing.F) {
	f.Add([]byte("id;assure;date;poste;frais\nL1;A1;2026-03-02;dentaire.soins;12,5\n"))
	f.Add([]byte(awkwardClaims(30)))
	// The columns of the amended LANGUAGE.md §4, and spreadsheet artefacts.
	f.Add([]byte("id;assure;date;poste;frais;professionnel;equipement;verres\nL1;A1;02/03/2026;optique.monture;120;P1;E1;complexe\nL2;A1;02/03/2026;optique.verres;80;P1;E1;tres_complexe\n"))
	f.Add([]byte("sep=;\r\nid;assure;date;poste;frais;taux;;;\r\nL1;A1;2026-03-02;soins;1;0,7;;;\r\nL2;A1;2026-03-02;soins;1;70;;x\r\n"))
	f.Add([]byte("id,assure,date,poste,frais\nL1,A1,2026-03-02 00:00:00,soins,\"1 234,00 €\"\nL2,A1,46083,soins,#N/A\n"))
	f.Add([]byte("id;assure;date;poste;frais\nL1;A1;2026-03-02;soins;\"1\nL2;A1;2026-03-02;soins;1\nL3;A1;2026-03-02;soins;1\"\n"))
	f.Add([]byte("\xff\xfei\x00d\x00"))
	f.Add([]byte("id;assure;date;poste;frais;base;ro;participation;sejour;type_sejour;etranger;optam;secteur\nL1;A1;2026-03-02;hospitalisation.urgences;25;25;0;19,61;;;non;oui;2\nL2;A1;2026-03-02;hospitalisation.frais_sejour;900;900;696;24;S1;chirurgie;oui;;\nL3;A1;2026-03-03;hospitalisation.honoraires;300;250;;;S1;Médecine;1;oui;3\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		want, err := readClaims(t, string(src), Options{Workers: 1, BlockSize: len(src) + 1})
		if err != nil {
			switch err.(type) {
			case *HeaderError, *ArtefactError:
			default:
				t.Fatalf("error %v is neither a *HeaderError nor an *ArtefactError", err)
			}
			return
		}
		lines, ok := referenceRecordLines(src)
		if !ok {
			t.Fatal("the reader accepted a header the reference splitter does not find")
		}
		var got []int
		for i, c := range want {
			got = append(got, c.Line)
			if c.Index != i {
				t.Fatalf("claim %d has Index %d", i, c.Index)
			}
			if i > 0 && c.Line <= want[i-1].Line {
				t.Fatalf("claim %d on line %d after line %d", i, c.Line, want[i-1].Line)
			}
			if c.Err == nil {
				checkRoundTrip(t, c)
			}
		}
		if diff := cmp.Diff(lines, got); diff != "" {
			t.Fatalf("record lines (-reference +reader):\n%s", diff)
		}
		plainPath = false
		slow, err := readClaims(t, string(src), Options{Workers: 1, BlockSize: len(src) + 1})
		plainPath = true
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(slow, want, cmpErrors); diff != "" {
			t.Fatalf("fast path (-without +with):\n%s", diff)
		}
		small, err := readClaims(t, string(src), Options{Workers: 3, BlockSize: 1 + len(src)%7})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, small, cmpErrors); diff != "" {
			t.Fatalf("small blocks in parallel (-one block +small):\n%s", diff)
		}
	})
}

// checkRoundTrip checks that the amounts of an accepted claim read back
// from their rendering.
func checkRoundTrip(t *testing.T, c Claim) {
	for _, a := range []money.Cents{c.Frais, c.Base, c.RO, c.PF} {
		back, err := parseAmount([]byte(a.String()))
		if err != nil || back != a {
			t.Fatalf("line %d: amount %s reads back as %s, %v", c.Line, a, back, err)
		}
	}
}

// referenceRecordLines returns the line of each non-blank record after
// the header, splitting src byte by byte with the rules of LANGUAGE.md §4
// independently of splitRecord and the chunker. ok is false when src has
// no header.
func referenceRecordLines(src []byte) (lines []int, ok bool) {
	src = bytes.TrimPrefix(src, utf8BOM)
	first, after, _ := bytes.Cut(src, []byte{'\n'})
	sep, start := detectSeparator(first), 1
	// Excel's separator hint, a first line "sep=;" or "sep=,".
	if h := bytes.TrimRight(first, " \t\r"); len(h) == 5 && bytes.EqualFold(h[:4], []byte("sep=")) && (h[4] == ';' || h[4] == ',') {
		src, start, sep = after, 2, h[4]
	}
	i, line := referenceRecordEnd(src, 0, sep, start)
	if i == 0 {
		return nil, false
	}
	for i < len(src) {
		j := i
		for j < len(src) && isSpace(src[j]) {
			j++
		}
		if j == len(src) {
			break
		}
		if src[j] == '\n' {
			i, line = j+1, line+1
			continue
		}
		lines = append(lines, line)
		i, line = referenceRecordEnd(src, i, sep, line)
	}
	return lines, true
}

// referenceRecordEnd walks the record starting at src[i], on line line,
// and returns the offset and the line after it. A quote with no closing
// quote before the end of src or within maxQuoted bytes of the record's
// start ends with its line.
func referenceRecordEnd(src []byte, i int, sep byte, line int) (int, int) {
	recordStart := i
	const (
		fieldStart = iota
		unquoted
		quoted
		afterQuote
	)
	state := fieldStart
	for i < len(src) {
		c := src[i]
		i++
		switch {
		case c == '\n' && state != quoted:
			return i, line + 1
		case c == '\n':
			line++
		case state == quoted && c == '"' && i < len(src) && src[i] == '"':
			i++
		case state == quoted && c == '"':
			state = afterQuote
		case state == quoted:
		case c == sep:
			state = fieldStart
		case state == fieldStart && c == '"':
			state = quoted
			if !referenceClosed(src, i, recordStart+maxQuoted) {
				if nl := bytes.IndexByte(src[i:], '\n'); nl >= 0 {
					return i + nl + 1, line + 1
				}
				return len(src), line
			}
		case state == fieldStart && !isSpace(c):
			state = unquoted
		}
	}
	return i, line
}

// referenceClosed reports whether the quoted field whose text starts at
// src[i] has its closing quote, a quote not doubled, before src[limit].
func referenceClosed(src []byte, i, limit int) bool {
	for ; i < len(src) && i < limit; i++ {
		if src[i] != '"' {
			continue
		}
		if i+1 < len(src) && src[i+1] == '"' {
			i++
			continue
		}
		return true
	}
	return false
}
