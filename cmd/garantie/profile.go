package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// startCPUProfile starts writing a CPU profile to path, for --cpuprofile;
// the returned function stops it. An empty path does nothing.
//
// The profile of a representative run is also what the compiler uses for
// profile-guided optimisation: cmd/garantie/default.pgo is regenerated as
// docs/performance.md explains.
func startCPUProfile(path string, stderr io.Writer) (stop func(), ok bool) {
	if path == "" {
		return func() {}, true
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "garantie: %v\n", err)
		return nil, false
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		fmt.Fprintf(stderr, "garantie: %v\n", err)
		return nil, false
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, true
}
