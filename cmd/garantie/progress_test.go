package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestFormatProgress(t *testing.T) {
	for _, c := range []struct {
		lines, read, size int64
		elapsed, readTime time.Duration
		want              string
	}{
		{2_500_000, 250 << 20, 1000 << 20, 5 * time.Second, 0, "2,500,000 lines read, 500,000 lines/s, 25% of the file, about 15s left"},
		{999, 100, 0, time.Second, 0, "999 lines read, 999 lines/s"},
		{0, 0, 1 << 20, 4 * time.Second, 0, "0 lines read, 0 lines/s"},
		{3_000_000, 1 << 20, 1 << 20, 9 * time.Second, 6 * time.Second, "3,000,000 lines read in 6s (500,000 lines/s); evaluating, 9s so far"},
	} {
		if got := formatProgress(c.lines, c.read, c.size, c.elapsed, c.readTime); got != c.want {
			t.Errorf("formatProgress(%d, %d, %d, %s) = %q, want %q", c.lines, c.read, c.size, c.elapsed, got, c.want)
		}
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1234: "-1,234"} {
		if got := groupThousands(n); got != want {
			t.Errorf("groupThousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestProgressSilent checks that no progress shows when stderr is not a
// terminal, however long the run: a buffer, here.
func TestProgressSilent(t *testing.T) {
	var buf bytes.Buffer
	if p := startProgress("eval", &buf, 100); p != nil {
		p.Stop()
		t.Fatal("a progress line was started on a buffer")
	}
	contract := writeFile(t, "spec.garantie", specialistContract)
	claims := writeFile(t, "claims.csv", specialistClaims)
	_, _, errOut := runCLI(t, "", "eval", contract, "--claims", claims, "--format", "csv")
	if strings.Contains(errOut, "lines read") {
		t.Errorf("stderr shows progress: %q", errOut)
	}
}
