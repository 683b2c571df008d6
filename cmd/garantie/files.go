package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// stdinName is the file name under which standard input ("-") is reported.
const stdinName = "<stdin>"

// contractFiles expands the arguments of check and fmt: a file is kept as
// given, "-" stands for standard input, and a directory gives the
// .garantie files under it, recursively and sorted, skipping hidden
// files and folders (a name starting with "."). Symbolic links to folders
// are not followed. A directory without any contract is an error, so that
// a mistyped path does not pass as an empty success.
func contractFiles(args []string) ([]string, error) {
	var out []string
	stdin := false
	for _, arg := range args {
		if arg == "-" {
			if stdin {
				return nil, fmt.Errorf("- (standard input) is given twice")
			}
			stdin = true
			out = append(out, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			out = append(out, arg) // reading it reports the error
			continue
		}
		found, err := walkContracts(arg)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("no .garantie file in directory %s", arg)
		}
		out = append(out, found...)
	}
	return out, nil
}

// walkContracts returns the .garantie files under dir, sorted.
func walkContracts(dir string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		hidden := path != dir && strings.HasPrefix(d.Name(), ".")
		switch {
		case d.IsDir() && hidden:
			return filepath.SkipDir
		case d.Type().IsRegular() && !hidden && strings.HasSuffix(d.Name(), ".garantie"):
			found = append(found, path)
		}
		return nil
	})
	slices.Sort(found)
	return found, err
}
