//go:build unix

package lsp

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, all threads, user and
// system: what a benchmark costs, whatever else the machine runs.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
