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

// streamBatch is the default StreamOptions.Batch.
const streamBatch = 1 << 16

// Stream evaluates the claims of r with a new Session and calls emit with
// the results, in input order, a batch at a time. emit runs on its own
// goroutine, one call at a time, while the next batch is evaluated; the
// Results it is given are reused once it returns. The first error of emit
// or of r stops the stream and is returned.
//
// o.Lateness (SurveyClaims measures it) bounds how far back in time a
// claim may come after the claims above it. Stream evaluates, in input
// order, the claims dated more than that before the latest date read:
// none of the claims still to come can be dated before them. Memory then
// grows with the number of beneficiaries and with the claims of the
// lateness window, not with the length of the file. With no bound, every
// claim is read first.
func (e *Engine) Stream(r *Reader, o StreamOptions, emit func([]Result) error) error {
	return StreamMany([]*Engine{e}, r, o, func(rs [][]Result) error { return emit(rs[0]) })
}

// StreamOptions describe the claims a stream will read.
type StreamOptions struct {
	// Lateness is the most days a claim's date falls before the latest
	// date of the claims above it: 0 for a file sorted by date, negative
	// when unknown (the claims are then read whole before evaluation).
	Lateness int
	// Lines is the number of lines expected, 0 when unknown: a capacity
	// hint that spares the sessions growing their tables.
	Lines int
	// Batch is how many claims are gathered before those that are final
	// are evaluated; 0 means 65,536.
	Batch int
}

// Unordered are the options of a stream of claims about which nothing is
// known: they are read whole.
var Unordered = StreamOptions{Lateness: -1}

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
	if o.Lateness < 0 && o.Lines > 0 {
		// Every claim is held at once: size the slice for them all
		// rather than growing it by copies.
		pending = make([]Claim, 0, o.Lines)
	}
	batch := o.Batch
	if batch <= 0 {
		batch = streamBatch
	}
	var latest Day // the latest date of the valid claims read
	seen := false
	var after []Day  // scratch for readyPrefix
	attempt := batch // try to cut once pending holds this many claims
	for {
		n := len(pending)
		var err error
		pending, err = r.Read(pending)
		eof := errors.Is(err, io.EOF)
		if err != nil && !eof {
			em.close()
			return err
		}
		for i := n; i < len(pending); i++ {
			if c := &pending[i]; c.Err == nil && (!seen || c.Date > latest) {
				latest, seen = c.Date, true
			}
		}
		if eof {
			if len(pending) > 0 {
				em.evaluate(sessions, pending)
			}
			return em.close()
		}
		if o.Lateness < 0 || len(pending) < attempt {
			continue
		}
		// The claims still to come are dated on or after the watermark;
		// those above it in the file and dated before it are final.
		var cut int
		cut, after = readyPrefix(pending, latest-Day(o.Lateness), after)
		// Until a batch more has come, the cut could hardly move: waiting
		// keeps the cost of cutting proportional to the lines read.
		attempt = len(pending) - cut + batch
		if cut == 0 {
			continue
		}
		if !em.evaluate(sessions, pending[:cut]) {
			return em.close()
		}
		n = copy(pending, pending[cut:])
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

// readyPrefix returns how many leading claims can be evaluated now: the
// longest prefix whose dates all come before the watermark (below which
// no claim still to be read is dated) and before the date of every claim
// left after it. Each family's claims are thus evaluated in date order
// across batches, with the claims of one date in one batch, as
// Session.Evaluate requires; cutting a prefix keeps the input order of
// the checks of ids and families, and of the results. Rejected lines
// change no state and go with their neighbours. after is scratch space.
func readyPrefix(claims []Claim, watermark Day, after []Day) (int, []Day) {
	n := len(claims)
	// after[i] is the earliest date of the valid claims from i on, or the
	// watermark if earlier.
	after = slices.Grow(after[:0], n+1)[:n+1]
	after[n] = watermark
	for i := n - 1; i >= 0; i-- {
		after[i] = after[i+1]
		if c := &claims[i]; c.Err == nil && c.Date < after[i] {
			after[i] = c.Date
		}
	}
	cut, seen := 0, false
	var latest Day
	for i := range claims {
		if c := &claims[i]; c.Err == nil && (!seen || c.Date > latest) {
			latest, seen = c.Date, true
		}
		if !seen || latest < after[i+1] {
			cut = i + 1
		}
	}
	return cut, after
}

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
}

// Sorted reports whether the lines come in non-decreasing date order.
func (s Survey) Sorted() bool { return s.Lateness == 0 }

// StreamOptions returns the options to stream the surveyed file with. A
// file whose lines go back over half its span of dates gains nothing from
// streaming: it is read whole, into memory sized for it.
func (s Survey) StreamOptions() StreamOptions {
	o := StreamOptions{Lateness: s.Lateness, Lines: s.Lines}
	if s.Lateness > 0 && 2*s.Lateness > s.Span {
		o.Lateness = -1
	}
	return o
}

// SurveyClaims reads a claims file once without decoding its lines, to
// tell how far its dates go back in time (Lateness) and how many lines it
// has. Lines without a valid date are ignored for the order: the reader
// rejects them anyway. A line with a quote before its date makes the
// lateness unknown, so the file is read whole, which is always correct. A
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
	sv       Survey
	have     bool
	min, max Day // the earliest and latest valid dates seen
	unknown  bool
}

func (s *surveyor) init(sep byte, dateCol int) {
	s.sep, s.dateCol = sep, dateCol
}

func (s *surveyor) scan(r io.Reader) (Survey, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	for sc.Scan() {
		s.line(sc.Bytes())
	}
	return s.survey(), sc.Err()
}

func (s *surveyor) survey() Survey {
	sv := s.sv
	if s.have {
		sv.Span = int(s.max - s.min)
	}
	if s.unknown {
		sv.Lateness = -1
	}
	return sv
}

func (s *surveyor) line(line []byte) {
	if len(bytes.Trim(line, " \t\r")) == 0 {
		return
	}
	s.sv.Lines++
	if s.unknown {
		return
	}
	field, quoted := nthField(line, s.sep, s.dateCol)
	if quoted {
		s.unknown = true
		return
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
