package claims

import (
	"strings"
	"testing"
)

// TestSurveyLongLine checks that the survey counts a line longer than its
// buffer as one line and reads its date, rather than failing.
func TestSurveyLongLine(t *testing.T) {
	src := "id;assure;date;poste;frais\n" +
		"L1;A1;2026-03-05;soins;1\n" +
		"L2;A1;2026-03-02;soins;" + strings.Repeat("1", 3<<20) + "\n" +
		"L3;A1;2026-03-06;soins;1"
	sv, err := SurveyClaims(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Survey{Lateness: 3, Span: 4, Lines: 3, IDsIncreasing: true}); sv != want {
		t.Errorf("SurveyClaims = %+v, want %+v", sv, want)
	}
	sv, err = SurveyFile(strings.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Survey{Lateness: 3, Span: 4, Lines: 3, IDsIncreasing: true}); sv != want {
		t.Errorf("SurveyFile = %+v, want %+v", sv, want)
	}
}

func TestEachLine(t *testing.T) {
	long := strings.Repeat("x", 1<<20+5)
	var got []int
	err := eachLine(strings.NewReader("a\r\n\n"+long+"\nbc"), func(l []byte) { got = append(got, len(l)) })
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{2, 0, 1 << 20, 2}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
		t.Errorf("line lengths %v, want %v", got, want)
	}
}

// TestReadClaimsLongLine checks that a line longer than maxRecord is a
// bad line whatever its values (a long id would be accepted otherwise),
// without its id echoed, and that the lines around it are read.
func TestReadClaimsLongLine(t *testing.T) {
	long := strings.Repeat("L", maxRecord)
	src := "id;assure;date;poste;frais\n" +
		"L1;A1;2026-03-02;soins;1\n" +
		long + ";A1;2026-03-02;soins;1\r\n" +
		"L3;A1;2026-03-02;soins;1\n"
	for _, o := range []Options{{Workers: 1}, {Workers: 2, BlockSize: 1000}} {
		got, err := readClaims(t, src, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].Err != nil || got[2].Err != nil || got[2].Line != 4 {
			t.Fatalf("%+v: claims %+v", o, got)
		}
		want := "the line is 65558 bytes long, more than the 64 KiB a claims line may have"
		if got[1].Err == nil || got[1].Err.Error() != want || got[1].ID != "" {
			t.Errorf("%+v: line 3: id %.10q, error %v; want no id and %s", o, got[1].ID, got[1].Err, want)
		}
	}
}
