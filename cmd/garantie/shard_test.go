package main

import (
	"encoding/csv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestEvalShards runs eval --shard K/3 for each K on a shuffled file with
// duplicate ids, a beneficiary in two families and unreadable lines: the
// shards' rows, merged by their ligne column, are the rows of one run,
// and no line is in two shards.
func TestEvalShards(t *testing.T) {
	status, data, errOut := runCLI(t, "", "gen", "--claims", "4000", "--beneficiaries", "300", "--seed", "5")
	if status != exitOK {
		t.Fatalf("gen: %d %s", status, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	body := lines[1:]
	for k := range 10 {
		f := strings.Split(body[k*97], ",")
		body = append(body, strings.Join(f, ",")) // a duplicate id
		f[0], f[2] = "x"+strconv.Itoa(k), "elsewhere"
		body = append(body, strings.Join(f, ","), "bad"+strconv.Itoa(k)+",a,f,2026-99-99,soins,1,1,70,1,,,,,")
	}
	rng := rand.New(rand.NewPCG(7, 7))
	rng.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	claims := filepath.Join(t.TempDir(), "claims.csv")
	os.WriteFile(claims, []byte(lines[0]+"\n"+strings.Join(body, "\n")+"\n"), 0o644)
	contract := "../../exemples/equilibre.garantie"
	tmp := t.TempDir()

	rows := func(args ...string) (header []string, rows [][]string) {
		t.Helper()
		status, out, errOut := runCLI(t, "", append([]string{"eval", contract, "--claims", claims, "--format", "csv", "--tmpdir", tmp}, args...)...)
		if status != exitFail || !strings.Contains(errOut, "rejected") {
			t.Fatalf("eval %v: status %d, stderr %q; want rejected lines", args, status, errOut)
		}
		all, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return all[0], all[1:]
	}
	header, want := rows()
	ligne := slices.Index(header, "ligne")
	var merged [][]string
	for k := 1; k <= 3; k++ {
		_, got := rows("--shard", strconv.Itoa(k)+"/3")
		if len(got) == 0 || len(got) > len(want)/2 {
			t.Errorf("shard %d/3 has %d of %d rows", k, len(got), len(want))
		}
		merged = append(merged, got...)
	}
	line := func(row []string) int { n, _ := strconv.Atoi(row[ligne]); return n }
	slices.SortStableFunc(merged, func(a, b []string) int { return line(a) - line(b) })
	if len(merged) != len(want) {
		t.Fatalf("the shards have %d rows, one run %d", len(merged), len(want))
	}
	for i := range want {
		if !slices.Equal(merged[i], want[i]) {
			t.Fatalf("row %d: shards give\n%v\none run gives\n%v", i, merged[i], want[i])
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("--tmpdir holds %d files after the runs", len(left))
	}
}

// TestSortedPathCommands runs diff and eval --explain on a file and on the
// same lines shuffled (so through the external sort, with two engines for
// diff): the diff reports are identical, and so is every line's result
// with its explanation.
func TestSortedPathCommands(t *testing.T) {
	status, data, errOut := runCLI(t, "", "gen", "--claims", "3000", "--beneficiaries", "200", "--seed", "9")
	if status != exitOK {
		t.Fatalf("gen: %d %s", status, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	body := append([]string(nil), lines[1:]...)
	rand.New(rand.NewPCG(3, 3)).Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	dir := t.TempDir()
	sorted, shuffled := filepath.Join(dir, "sorted.csv"), filepath.Join(dir, "shuffled.csv")
	os.WriteFile(sorted, []byte(data), 0o644)
	os.WriteFile(shuffled, []byte(lines[0]+"\n"+strings.Join(body, "\n")+"\n"), 0o644)
	a, b := "../../exemples/essentiel.garantie", "../../exemples/equilibre.garantie"

	var reports []string
	for _, f := range []string{sorted, shuffled} {
		status, out, errOut := runCLI(t, "", "diff", a, b, "--claims", f, "--format", "json")
		if status != exitOK {
			t.Fatalf("diff %s: %d %s", f, status, errOut)
		}
		reports = append(reports, strings.ReplaceAll(out, f, "FILE"))
	}
	if reports[0] != reports[1] {
		t.Errorf("diff reports differ between the sorted and the shuffled file:\n%s\n%s", reports[0], reports[1])
	}

	byID := func(f string) map[string]string {
		status, out, errOut := runCLI(t, "", "eval", b, "--claims", f, "--format", "csv", "--explain")
		if status != exitOK {
			t.Fatalf("eval %s: %d %s", f, status, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, row := range rows[1:] {
			m[row[0]] = strings.Join(append([]string{row[0]}, row[2:]...), ",") // all but ligne
		}
		return m
	}
	want, got := byID(sorted), byID(shuffled)
	if len(want) != 3000 || len(got) != 3000 {
		t.Fatalf("%d and %d results", len(want), len(got))
	}
	for id, w := range want {
		if got[id] != w {
			t.Fatalf("%s: shuffled gives\n%s\nsorted gives\n%s", id, got[id], w)
		}
	}
}
