package engine

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sync/atomic"

	"garantie/eval/claims"
	"garantie/eval/date"
)

// streamBatch is the default StreamOptions.Batch of a stream in a known
// order. 16,384 lines rather than 65,536 took a quarter less memory
// (141 MiB rather than 193 MiB on 1M lines) and 8% less CPU: the buffers
// of claims and results are smaller, and fresh memory is costly to touch.
const streamBatch = 1 << 14

// sortBatch is the default StreamOptions.Batch of the external sort.
const sortBatch = 1 << 16

// Stream evaluates the claims of r with a new Session and calls emit with
// the results, in input order, a batch at a time. emit runs on its own
// goroutine, one call at a time, while the next batch is evaluated; the
// Results it is given are reused once it returns. The first error of emit
// or of r stops the stream and is returned.
//
// o.Order says what is known of the order of the claims' dates. When a
// lateness is known (claims.SurveyFile measures it), Stream evaluates, in
// input order, the claims dated more than that before the latest date
// read: none of the claims still to come can be dated before them, so
// memory grows with the beneficiaries and the lines of the lateness
// window. A claim that breaks the announced order stops the stream with
// an *OrderError rather than being evaluated out of order. When the order
// is unknown (the zero Order), Stream sorts the claims with an external
// sort in o.TempDir, in memory bounded by o.SortMemory whatever the
// length of the file, and still emits the results in input order.
func (e *Engine) Stream(r *claims.Reader, o StreamOptions, emit func([]Result) error) error {
	return StreamMany([]*Engine{e}, r, o, func(rs [][]Result) error { return emit(rs[0]) })
}

// StreamOptions describe the claims a stream will read and how to read
// them. The zero value is safe: it knows nothing of the claims' order,
// so the claims are sorted.
type StreamOptions struct {
	// Order is what is known of the order of the claims' dates.
	Order Order
	// Lines is the number of lines expected, 0 when unknown: a capacity
	// hint that spares the sessions growing their tables.
	Lines int
	// Batch is how many claims are gathered before those that are final
	// are evaluated; 0 means 16,384 for a stream in a known order, 65,536
	// for the external sort.
	Batch int
	// TempDir is the folder of the external sort's temporary files; ""
	// means os.TempDir(). The files are removed before Stream returns,
	// on success, on error and when emit fails.
	TempDir string
	// SortMemory is about how many bytes of claims or results the
	// external sort holds before it writes them to a temporary file; 0
	// means 32 MiB. Each of the sort's passes holds that much.
	SortMemory int
	// Shard, when set, restricts the results emitted to the lines of its
	// families (see Shard).
	Shard Shard
	// IDsIncreasing announces that every claim's id is greater,
	// byte-wise, than the id of the claim above (claims.Survey tells):
	// no id can repeat, so a stream in a known Order remembers none. A
	// claim that breaks it stops the stream with an *IDOrderError.
	IDsIncreasing bool
}

// maxRememberedIDs is the most lines of a file in a known Order whose
// ids StreamOptionsOf lets a stream remember to find duplicates, at
// about 45 bytes an id out of order: above it, and unless the ids
// increase, the file is sorted, which finds duplicates in bounded memory.
const maxRememberedIDs = 2_000_000

// Order is what is known of the order of a stream's claims by date. The
// zero Order is unknown.
type Order struct {
	lateness int
	known    bool
}

// Sorted is the Order of claims that come in non-decreasing date order.
func Sorted() Order { return Order{known: true} }

// LateBy is the Order of claims none of which is dated more than days
// before the latest date of the claims above it. A negative days is
// unknown.
func LateBy(days int) Order { return Order{lateness: max(days, 0), known: days >= 0} }

// Lateness returns the most days a claim may come late, and whether it
// is known.
func (o Order) Lateness() (days int, known bool) { return o.lateness, o.known }

// StreamOptionsOf returns the options to stream a surveyed file with. A
// file is streamed in its order when its lines go back less than half its
// span of dates, and either its ids increase (then no id is remembered)
// or it has at most 2,000,000 lines (then the ids are remembered, about
// 45 bytes each when they come in no order). Any other file is left in an
// unknown order, so it is sorted in bounded memory.
func StreamOptionsOf(s claims.Survey) StreamOptions {
	o := StreamOptions{Order: LateBy(s.Lateness), Lines: s.Lines, IDsIncreasing: s.IDsIncreasing}
	if s.Lateness > 0 && 2*s.Lateness > s.Span || !s.IDsIncreasing && s.Lines > maxRememberedIDs {
		o.Order = Order{}
	}
	return o
}

// IDOrderError is the error of a stream announced with IDsIncreasing
// whose ids do not increase.
type IDOrderError struct {
	Line     int    // the line whose id breaks the order
	ID, Prev string // its id and the id of the line above
}

func (e *IDOrderError) Error() string {
	return fmt.Sprintf("line %d: id %q does not come after %q, though the ids were announced in increasing order", e.Line, e.ID, e.Prev)
}

// OrderError is the error of a stream whose claims break the Order they
// were announced in.
type OrderError struct {
	Line     int      // the line that came too late
	Date     date.Day // its date
	Lateness int      // the announced lateness
	After    date.Day // the latest date already evaluated
}

func (e *OrderError) Error() string {
	return fmt.Sprintf("line %d is dated %s, but claims up to %s were already evaluated: the claims are more than %d days out of date order; leave the order unknown to have them sorted", e.Line, e.Date, e.After, e.Lateness)
}

// StreamMany is Stream for several engines over one reading of the
// claims, as a what-if analysis needs: emit gets, for each engine in
// order, the results of the same batch of lines.
func StreamMany(engines []*Engine, r *claims.Reader, o StreamOptions, emit func([][]Result) error) error {
	sessions := make([]*Session, len(engines))
	for i, e := range engines {
		sessions[i] = e.NewSession()
	}
	lateness, known := o.Order.Lateness()
	if !known {
		return streamSorted(sessions, r, o, emit)
	}
	if !o.IDsIncreasing {
		for _, s := range sessions {
			s.Reserve(o.Lines)
		}
	}
	em := newEmitter(len(engines), batchOptions{shard: o.Shard, uniqueIDs: o.IDsIncreasing, idsInOrder: o.IDsIncreasing, datesAfter: true}, emit)
	var lastID string
	firstID := true
	batch := o.Batch
	if batch <= 0 {
		batch = streamBatch
	}
	// Room for a batch, the lines held back and a block of the reader:
	// growing it by copies cost 5% of a run.
	pending := make([]claims.Claim, 0, 2*batch+4096)
	var latest date.Day // the latest date of the valid claims read
	seen := false
	var done date.Day // the latest date evaluated
	evaluated := false
	var after []date.Day // scratch for readyPrefix
	attempt := batch     // try to cut once pending holds this many claims
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
			c := &pending[i]
			if o.IDsIncreasing && (c.Err == nil || c.ID != "") {
				if !firstID && c.ID <= lastID {
					em.close()
					return &IDOrderError{Line: c.Line, ID: c.ID, Prev: lastID}
				}
				lastID, firstID = c.ID, false
			}
			if c.Err != nil {
				continue
			}
			if evaluated && c.Date <= done {
				em.close()
				return &OrderError{Line: c.Line, Date: c.Date, Lateness: lateness, After: done}
			}
			if !seen || c.Date > latest {
				latest, seen = c.Date, true
			}
		}
		if eof {
			if len(pending) > 0 {
				em.evaluate(sessions, pending)
			}
			return em.close()
		}
		if len(pending) < attempt {
			continue
		}
		// The claims still to come are dated on or after the watermark;
		// those above it in the file and dated before it are final.
		var cut int
		cut, after = readyPrefix(pending, latest-date.Day(lateness), after)
		// Until a batch more has come, the cut could hardly move: waiting
		// keeps the cost of cutting proportional to the lines read.
		attempt = len(pending) - cut + batch
		if cut == 0 {
			continue
		}
		for i := range pending[:cut] {
			if c := &pending[i]; c.Err == nil && (!evaluated || c.Date > done) {
				done, evaluated = c.Date, true
			}
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
	opts   batchOptions
	bufs   [2][][]Result // per set, one buffer per engine
	next   int
	free   [2]chan struct{} // holds a token while set k may be evaluated into
	batch  chan [][]Result
	done   chan error
	failed atomic.Bool // emit returned an error: stop evaluating
}

func newEmitter(engines int, opts batchOptions, emit func([][]Result) error) *emitter {
	em := &emitter{emit: emit, opts: opts, batch: make(chan [][]Result), done: make(chan error, 1)}
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
func (em *emitter) evaluate(sessions []*Session, batch []claims.Claim) bool {
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
		s.evaluate(batch, out, em.opts)
		set[i] = keepShard(out, batch, em.opts.shard)
	}
	em.batch <- set
	em.next ^= 1
	return true
}

// keepShard moves the results of the lines of shard to the front of out,
// in input order, and returns them. Results are swapped, not copied, so
// that no two keep the same Couches.
func keepShard(out []Result, batch []claims.Claim, shard Shard) []Result {
	if shard.n <= 1 {
		return out
	}
	j := 0
	for i := range batch {
		if shard.Holds(&batch[i]) {
			out[i], out[j] = out[j], out[i]
			j++
		}
	}
	return out[:j]
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
func readyPrefix(claims []claims.Claim, watermark date.Day, after []date.Day) (int, []date.Day) {
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
	var latest date.Day
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
