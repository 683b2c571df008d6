package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestGenFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"gen", "--ids", "random"}, `--ids must be one of sequential, shuffled, not "random"`},
		{[]string{"gen", "--order", "id"}, `--order must be one of date, shuffled, not "id"`},
		{[]string{"gen", "--columns", "all"}, `--columns must be one of classic, full, not "all"`},
	} {
		status, out, errOut := runCLI(t, "", c.args...)
		if status != exitUsage || out != "" || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want 2 and %q", c.args, status, out, errOut, c.msg)
		}
	}
}

// TestGenShapes evaluates generated files of each shape: every line is
// evaluated, and shuffling the ids does not change the totals (they
// depend on the dates and the beneficiaries, not on the ids).
func TestGenShapes(t *testing.T) {
	totals := func(genArgs ...string) map[string]string {
		t.Helper()
		args := append([]string{"gen", "--claims", "4000", "--beneficiaries", "300", "--seed", "5"}, genArgs...)
		status, data, errOut := runCLI(t, "", args...)
		if status != exitOK {
			t.Fatalf("%v: status %d: %s", args, status, errOut)
		}
		claims := writeFile(t, "claims.csv", data)
		status, out, errOut := runCLI(t, "", "eval", "../../exemples/equilibre.garantie", "--claims", claims, "--format", "json")
		if status != exitOK {
			t.Fatalf("eval of %v: status %d: %.500s", genArgs, status, errOut)
		}
		var doc struct {
			Totaux map[string]any `json:"totaux"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for k, v := range doc.Totaux {
			b, _ := json.Marshal(v)
			m[k] = string(b)
		}
		return m
	}
	plain := totals()
	shuffledIDs := totals("--ids", "shuffled")
	for k, v := range plain {
		if shuffledIDs[k] != v {
			t.Errorf("totals %s: %s with sequential ids, %s with shuffled ids", k, v, shuffledIDs[k])
		}
	}
	totals("--order", "shuffled")
	totals("--columns", "full", "--ids", "shuffled", "--order", "shuffled")
}
