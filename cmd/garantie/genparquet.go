package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"garantie/eval/claims"
	"garantie/eval/parquet"
)

// isParquet reports whether a path names a Parquet file, by its extension.
func isParquet(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".parquet")
}

// writeClaimsParquet writes the claims file that write produces as a
// Parquet claims file at path: the CSV is decoded by the claims reader
// and its claims written typed (see package parquet).
func writeClaimsParquet(path string, write func(io.Writer) error) error {
	var csv bytes.Buffer
	if err := write(&csv); err != nil {
		return err
	}
	cs, err := claims.ReadAll(&csv)
	if err != nil {
		return err
	}
	return writeAtomic(path, func(w io.Writer) error { return parquet.WriteClaims(w, cs) })
}
