package claims_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"garantie/eval/claims"
	"garantie/eval/gen"
)

func TestSurveyClaims(t *testing.T) {
	for _, c := range []struct {
		data string
		want bool
	}{
		{"id,assure,date,poste,frais\na,b,2026-01-01,x,1\nc,d,2026-01-01,x,1\ne,f,2026-02-01,x,1\n", true},
		{"id,assure,date,poste,frais\na,b,2026-02-01,x,1\nc,d,2026-01-31,x,1\n", false},
		{"poste;date;id;assure;frais\nx;2026-03-01;a;b;1\nx;bad;a;b;1\nx;2026-03-02;a;b;1\n", true},
		{"id,assure,date,poste,frais\n\"a,1\",b,2026-05-01,x,1\nc,d,2026-06-01,x,1\n", false},
	} {
		got, err := claims.SurveyClaims(strings.NewReader(c.data))
		if err != nil || got.Sorted() != c.want {
			t.Errorf("SurveyClaims(%q) = %+v, %v; want sorted %v", c.data, got, err, c.want)
		}
		if want := strings.Count(strings.TrimSpace(c.data), "\n"); got.Lines != want {
			t.Errorf("SurveyClaims(%q) counted %d lines, want %d", c.data, got.Lines, want)
		}
	}
	if _, err := claims.SurveyClaims(strings.NewReader("id,assure\n")); err == nil {
		t.Error("a header without the required columns must be an error")
	}
}

// TestSurveyFileMatchesSurveyClaims cuts files at every kind of place and
// checks that the parallel survey agrees with the sequential one.
func TestSurveyFileMatchesSurveyClaims(t *testing.T) {
	var big bytes.Buffer
	gen.Write(&big, gen.Options{Claims: 60000, Beneficiaries: 100, Seed: 5,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)})
	sorted := big.String()
	lines := strings.Split(strings.TrimSuffix(sorted, "\n"), "\n")
	// Swap two lines in the middle: only the parallel cut sees them apart.
	mid := len(lines) / 2
	swapped := append([]string(nil), lines...)
	swapped[mid], swapped[mid+1] = lines[mid+1], lines[mid]
	for mid < len(lines)-1 && strings.Split(lines[mid], ",")[3] == strings.Split(lines[mid+1], ",")[3] {
		mid++
		swapped = append([]string(nil), lines...)
		swapped[mid], swapped[mid+1] = lines[mid+1], lines[mid]
	}
	for name, data := range map[string]string{
		"sorted":     sorted,
		"swapped":    strings.Join(swapped, "\n") + "\n",
		"crlf":       strings.ReplaceAll(sorted, "\n", "\r\n"),
		"blank":      strings.Replace(sorted, "\n", "\n\n  \n", 500),
		"small":      "id;assure;date;poste;frais\na;b;2026-01-02;x;1\n",
		"headeronly": "id,assure,date,poste,frais\n",
	} {
		want, err1 := claims.SurveyClaims(strings.NewReader(data))
		got, err2 := claims.SurveyFile(strings.NewReader(data), int64(len(data)))
		if err1 != nil || err2 != nil || got != want {
			t.Errorf("%s: SurveyFile %+v (%v), SurveyClaims %+v (%v)", name, got, err2, want, err1)
		}
	}
	sv, _ := claims.SurveyFile(strings.NewReader(strings.Join(swapped, "\n")+"\n"), int64(len(strings.Join(swapped, "\n"))+1))
	if sv.Sorted() {
		t.Error("a file with two lines out of order was surveyed as sorted")
	}
}

// TestSurveyLateness checks the lateness measured on small files.
func TestSurveyLateness(t *testing.T) {
	const head = "id,assure,date,poste,frais\n"
	for _, c := range []struct {
		lines string
		want  int
	}{
		{"a,b,2026-01-05,x,1\nc,d,2026-01-05,x,1\n", 0},
		{"a,b,2026-01-05,x,1\nc,d,2026-01-02,x,1\n", 3},
		{"a,b,2026-01-05,x,1\nc,d,2026-02-01,x,1\ne,f,2026-01-20,x,1\ng,h,2026-01-31,x,1\n", 12},
		{"a,b,2026-01-05,x,1\nc,d,2026-02-30,x,1\ne,f,2026-01-04,x,1\n", 1}, // an invalid date is ignored
		{"\"a,1\",b,2026-01-05,x,1\n", -1},
	} {
		got, err := claims.SurveyClaims(strings.NewReader(head + c.lines))
		if err != nil || got.Lateness != c.want {
			t.Errorf("SurveyClaims(%q) = %+v, %v; want lateness %d", c.lines, got, err, c.want)
		}
		data := head + c.lines
		if got2, err := claims.SurveyFile(strings.NewReader(data), int64(len(data))); err != nil || got2 != got {
			t.Errorf("SurveyFile(%q) = %+v, %v; SurveyClaims gives %+v", c.lines, got2, err, got)
		}
	}
}

// TestSurveyIDsIncreasing checks when a file's ids are seen as strictly
// increasing, by SurveyClaims and by SurveyFile cutting the file in parts.
func TestSurveyIDsIncreasing(t *testing.T) {
	const head = "id,assure,date,poste,frais\n"
	for _, c := range []struct {
		lines string
		want  bool
	}{
		{"a1,b,2026-01-05,x,1\na2,d,2026-01-05,x,1\nb,d,2026-01-05,x,1\n", true},
		{"a1,b,2026-01-05,x,1\na1,d,2026-01-05,x,1\n", false}, // a duplicate
		{"a2,b,2026-01-05,x,1\na1,d,2026-01-05,x,1\n", false},
		{"a1,b,2026-01-05,x,1\n\"a2\",d,2026-01-05,x,1\n", false}, // a quoted id
		{"a1,b,2026-01-05,x,1\n a1 ,d,2026-01-05,x,1\n", false},   // spaces around the same id
		{"", true},
	} {
		data := head + c.lines
		got, err := claims.SurveyClaims(strings.NewReader(data))
		if err != nil || got.IDsIncreasing != c.want {
			t.Errorf("SurveyClaims(%q) = %+v, %v; want IDsIncreasing %v", c.lines, got, err, c.want)
		}
	}
	// Large enough for SurveyFile to cut it in parts: the order must hold
	// across the cuts.
	var b strings.Builder
	b.WriteString(head)
	for i := range 60000 {
		fmt.Fprintf(&b, "c%08d,b%d,2026-01-05,consult.generaliste,30.00\n", i, i%100)
	}
	up := b.String()
	// Each half increasing, the second below the first: false whether
	// the cut falls at the boundary or not.
	down := strings.ReplaceAll(up[:len(head)+len(up[len(head):])/2], "\nc", "\nd") + up[len(head)+len(up[len(head):])/2:]
	for _, c := range []struct {
		data string
		want bool
	}{{up, true}, {down, false}} {
		got, err := claims.SurveyFile(strings.NewReader(c.data), int64(len(c.data)))
		if err != nil || got.IDsIncreasing != c.want {
			t.Errorf("SurveyFile: %+v, %v; want IDsIncreasing %v", got, err, c.want)
		}
	}
}
