package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"
)

// defaultMemory is the soft memory limit of eval, diff and compare when
// neither --memory nor GOMEMLIMIT says otherwise: 448 MiB, so that a run
// stays within 512 MiB of resident memory (the bound of issue 10, with
// room for what the Go runtime does not count: the program's code, and the
// pages of the claims file the system caches for the process) for any
// input order, as long as what it must keep (the state of the
// beneficiaries, about 300 bytes each) fits. Below the limit, the
// collector runs as usual (GOGC=100); near it, more often. A run whose live
// state exceeds the limit is not stopped: the collector runs as much as it
// may (half the CPU at most) and the command says so at the end.
const defaultMemory = 448 << 20

// memoryLimit sets the soft memory limit of the run from --memory, or
// from GOMEMLIMIT when the flag is not given and the variable is set, or
// to defaultMemory. The returned function restores the previous limit
// and, if the collector had to work at its limit meanwhile, writes a
// warning to stderr. ok is false after a usage error.
func (rf runFlags) memoryLimit(cmd string, stderr io.Writer) (restore func(), ok bool) {
	limit := int64(defaultMemory)
	switch {
	case rf.fs.Changed("memory"):
		n, err := parseSize(*rf.memory)
		if err != nil {
			fmt.Fprintf(stderr, "garantie %s: --memory: %v\n", cmd, err)
			return nil, false
		}
		limit = n
	case os.Getenv("GOMEMLIMIT") != "":
		// The runtime has read it already: keep it.
		return func() {}, true
	}
	if limit == 0 {
		limit = maxLimit
	}
	start, began := gcShareNow(), time.Now()
	previous := debug.SetMemoryLimit(limit)
	return func() {
		if limit != maxLimit && time.Since(began) >= minJudged && heapGoal() >= limit/2 {
			if share := gcShareNow().since(start); share > gcShareWarning {
				fmt.Fprintf(stderr, "garantie %s: warning: the collector took %.0f%% of the CPU to keep the run within --memory %s, which slowed it down (give a larger --memory, or 0 for none)\n", cmd, 100*share, formatSize(limit))
			}
		}
		debug.SetMemoryLimit(previous)
	}, true
}

// maxLimit is the runtime's "no limit".
const maxLimit = int64(^uint64(0) >> 1)

// gcShareWarning is the share of the CPU the collector may take in a run
// before the run warns that its memory limit slows it: a run within its
// limit spends a few percent in the collector (5-10% on a 1M-line file),
// one whose live state nears or exceeds the limit collects without end.
const gcShareWarning = 0.25

// minJudged is the shortest run whose collector's share is judged: the
// runtime's CPU figures are estimates updated at each collection, too
// coarse over a fraction of a second.
var minJudged = time.Second

// heapGoal is the heap size at which the runtime means to collect next:
// near the limit when the limit binds, twice the live data otherwise.
func heapGoal() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// cpuTimes are the runtime's cumulative estimates of the CPU time spent
// by the collector and in all, in seconds.
type cpuTimes struct{ gc, total float64 }

// gcShareNow reads the CPU times so far.
func gcShareNow() cpuTimes {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}}
	metrics.Read(s)
	var t cpuTimes
	if s[0].Value.Kind() == metrics.KindFloat64 && s[1].Value.Kind() == metrics.KindFloat64 {
		t.gc, t.total = s[0].Value.Float64(), s[1].Value.Float64()
	}
	return t
}

// since returns the share of the CPU the collector took since start; 0
// when the runtime gives no figures.
func (t cpuTimes) since(start cpuTimes) float64 {
	if t.total <= start.total {
		return 0
	}
	return (t.gc - start.gc) / (t.total - start.total)
}

// sizeUnits are the suffixes --memory accepts, as GOMEMLIMIT does, with
// the decimal ones people also write.
var sizeUnits = []struct {
	suffix string
	factor int64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12},
	{"B", 1},
}

// parseSize reads a size such as 448MiB, 2GiB, 500MB or 1000000 (bytes);
// 0 means no limit. Sizes under 16 MiB (other than 0) are refused: the
// runtime alone takes a few.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	factor := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, factor = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.factor
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a size: write a whole number with a unit, such as 448MiB or 2GiB, or 0 for no limit", s)
	}
	if n > maxLimit/factor {
		return 0, fmt.Errorf("%q is too large", s)
	}
	n *= factor
	if n != 0 && n < 16<<20 {
		return 0, fmt.Errorf("%q is less than the 16MiB the program needs to run at all", s)
	}
	return n, nil
}

// formatSize writes n bytes in the largest binary unit that divides it.
func formatSize(n int64) string {
	switch {
	case n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + "GiB"
	case n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	case n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KiB"
	}
	return strconv.FormatInt(n, 10) + "B"
}
