package eval

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"slices"
)

// streamBatch is how many claims a streaming evaluation gathers before it
// evaluates those whose date can no longer be followed by an earlier one.
const streamBatch = 1 << 16

// Stream evaluates the claims of r with a new Session and calls emit with
// the results, in input order, a batch at a time. The Results passed to
// emit are reused after emit returns.
//
// When sorted is true the claims must come in non-decreasing date order
// (SortedByDate tells): Stream then evaluates them batch by batch, and
// memory grows with the number of beneficiaries, not of lines. Otherwise
// it reads every claim first, since a later line may be dated before an
// earlier one.
func (e *Engine) Stream(r *Reader, sorted bool, emit func([]Result) error) error {
	s := e.NewSession()
	var out []Result
	evaluate := func(batch []Claim) error {
		if cap(out) < len(batch) {
			out = slices.Grow(out[:0], len(batch))
		}
		out = out[:len(batch)]
		s.Evaluate(batch, out)
		return emit(out)
	}

	var pending []Claim
	for {
		var err error
		pending, err = r.Read(pending)
		eof := errors.Is(err, io.EOF)
		if err != nil && !eof {
			return err
		}
		if eof {
			if len(pending) == 0 {
				return nil
			}
			return evaluate(pending)
		}
		if !sorted || len(pending) < streamBatch {
			continue
		}
		// Every claim dated before the last date read is final: the
		// claims still to come are dated on or after it.
		cut := readyPrefix(pending)
		if cut == 0 {
			continue
		}
		if err := evaluate(pending[:cut]); err != nil {
			return err
		}
		n := copy(pending, pending[cut:])
		clear(pending[n:])
		pending = pending[:n]
	}
}

// readyPrefix returns how many leading claims of a date-sorted batch can
// be evaluated now: all but the trailing ones dated on the last valid date
// (and the rejected lines among them, which wait with them to keep input
// order).
func readyPrefix(claims []Claim) int {
	i := len(claims)
	last := Day(0)
	found := false
	for i > 0 {
		c := &claims[i-1]
		if c.Err == nil {
			if !found {
				last, found = c.Date, true
			} else if c.Date != last {
				break
			}
		}
		i--
	}
	return i
}

// SortedByDate reports whether the data lines of a claims file come in
// non-decreasing order of their date column, reading it once without
// decoding the other columns. Lines whose date is not a well-formed
// YYYY-MM-DD are ignored: the reader rejects them anyway. A header error
// is returned as from NewReader.
func SortedByDate(src io.Reader) (bool, error) {
	br := bufio.NewReaderSize(src, 1<<20)
	sep, cols, rest, _, err := readHeader(br)
	if err != nil {
		return false, err
	}
	dateCol := slices.Index(cols, colDate)
	r := io.MultiReader(bytes.NewReader(rest), br)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	var prev [10]byte
	have := false
	for sc.Scan() {
		date, ok := nthField(sc.Bytes(), sep, dateCol)
		if !ok || !wellFormedDate(date) {
			continue
		}
		if have && bytes.Compare(date, prev[:]) < 0 {
			return false, nil
		}
		copy(prev[:], date)
		have = true
	}
	return true, sc.Err()
}

// nthField returns field k of a CSV line split on sep, trimmed of spaces and
// quotes. It gives up (ok false) on a line whose fields before k hold a
// quote, which a date scan can afford to ignore: the reader judges such
// lines.
func nthField(line []byte, sep byte, k int) ([]byte, bool) {
	for range k {
		i := bytes.IndexByte(line, sep)
		if i < 0 {
			return nil, false
		}
		if bytes.IndexByte(line[:i], '"') >= 0 {
			return nil, false
		}
		line = line[i+1:]
	}
	if i := bytes.IndexByte(line, sep); i >= 0 {
		line = line[:i]
	}
	return bytes.Trim(line, " \t\r\""), true
}

func wellFormedDate(b []byte) bool {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return false
	}
	for i, c := range b {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
