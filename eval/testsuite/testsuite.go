// Package testsuite runs tests of expected reimbursements (garantie test),
// the way opa test serves Rego: a test is a claims file whose extra
// columns hold what each line must be paid, stored beside the contracts it
// is evaluated under.
//
// The naming convention: LAYERS[.NAME].test.csv, where LAYERS is one
// contract name or several joined by "+" (a complémentaire and its
// surcomplémentaires), each the base name of a .garantie file in the same
// folder, and NAME an optional label that lets one contract have several
// test files. "equilibre.test.csv" is evaluated under equilibre.garantie;
// "essentiel+surco.hospitalisation.test.csv" under essentiel.garantie then
// surco.garantie.
//
// The file is a claims file (LANGUAGE.md §4) plus expected columns, each
// optional, each checked only on the lines where it is not empty:
//
//	rc             the total of the complementary layers
//	reste          the reste à charge
//	rc_N           what layer N paid (from 1)
//	motif, motif_N why layer 1 (or N) paid nothing ("-" expects no motif)
//	regle, regle_N the rule of layer 1 (or N), "file:line"
//	erreur         the line must be rejected, for a reason containing it
//
// Lines starting with # are comments. Amounts compare exactly to the
// cent, with a decimal point or comma. A line with no expected value is a
// claim that only sets the scene (it draws on envelopes) and is not
// counted as a test. Every figure comes from the engine (eval/engine).
package testsuite

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Suffix ends the name of every test file.
const Suffix = ".test.csv"

// Find lists the test files of paths: a file is taken as it is, a
// directory is searched recursively for files ending in Suffix. The list
// is sorted and without repeats.
func Find(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), Suffix) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// Contracts returns the contract files a test file is evaluated under, by
// the naming convention: the part of its base name before the first dot,
// split on "+", each with .garantie, in the test file's folder.
func Contracts(testFile string) []string {
	base := filepath.Base(testFile)
	layers, _, _ := strings.Cut(base, ".")
	var out []string
	for _, name := range strings.Split(layers, "+") {
		out = append(out, filepath.Join(filepath.Dir(testFile), name+".garantie"))
	}
	return out
}
