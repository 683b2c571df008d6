package testsuite

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestContractsByName(t *testing.T) {
	for name, want := range map[string][]string{
		"dir/equilibre.test.csv":                       {"dir/equilibre.garantie"},
		"dir/essentiel+surco.test.csv":                 {"dir/essentiel.garantie", "dir/surco.garantie"},
		"dir/essentiel+surco.hospitalisation.test.csv": {"dir/essentiel.garantie", "dir/surco.garantie"},
	} {
		got := Contracts(filepath.FromSlash(name))
		for i := range want {
			want[i] = filepath.FromSlash(want[i])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// TestRewriteKeepsTheFile checks that --update rewrites only the changed
// lines: the BOM, comments, blank lines, CRLF endings and quoting of the
// other lines stay as they were.
func TestRewriteKeepsTheFile(t *testing.T) {
	in := "\ufeff# comment\r\nid,assure,date,poste,frais,rc\r\n\r\nc1,a,2026-01-01,consult,\"10,00\",1\r\nc2,a,2026-01-02,consult,10,2\r\n"
	f, err := parseFile([]byte(in), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.records) != 2 || f.records[0].line != 4 || f.records[1].line != 5 {
		t.Fatalf("records %+v", f.records)
	}
	got := string(f.rewrite(map[int][]string{1: {"c2", "a", "2026-01-02", "consult", "10", "7.00"}}))
	want := "\ufeff# comment\r\nid,assure,date,poste,frais,rc\r\n\r\nc1,a,2026-01-01,consult,\"10,00\",1\r\nc2,a,2026-01-02,consult,10,7.00\r\n"
	if got != want {
		t.Errorf("rewrite:\n%q\nwant\n%q", got, want)
	}
	if claims := string(f.claimsFile()); claims != "id,assure,date,poste,frais\nc1,a,2026-01-01,consult,\"10,00\"\nc2,a,2026-01-02,consult,10\n" {
		t.Errorf("claims file %q", claims)
	}
}

func TestParseAmount(t *testing.T) {
	for s, want := range map[string]int64{"9": 900, "9.5": 950, "9,05": 905, "1200.00": 120000, "0": 0} {
		got, err := parseAmount(s)
		if err != nil || int64(got) != want {
			t.Errorf("%q: %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"9.005", "abc", ""} {
		if _, err := parseAmount(s); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}
