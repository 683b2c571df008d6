// Command refeval runs a reference evaluator of the Équilibre contract of
// eval/internal/refeval/testdata/equilibre.garantie
// on a claims file, for benchmarks: refeval hand|expr FILE > out.csv.
package main

import (
	"bufio"
	"fmt"
	"os"

	"garantie/eval/internal/refeval"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: refeval hand|expr FILE")
		os.Exit(2)
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	var err error
	switch os.Args[1] {
	case "hand":
		var in []byte
		if in, err = os.ReadFile(os.Args[2]); err == nil {
			err = refeval.Hand(in, out)
		}
	case "expr":
		var in *os.File
		if in, err = os.Open(os.Args[2]); err == nil {
			err = refeval.Expr(in, out)
			in.Close()
		}
	default:
		fmt.Fprintln(os.Stderr, "refeval: unknown evaluator", os.Args[1])
		os.Exit(2)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
