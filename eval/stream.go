package eval

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"slices"
	"sync/atomic"
)

// streamBatch is how many claims a streaming evaluation gathers before it
// evaluates those whose date can no longer be followed by an earlier one.
const streamBatch = 1 << 14

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
	dateCol := slices.Index(cols, colDate)
	sc := bufio.NewScanner(io.MultiReader(bytes.NewReader(rest), br))
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	sv := Survey{Sorted: true}
	var prev [10]byte
	have := false
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.Trim(line, " \t\r")) == 0 {
			continue
		}
		sv.Lines++
		if !sv.Sorted {
			continue
		}
		date, quoted := nthField(line, sep, dateCol)
		if quoted {
			sv.Sorted = false
			continue
		}
		if !wellFormedDate(date) {
			continue
		}
		if have && bytes.Compare(date, prev[:]) < 0 {
			sv.Sorted = false
			continue
		}
		copy(prev[:], date)
		have = true
	}
	return sv, sc.Err()
}

// nthField returns field k of a CSV line split on sep, trimmed of spaces
// and quotes, or nil when the line has fewer fields. It reports quoted
// when a quote stands before field k, where a separator may be quoted.
func nthField(line []byte, sep byte, k int) (f []byte, quoted bool) {
	for range k {
		i := bytes.IndexByte(line, sep)
		if bytes.IndexByte(line[:max(i, 0)], '"') >= 0 || i < 0 && bytes.IndexByte(line, '"') >= 0 {
			return nil, true
		}
		if i < 0 {
			return nil, false
		}
		line = line[i+1:]
	}
	if i := bytes.IndexByte(line, sep); i >= 0 {
		line = line[:i]
	}
	return bytes.Trim(line, " \t\r\""), false
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
