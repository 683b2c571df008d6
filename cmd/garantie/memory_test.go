package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"448MiB", 448 << 20},
		{"2GiB", 2 << 30},
		{"500MB", 500e6},
		{"16384KiB", 16 << 20},
		{"20000000", 20e6},
		{" 1 TiB ", 1 << 40},
		{"0", 0},
		{"0MiB", 0},
	} {
		got, err := parseSize(c.in)
		if err != nil || got != c.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"", "lots", "-1", "1.5GiB", "12 parsecs", "15MiB", "9999999999999TiB", "MiB"} {
		if n, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, n)
		}
	}
	for n, want := range map[int64]string{448 << 20: "448MiB", 2 << 30: "2GiB", 17<<20 + 1024: "17409KiB", 20e6: "20000000B"} {
		got := formatSize(n)
		if back, err := parseSize(got); got != want || back != n || err != nil {
			t.Errorf("formatSize(%d) = %q (reads back as %d, %v), want %q", n, got, back, err, want)
		}
	}
}

// TestMemoryLimit checks which limit a run sets, and that it is undone
// after the run.
func TestMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	run := func(env string, args ...string) int64 {
		t.Helper()
		t.Setenv("GOMEMLIMIT", env)
		fs := pflag.NewFlagSet("eval", pflag.ContinueOnError)
		rf := addRunFlags(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		var errOut strings.Builder
		restore, ok := rf.memoryLimit("eval", &errOut)
		if !ok {
			t.Fatalf("%v: %s", args, errOut.String())
		}
		during := debug.SetMemoryLimit(-1)
		restore()
		if after := debug.SetMemoryLimit(-1); after != before {
			t.Errorf("%v: the limit is %d after the run, %d before", args, after, before)
		}
		return during
	}
	if got := run(""); got != defaultMemory {
		t.Errorf("no flag: limit %d, want the default %d", got, defaultMemory)
	}
	if got := run("", "--memory", "1GiB"); got != 1<<30 {
		t.Errorf("--memory 1GiB: limit %d", got)
	}
	if got := run("", "--memory", "0"); got != maxLimit {
		t.Errorf("--memory 0: limit %d, want none", got)
	}
	// GOMEMLIMIT is read by the runtime at start; a run without --memory
	// leaves whatever limit is in force.
	if got := run("700MiB"); got != before {
		t.Errorf("GOMEMLIMIT set: limit %d, want the one in force (%d)", got, before)
	}
	if got := run("700MiB", "--memory", "600MiB"); got != 600<<20 {
		t.Errorf("GOMEMLIMIT and --memory: limit %d, want the flag's", got)
	}
}

// TestMemoryLimitWarning runs a "run" whose live data (64 MiB) does not
// fit in --memory 16MiB while it allocates: the collector then runs
// without end, and the run says so when it ends. A run within its limit
// does not warn.
func TestMemoryLimitWarning(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer func(d time.Duration) { minJudged = d }(minJudged)
	minJudged = 0
	fs := pflag.NewFlagSet("eval", pflag.ContinueOnError)
	rf := addRunFlags(fs)
	if err := fs.Parse([]string{"--memory", "16MiB"}); err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	restore, ok := rf.memoryLimit("eval", &errOut)
	if !ok {
		t.Fatal(errOut.String())
	}
	live := make([][]byte, 64)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	var sink []byte
	for range 20000 {
		sink = make([]byte, 64<<10)
	}
	_ = sink
	restore()
	runtime.KeepAlive(live)
	if !strings.Contains(errOut.String(), "of the CPU to keep the run within --memory 16MiB") {
		t.Errorf("no warning after a run beyond its limit: %q", errOut.String())
	}
}

func TestMemoryLimitNoWarning(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	defer func(d time.Duration) { minJudged = d }(minJudged)
	minJudged = 0
	runtime.GC() // no cycle of an earlier test is left to count here
	fs := pflag.NewFlagSet("eval", pflag.ContinueOnError)
	rf := addRunFlags(fs)
	if err := fs.Parse([]string{"--memory", "1GiB"}); err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	restore, ok := rf.memoryLimit("eval", &errOut)
	if !ok {
		t.Fatal(errOut.String())
	}
	sum := 0
	for i := range 50_000_000 {
		sum += i % 7
	}
	restore()
	if errOut.Len() != 0 || sum == 0 {
		t.Errorf("a run within its limit warns: %q", errOut.String())
	}
}
