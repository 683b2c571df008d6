package main

import (
	"fmt"
	"io"
)

func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "garantie diff: not yet available")
	return exitUsage
}
