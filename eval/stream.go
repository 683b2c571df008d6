package eval

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// streamBatch is how many claims a streaming evaluation gathers before it
// evaluates those whose date can no longer be followed by an earlier one.
const streamBatch = 1 << 16

// Stream evaluates the claims of r with a new Session and calls emit with
// the results, in input order, a batch at a time. emit runs on its own
// goroutine, one call at a time, while the next batch is evaluated; the
// Results it is given are reused once it returns. The first error of emit
// or of r stops the stream and is returned.
//
// When o.Sorted is true the claims must come in non-decreasing date
// order (Survey tells): Stream then evaluates them batch by batch, and
// memory grows with the number of beneficiaries, not of lines. Otherwise
// it reads every claim first, since a later line may be dated before an
// earlier one.
func (e *Engine) Stream(r *Reader, o StreamOptions, emit func([]Result) error) error {
	return StreamMany([]*Engine{e}, r, o, func(rs [][]Result) error { return emit(rs[0]) })
}

// StreamOptions describe the claims a stream will read.
type StreamOptions struct {
	// Sorted tells that the claims come in non-decreasing date order.
	Sorted bool
	// Lines is the number of lines expected, 0 when unknown: a capacity
	// hint that spares the sessions growing their tables.
	Lines int
}

// StreamMany is Stream for several engines over one reading of the
// claims, as a what-if analysis needs: emit gets, for each engine in
// order, the results of the same batch of lines.
func StreamMany(engines []*Engine, r *Reader, o StreamOptions, emit func([][]Result) error) error {
	sessions := make([]*Session, len(engines))
	for i, e := range engines {
		sessions[i] = e.NewSession()
		sessions[i].Reserve(o.Lines)
	}
	em := newEmitter(len(engines), emit)
	var pending []Claim
	if !o.Sorted && o.Lines > 0 {
		// Every claim is held at once: size the slice for them all
		// rather than growing it by copies.
		pending = make([]Claim, 0, o.Lines)
	}
	for {
		var err error
		pending, err = r.Read(pending)
		eof := errors.Is(err, io.EOF)
		if err != nil && !eof {
			em.close()
			return err
		}
		if eof {
			if len(pending) > 0 {
				em.evaluate(sessions, pending)
			}
			return em.close()
		}
		if !o.Sorted || len(pending) < streamBatch {
			continue
		}
		// Every claim dated before the last date read is final: the
		// claims still to come are dated on or after it.
		cut := readyPrefix(pending)
		if cut == 0 {
			continue
		}
		if !em.evaluate(sessions, pending[:cut]) {
			return em.close()
		}
		n := copy(pending, pending[cut:])
		clear(pending[n:])
		pending = pending[:n]
	}
}

// emitter hands evaluated batches to emit on a goroutine of its own, with
// two sets of result buffers: one being evaluated while the other is
// emitted.
type emitter struct {
	emit   func([][]Result) error
	bufs   [2][][]Result // per set, one buffer per engine
	next   int
	free   [2]chan struct{} // holds a token while set k may be evaluated into
	batch  chan [][]Result
	done   chan error
	failed atomic.Bool // emit returned an error: stop evaluating
}

func newEmitter(engines int, emit func([][]Result) error) *emitter {
	em := &emitter{emit: emit, batch: make(chan [][]Result), done: make(chan error, 1)}
	for k := range em.free {
		em.bufs[k] = make([][]Result, engines)
		em.free[k] = make(chan struct{}, 1)
		em.free[k] <- struct{}{}
	}
	go em.run()
	return em
}

func (em *emitter) run() {
	var err error
	k := 0
	for rs := range em.batch {
		if err == nil {
			if err = em.emit(rs); err != nil {
				em.failed.Store(true)
			}
		}
		em.free[k] <- struct{}{}
		k ^= 1
	}
	em.done <- err
}

// evaluate evaluates a batch with every session into the next free set of
// buffers and queues it for emit. It reports false once emit has failed.
func (em *emitter) evaluate(sessions []*Session, batch []Claim) bool {
	k := em.next
	<-em.free[k]
	if em.failed.Load() {
		return false
	}
	set := em.bufs[k]
	for i, s := range sessions {
		out := set[i]
		if cap(out) < len(batch) {
			out = slices.Grow(out[:0], len(batch))
		}
		out = out[:len(batch)]
		set[i] = out
		s.Evaluate(batch, out)
	}
	em.batch <- set
	em.next ^= 1
	return true
}

// close waits for the queued batches to be emitted and returns the first
// error of emit.
func (em *emitter) close() error {
	close(em.batch)
	return <-em.done
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

// Survey is what a quick pass over a claims file tells.
type Survey struct {
	// Sorted tells that the data lines come in non-decreasing order of
	// their date column.
	Sorted bool
	// Lines counts the non-blank data lines.
	Lines int
}

// SurveyClaims reads a claims file once without decoding its lines, to
// tell whether it is sorted by date and how many lines it has. Lines whose
// date is not a well-formed YYYY-MM-DD are ignored for the order: the
// reader rejects them anyway. A line with a quote before its date counts
// as unsorted, so the file is read whole, which is always correct. A
// header error is returned as from NewReader.
func SurveyClaims(src io.Reader) (Survey, error) {
	br := bufio.NewReaderSize(src, 1<<20)
	sep, cols, rest, _, err := readHeader(br)
	if err != nil {
		return Survey{}, err
	}
	var sv surveyor
	sv.init(sep, slices.Index(cols, colDate))
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
		results[k].init(sep, slices.Index(cols, colDate))
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
	return total.sv, nil
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
	sep         byte
	dateCol     int
	sv          Survey
	first, last [10]byte // first and last well-formed dates seen
	have        bool
}

func (s *surveyor) init(sep byte, dateCol int) {
	s.sep, s.dateCol, s.sv.Sorted = sep, dateCol, true
}

func (s *surveyor) scan(r io.Reader) (Survey, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	for sc.Scan() {
		s.line(sc.Bytes())
	}
	return s.sv, sc.Err()
}

func (s *surveyor) line(line []byte) {
	if len(bytes.Trim(line, " \t\r")) == 0 {
		return
	}
	s.sv.Lines++
	if !s.sv.Sorted {
		return
	}
	date, quoted := nthField(line, s.sep, s.dateCol)
	if quoted {
		s.sv.Sorted = false
		return
	}
	if !wellFormedDate(date) {
		return
	}
	if !s.have {
		copy(s.first[:], date)
		s.have = true
	} else if bytes.Compare(date, s.last[:]) < 0 {
		s.sv.Sorted = false
		return
	}
	copy(s.last[:], date)
}

// merge appends the survey of the lines that follow s's.
func (s *surveyor) merge(next *surveyor) {
	s.sv.Lines += next.sv.Lines
	s.sv.Sorted = s.sv.Sorted && next.sv.Sorted
	if !next.have {
		return
	}
	if s.have && bytes.Compare(next.first[:], s.last[:]) < 0 {
		s.sv.Sorted = false
	}
	if !s.have {
		s.first, s.have = next.first, true
	}
	s.last = next.last
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
