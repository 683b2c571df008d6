package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
)

// output serializes what must not be cut by an interruption: each write
// to standard output (through guardedWriter) and each file replaced by
// writeFileAtomic. On SIGINT or SIGTERM, exitOnInterrupt waits for the
// write in progress to finish, then ends the program, so an interrupted
// command leaves whole writes and whole files behind, and says that its
// output is incomplete.
var output struct {
	sync.Mutex
	reported bool // the interruption message was printed
}

// guardedWriter is a writer whose writes an interruption does not cut.
type guardedWriter struct{ w io.Writer }

func (g guardedWriter) Write(p []byte) (int, error) {
	output.Lock()
	defer output.Unlock()
	return g.w.Write(p)
}

// exitOnInterrupt waits for ctx to be cancelled by a signal, then for the
// write in progress, and exits with status 130 after saying so on stderr
// (unless the command, having noticed the interruption itself, already
// said it).
func exitOnInterrupt(ctx context.Context, stderr io.Writer) {
	<-ctx.Done()
	output.Lock()
	if !output.reported {
		fmt.Fprintln(stderr, "garantie: interrupted; output incomplete")
	}
	os.Exit(exitInterrupted)
}

// interrupted reports an interruption the command noticed, and returns
// its exit status.
func interrupted(stderr io.Writer) int {
	output.Lock()
	defer output.Unlock()
	output.reported = true
	fmt.Fprintln(stderr, "garantie: interrupted; output incomplete")
	return exitInterrupted
}
