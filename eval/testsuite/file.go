package testsuite

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// column kinds of the expected columns.
const (
	colRC = iota
	colReste
	colCouche
	colMotif
	colRegle
	colErreur
)

// expected is an expected column: its index in the file, its kind and
// the layer it is about (from 1; 0 for rc, reste, erreur).
type expected struct {
	index int
	name  string
	kind  int
	layer int
}

// record is a data line of a test file.
type record struct {
	line   int // physical line in the file, from 1
	fields []string
}

// testFile is a test file split into its claims and its expectations.
type testFile struct {
	content  []byte // without BOM
	bom      bool
	sep      rune
	header   []string
	claims   []int // indexes of the claim columns
	expected []expected
	records  []record
}

// parseFile reads a test file. layers is the number of contracts it is
// evaluated under, to check the per-layer columns.
func parseFile(content []byte, layers int) (*testFile, error) {
	f := &testFile{sep: ','}
	f.content, f.bom = bytes.CutPrefix(content, []byte("\ufeff"))
	for _, l := range strings.Split(string(f.content), "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			if strings.Contains(l, ";") {
				f.sep = ';'
			}
			break
		}
	}
	cr := csv.NewReader(bytes.NewReader(f.content))
	cr.Comma = f.sep
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if f.header == nil {
			f.header = rec
			if err := f.columns(layers); err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			continue
		}
		if len(rec) != len(f.header) {
			return nil, fmt.Errorf("line %d: %d fields, the header has %d", line, len(rec), len(f.header))
		}
		f.records = append(f.records, record{line: line, fields: rec})
	}
	if f.header == nil {
		return nil, errors.New("empty file: want a header row")
	}
	if len(f.expected) == 0 {
		return nil, errors.New("no expected column (rc, reste, rc_N, motif, regle, erreur): nothing to test")
	}
	return f, nil
}

// columns sorts the header into claim columns and expected columns.
func (f *testFile) columns(layers int) error {
	for i, name := range f.header {
		name = strings.TrimSpace(name)
		e, ok, err := expectedColumn(name, layers)
		if err != nil {
			return err
		}
		if ok {
			e.index = i
			f.expected = append(f.expected, e)
		} else {
			f.claims = append(f.claims, i)
		}
	}
	return nil
}

// expectedColumn recognises the name of an expected column.
func expectedColumn(name string, layers int) (expected, bool, error) {
	switch name {
	case "rc":
		return expected{name: name, kind: colRC}, true, nil
	case "reste":
		return expected{name: name, kind: colReste}, true, nil
	case "motif":
		return expected{name: name, kind: colMotif, layer: 1}, true, nil
	case "regle":
		return expected{name: name, kind: colRegle, layer: 1}, true, nil
	case "erreur":
		return expected{name: name, kind: colErreur}, true, nil
	}
	prefix, n, found := strings.Cut(name, "_")
	kind := map[string]int{"rc": colCouche, "motif": colMotif, "regle": colRegle}
	k, known := kind[prefix]
	layer, err := strconv.Atoi(n)
	if !found || !known || err != nil {
		return expected{}, false, nil
	}
	if layer < 1 || layer > layers {
		return expected{}, false, fmt.Errorf("column %q: the test has %d layer(s), from the file name", name, layers)
	}
	return expected{name: name, kind: k, layer: layer}, true, nil
}

// claimsFile is the file without its expected columns: what the claims
// reader reads. Comments and blank lines are gone, so its line numbers
// are not the test file's: results are matched by position.
func (f *testFile) claimsFile() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = f.sep
	pick := func(rec []string) []string {
		out := make([]string, len(f.claims))
		for j, i := range f.claims {
			out[j] = rec[i]
		}
		return out
	}
	w.Write(pick(f.header))
	for _, r := range f.records {
		w.Write(pick(r.fields))
	}
	w.Flush()
	return b.Bytes()
}

// rewrite returns the file with new values of expected cells: changes
// maps a record index to its new fields. Only the lines of changed
// records are rewritten; comments, blank lines and the others stay as
// they were.
func (f *testFile) rewrite(changes map[int][]string) []byte {
	lines := strings.SplitAfter(string(f.content), "\n")
	for i, fields := range changes {
		n := f.records[i].line - 1
		end := lines[n][len(strings.TrimRight(lines[n], "\r\n")):]
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Comma = f.sep
		w.Write(fields)
		w.Flush()
		lines[n] = strings.TrimRight(b.String(), "\n") + end
	}
	out := strings.Join(lines, "")
	if f.bom {
		out = "\ufeff" + out
	}
	return []byte(out)
}
