package claims

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"sync"

	"garantie/eval/date"
)

// Survey is what a quick pass over a claims file tells.
type Survey struct {
	// Lateness is the most days a line's date falls before the latest
	// date of the lines above it: 0 when the file is sorted by date, -1
	// when it cannot be told cheaply (a quote before the date column).
	Lateness int
	// Span is the number of days from the earliest to the latest date.
	Span int
	// Lines counts the non-blank data lines.
	Lines int
	// IDsIncreasing reports that every line's id is greater, byte-wise,
	// than the id of the line above, as in files numbered in order: no id
	// can then repeat. It is false when an id cannot be told cheaply (a
	// quote before or in the id column).
	IDsIncreasing bool
}

// Sorted reports whether the lines come in non-decreasing date order.
func (s Survey) Sorted() bool { return s.Lateness == 0 }

// SurveyClaims reads a claims file once without decoding its lines, to
// tell how far its dates go back in time (Lateness) and how many lines it
// has, and whether its ids increase. Lines without a valid date are
// ignored for the order: the reader rejects them anyway. A line with a
// quote before its date makes the lateness unknown, so the engine sorts
// the file, which is always correct. A header error is returned as from
// NewReader.
func SurveyClaims(src io.Reader) (Survey, error) {
	br := bufio.NewReaderSize(src, 1<<20)
	sep, cols, rest, _, err := readHeader(br)
	if err != nil {
		return Survey{}, err
	}
	var sv surveyor
	sv.init(sep, slices.Index(cols, colDate), slices.Index(cols, colID))
	return sv.scan(io.MultiReader(bytes.NewReader(rest), br))
}

// SurveyFile is SurveyClaims for a file of known size that can be read at
// any offset: the data lines are cut in one part per core, surveyed in
// parallel, and the parts joined.
func SurveyFile(f io.ReaderAt, size int64) (Survey, error) {
	sep, cols, _, _, err := readHeader(io.NewSectionReader(f, 0, size))
	if err != nil {
		return Survey{}, err
	}
	start, err := headerEnd(f, size)
	if err != nil {
		return Survey{}, err
	}
	parts := max(1, min(runtime.GOMAXPROCS(0), int((size-start)>>20)))
	bounds := []int64{start}
	for k := 1; k < parts; k++ {
		at := start + (size-start)*int64(k)/int64(parts)
		at, err := nextLine(f, at, size)
		if err != nil {
			return Survey{}, err
		}
		bounds = append(bounds, max(at, bounds[len(bounds)-1]))
	}
	bounds = append(bounds, size)

	results := make([]surveyor, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for k := range parts {
		results[k].init(sep, slices.Index(cols, colDate), slices.Index(cols, colID))
		wg.Go(func() {
			_, errs[k] = results[k].scan(io.NewSectionReader(f, bounds[k], bounds[k+1]-bounds[k]))
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Survey{}, err
	}
	total := results[0]
	for _, r := range results[1:] {
		total.merge(&r)
	}
	return total.survey(), nil
}

// headerEnd returns the offset just after the header record's line break,
// reading as the reader does (quotes may hold line breaks).
func headerEnd(f io.ReaderAt, size int64) (int64, error) {
	buf := make([]byte, min(size, maxHeaderSize+1))
	n, err := f.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, err
	}
	buf = buf[:n]
	b := bytes.TrimPrefix(buf, utf8BOM)
	sep := detectSeparator(b[:max(0, bytes.IndexByte(b, '\n'))])
	_, next, _, ended := splitRecord(b, 0, sep, nil)
	if !ended {
		return size, nil
	}
	return int64(len(buf)-len(b)) + int64(next), nil
}

// nextLine returns the offset of the first line that starts at or after
// at.
func nextLine(f io.ReaderAt, at, size int64) (int64, error) {
	var buf [4096]byte
	for at < size {
		n, err := f.ReadAt(buf[:min(int64(len(buf)), size-at)], at)
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			return at + int64(i) + 1, nil
		}
		at += int64(n)
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
		if n == 0 {
			break
		}
	}
	return size, nil
}

// surveyor surveys a run of data lines.
type surveyor struct {
	sep      byte
	dateCol  int
	idCol    int
	sv       Survey
	have     bool
	min, max date.Day // the earliest and latest valid dates seen
	unknown  bool
	// The ids: whether they increase so far, and the first and last.
	idsUp           bool
	haveID          bool
	firstID, lastID []byte
}

func (s *surveyor) init(sep byte, dateCol, idCol int) {
	s.sep, s.dateCol, s.idCol = sep, dateCol, idCol
	s.idsUp = true
}

func (s *surveyor) scan(r io.Reader) (Survey, error) {
	err := eachLine(r, s.line)
	return s.survey(), err
}

func (s *surveyor) survey() Survey {
	sv := s.sv
	if s.have {
		sv.Span = int(s.max - s.min)
	}
	if s.unknown {
		sv.Lateness = -1
	}
	sv.IDsIncreasing = s.idsUp
	return sv
}

// id follows the ids of the lines; hasQuote tells whether line has a
// quote.
func (s *surveyor) id(line []byte, hasQuote bool) {
	if !s.idsUp {
		return
	}
	var id []byte
	if hasQuote {
		// An id that is quoted, or comes after a quote, might read
		// otherwise than it looks here: say nothing of the order.
		var quoted bool
		id, quoted = nthField(line, s.sep, s.idCol)
		if quoted || id == nil || bytes.IndexByte(rawField(line, s.sep, s.idCol), '"') >= 0 {
			s.idsUp = false
			return
		}
	} else if id = plainField(line, s.sep, s.idCol); id == nil {
		s.idsUp = false
		return
	}
	switch {
	case !s.haveID:
		s.firstID, s.haveID = append(s.firstID[:0], id...), true
	case bytes.Compare(id, s.lastID) <= 0:
		s.idsUp = false
		return
	}
	s.lastID = append(s.lastID[:0], id...)
}

func (s *surveyor) line(line []byte) {
	if blank(line) {
		return
	}
	s.sv.Lines++
	hasQuote := bytes.IndexByte(line, '"') >= 0
	s.id(line, hasQuote)
	if s.unknown {
		return
	}
	var field []byte
	if hasQuote {
		var quoted bool
		if field, quoted = nthField(line, s.sep, s.dateCol); quoted {
			s.unknown = true
			return
		}
	} else {
		field = plainField(line, s.sep, s.dateCol)
	}
	d, err := parseDate(field)
	if err != nil {
		return
	}
	switch {
	case !s.have:
		s.min, s.max, s.have = d, d, true
	case d > s.max:
		s.max = d
	default:
		s.sv.Lateness = max(s.sv.Lateness, int(s.max-d))
		s.min = min(s.min, d)
	}
}

// merge appends the survey of the lines that follow s's: a line of next
// is late with respect to the latest date of s too.
func (s *surveyor) merge(next *surveyor) {
	s.sv.Lines += next.sv.Lines
	s.unknown = s.unknown || next.unknown
	s.idsUp = s.idsUp && next.idsUp && (!s.haveID || !next.haveID || bytes.Compare(s.lastID, next.firstID) < 0)
	if next.haveID {
		if !s.haveID {
			s.firstID, s.haveID = next.firstID, true
		}
		s.lastID = next.lastID
	}
	if !next.have {
		return
	}
	s.sv.Lateness = max(s.sv.Lateness, next.sv.Lateness)
	if !s.have {
		s.min, s.max, s.have = next.min, next.max, true
		return
	}
	s.sv.Lateness = max(s.sv.Lateness, int(s.max-next.min))
	s.min, s.max = min(s.min, next.min), max(s.max, next.max)
}

// rawField returns field k of a line split on sep, as it is, or nil.
func rawField(line []byte, sep byte, k int) []byte {
	for range k {
		i := bytes.IndexByte(line, sep)
		if i < 0 {
			return nil
		}
		line = line[i+1:]
	}
	if i := bytes.IndexByte(line, sep); i >= 0 {
		return line[:i]
	}
	return line
}

// blank reports whether line holds nothing but spaces, tabs and carriage
// returns.
func blank(line []byte) bool {
	for _, c := range line {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// plainField is nthField for a line without quotes: field k trimmed of
// spaces, or nil when it is empty or the line has fewer fields.
func plainField(line []byte, sep byte, k int) []byte {
	line = rawField(line, sep, k)
	for len(line) > 0 && isSpace(line[0]) {
		line = line[1:]
	}
	for len(line) > 0 && isSpace(line[len(line)-1]) {
		line = line[:len(line)-1]
	}
	if len(line) == 0 {
		return nil // as nthField
	}
	return line
}

// nthField returns field k of a CSV line split on sep, trimmed of spaces
// and quotes, or nil when the line has fewer fields. It reports quoted
// when a quote stands before field k, where a separator may be quoted.
func nthField(line []byte, sep byte, k int) (f []byte, quoted bool) {
	hasQuote := bytes.IndexByte(line, '"') >= 0
	rest := line
	for range k {
		i := bytes.IndexByte(rest, sep)
		if i < 0 {
			return nil, hasQuote
		}
		rest = rest[i+1:]
	}
	if hasQuote && bytes.IndexByte(line[:len(line)-len(rest)], '"') >= 0 {
		return nil, true
	}
	if i := bytes.IndexByte(rest, sep); i >= 0 {
		rest = rest[:i]
	}
	return bytes.Trim(rest, " \t\r\""), false
}
