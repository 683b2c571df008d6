package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run the real program, signal handling included, in
// a child process: GARANTIE_MAIN_ARGS holds its arguments, separated by
// newlines.
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("GARANTIE_MAIN_ARGS"); ok {
		os.Args = append([]string{"garantie"}, strings.Split(args, "\n")...)
		main()
	}
	os.Exit(m.Run())
}

// TestInterruptedContext checks that fmt and check stop on a cancelled
// context with the message and status 130, writing nothing more.
func TestInterruptedContext(t *testing.T) {
	contract := writeFile(t, "c.garantie", messy)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{{"fmt", contract}, {"fmt", "-w", contract}, {"check", contract}, {"check", "--format", "sarif", contract}} {
		var out, errOut bytes.Buffer
		status := runContext(ctx, args, strings.NewReader(""), &out, &errOut)
		if status != exitInterrupted || out.Len() != 0 || errOut.String() != "garantie: interrupted; output incomplete\n" {
			t.Errorf("%v: status %d, stdout %q, stderr %q", args, status, out.String(), errOut.String())
		}
	}
	if got, _ := os.ReadFile(contract); string(got) != messy {
		t.Errorf("fmt -w changed the file after the interruption")
	}
}

// TestInterruptedBySignal sends SIGINT and SIGTERM to the real program
// while it is writing a large output to a pipe nobody reads yet: the write
// in progress finishes, then the program says it was interrupted and
// exits 130.
func TestInterruptedBySignal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	var big strings.Builder
	big.WriteString("contrat \"X\"\n")
	for big.Len() < 512<<10 {
		big.WriteString("# a comment line, long enough to make the contract large\n")
	}
	contract := writeFile(t, "big.garantie", big.String())
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "GARANTIE_MAIN_ARGS=fmt\n"+contract)
		var errOut bytes.Buffer
		cmd.Stderr = &errOut
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The first byte read means the child is in its write of 512 KiB,
		// which cannot finish before the pipe is drained.
		first := make([]byte, 1)
		if _, err := io.ReadFull(stdout, first); err != nil {
			t.Fatal(err)
		}
		cmd.Process.Signal(sig)
		time.Sleep(500 * time.Millisecond) // for the signal to reach the program: it is caught at once
		rest, _ := io.ReadAll(stdout)
		err = cmd.Wait()
		status := cmd.ProcessState.ExitCode()
		if status != exitInterrupted || errOut.String() != "garantie: interrupted; output incomplete\n" {
			t.Errorf("%v: status %d (%v), stderr %q; want 130 and the message", sig, status, err, errOut.String())
		}
		if got := 1 + len(rest); got != big.Len() {
			t.Errorf("%v: %d bytes written, want the whole write in progress, %d", sig, got, big.Len())
		}
	}
}
