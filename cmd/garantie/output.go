package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/pflag"

	"garantie/dsl/check"
	"garantie/eval/compare"
	"garantie/eval/encode"
	"garantie/eval/parquet"
	"garantie/eval/xlsx"
)

// outputFlags are the flags that choose where a result goes: -o FILE and
// the French CSV flavour.
type outputFlags struct {
	path  *string
	csvFr *bool
}

func addOutputFlags(fs *pflag.FlagSet) outputFlags {
	return outputFlags{
		path:  fs.StringP("output", "o", "", "write the output to this file (replaced whole, only once complete); - or none: standard output"),
		csvFr: fs.Bool("csv-fr", false, "CSV for French spreadsheets: ';' separator, decimal comma, UTF-8 BOM, CRLF"),
	}
}

// binaryFormats are written only to a file.
var binaryFormats = []string{"xlsx", "parquet"}

// check reports a flag combination that cannot work, for command name.
func (o outputFlags) check(stderr io.Writer, name, format string) bool {
	if slices.Contains(binaryFormats, format) && (*o.path == "" || *o.path == "-") {
		fmt.Fprintf(stderr, "garantie %s: --format %s needs -o FILE\n", name, format)
		return false
	}
	if *o.csvFr && format != "csv" {
		fmt.Fprintf(stderr, "garantie %s: --csv-fr goes with --format csv\n", name)
		return false
	}
	return true
}

// write runs write on the output: the -o file, replaced atomically, or
// stdout; buffered, and through encode.FrenchCSV with --csv-fr.
func (o outputFlags) write(stdout io.Writer, write func(io.Writer) error) error {
	emit := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		var dst io.Writer = bw
		var fr *encode.FrenchCSV
		if *o.csvFr {
			fr = encode.NewFrenchCSV(bw)
			dst = fr
		}
		if err := write(dst); err != nil {
			return err
		}
		if fr != nil {
			if err := fr.Close(); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	if *o.path == "" || *o.path == "-" {
		return emit(stdout)
	}
	return writeAtomic(*o.path, emit)
}

// resultWriter returns the writer of eval's results in format.
func resultWriter(format string, w io.Writer, progs []*check.Program, explain bool) (encode.Writer, error) {
	switch format {
	case "xlsx":
		return xlsx.NewResultWriter(w, len(progs), compare.NewLabels(progs...))
	case "parquet":
		return parquet.NewResultWriter(w, len(progs)), nil
	}
	rw, err := encode.New(format, w, len(progs), explain)
	if err == nil && format == "table" {
		rw = encode.WithLegend(rw, w, compare.NewLabels(progs...).Of)
	}
	return rw, err
}
