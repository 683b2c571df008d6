package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"garantie/eval/engine"
)

// newFlags returns a flag set for a command that reports errors instead
// of exiting, writing usage to stderr.
func newFlags(name, synopsis string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprintln(stderr, strings.TrimSpace("usage: garantie "+name+" "+synopsis))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and returns the exit status to use when parsing
// failed or help was asked (ok false).
func parseFlags(fs *pflag.FlagSet, args []string) (status int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK, false
		}
		// With ContinueOnError, pflag returns the error without saying it.
		fmt.Fprintf(fs.Output(), "garantie %s: %v\n", fs.Name(), err)
		fs.Usage()
		return exitUsage, false
	}
	return exitOK, true
}

// oneOf checks that value is among allowed, for --format flags.
func oneOf(stderr io.Writer, flag, value string, allowed ...string) bool {
	if slices.Contains(allowed, value) {
		return true
	}
	fmt.Fprintf(stderr, "garantie: --%s must be one of %s, not %q\n", flag, strings.Join(allowed, ", "), value)
	return false
}

// writeError reports an error writing a command's output and returns
// its exit status: a result that could not be written is not a result.
func writeError(stderr io.Writer, name string, err error) int {
	fmt.Fprintf(stderr, "garantie %s: writing the output: %v\n", name, err)
	return exitUsage
}

// runFlags are the flags that eval and diff share: the claims file, the
// number of workers, the shard, the folder of temporary files, the memory
// limit and the CPU profile. compare has all but the shard and the folder
// (it reads the claims into memory): those are nil there.
type runFlags struct {
	claims, cpuprofile, shard, tmpdir, memory *string
	workers                                   *int
	fs                                        *pflag.FlagSet
}

func addRunFlags(fs *pflag.FlagSet) runFlags {
	rf := addCompareFlags(fs)
	rf.shard = fs.String("shard", "", "K/N: evaluate and write only the lines of the families of shard K of N (see docs/performance.md)")
	rf.tmpdir = fs.String("tmpdir", "", "folder for the temporary files of the sort of an unsorted claims file (default: the system's)")
	return rf
}

// addCompareFlags adds the run flags of compare.
func addCompareFlags(fs *pflag.FlagSet) runFlags {
	return runFlags{
		fs:         fs,
		claims:     fs.String("claims", "", "claims file (CSV, see docs/cli.md); - for standard input"),
		workers:    fs.Int("workers", 0, fmt.Sprintf("goroutines evaluating families (0: one per core; at most %d); results do not depend on it", maxWorkers())),
		memory:     fs.String("memory", formatSize(defaultMemory), "soft memory limit: the collector works harder to stay under it (448MiB keeps a run within 512 MiB; 0 for none; GOMEMLIMIT when not given)"),
		cpuprofile: fs.String("cpuprofile", "", "write a CPU profile of the run to this file (for performance work)"),
	}
}

// start sets the memory limit and starts the CPU profile of a run; the
// returned function undoes both. ok is false after a usage error, already
// reported.
func (rf runFlags) start(cmd string, stderr io.Writer) (stop func(), ok bool) {
	restore, ok := rf.memoryLimit(cmd, stderr)
	if !ok {
		return nil, false
	}
	stopProfile, ok := startCPUProfile(*rf.cpuprofile, stderr)
	if !ok {
		restore()
		return nil, false
	}
	return func() {
		stopProfile()
		restore()
	}, true
}

// maxWorkers is the most --workers accepted: four per core. More
// goroutines than cores only add overhead, and each worker that is given
// families keeps tables that grow with the beneficiaries.
func maxWorkers() int { return 4 * runtime.NumCPU() }

// check reports a usage error of the shared flags on stderr, naming the
// command.
func (rf runFlags) check(cmd string, stderr io.Writer) (engine.Shard, bool) {
	if w := *rf.workers; w < 0 || w > maxWorkers() {
		fmt.Fprintf(stderr, "garantie %s: --workers must be between 0 (one per core) and %d (four per core), not %d\n", cmd, maxWorkers(), w)
		return engine.Shard{}, false
	}
	if rf.tmpdir == nil {
		return engine.Shard{}, true
	}
	if dir := *rf.tmpdir; dir != "" {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			fmt.Fprintf(stderr, "garantie %s: --tmpdir %s is not a folder\n", cmd, dir)
			return engine.Shard{}, false
		}
	}
	if *rf.shard == "" {
		return engine.Shard{}, true
	}
	var k, n int
	var rest string
	if c, _ := fmt.Sscanf(*rf.shard+" end", "%d/%d %s", &k, &n, &rest); c == 3 && rest == "end" {
		if shard, err := engine.NewShard(k, n); err == nil {
			return shard, true
		}
	}
	fmt.Fprintf(stderr, "garantie %s: --shard must be K/N with 1 ≤ K ≤ N, such as 2/8, not %q\n", cmd, *rf.shard)
	return engine.Shard{}, false
}
