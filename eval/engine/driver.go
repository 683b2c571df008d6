package engine

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"garantie/eval/claims"
	"garantie/eval/date"
)

// A batch goes through four phases. Each phase but the first splits its work
// by a hash into one shard per worker, and each shard walks the batch in
// input order, so that what a line is checked against ("first seen on line
// 3") never depends on the number of workers:
//
//  1. prepare: per line, reset the result, look up the poste, hash the id,
//     the beneficiary and the family (lines split in contiguous chunks);
//  2. ids: reject a line whose id was seen before, then a line whose poste
//     is unknown (shards by id);
//  3. families: reject a line whose beneficiary was seen in another family
//     (shards by beneficiary);
//  4. evaluate: sort each shard's lines by (date, id) and evaluate them
//     (shards by family, which own their families' state). Families are
//     independent, so this order gives each family its (date, id) order
//     of LANGUAGE.md §3; for the usual file sorted by date it leaves the
//     lines in place, which keeps memory access sequential.

// lineInfo is what the phases of a batch know about one line.
type lineInfo struct {
	idHash, assureHash, familyHash uint64
	poste                          int32 // -1 for an unknown poste
	beneficiary                    int32 // the beneficiary's number, from phase 3
	ok                             bool  // not rejected so far
	foreign                        bool  // of a family outside the shard: checked, not evaluated
	// couches is the room for the line's Couches, taken from its result
	// by prepare: the phase that settles the line writes the whole
	// result (see setResult) without reading it.
	couches []Couche
}

// shard is the state one worker owns. Its memory grows with the lines
// it is given: a shard that evaluates nothing allocates almost nothing.
type shard struct {
	e       *Engine
	ids     idTable
	assures assureTable
	worker  *worker // created for the first line the shard evaluates
	order   []orderKey
	// last is, per family of the worker, the latest date evaluated and
	// the batch it came in, to refuse a claim that comes too late.
	last    []familyMark
	batches uint32 // the number of batches evaluated so far
}

// prefetchAhead is how many lines ahead evaluate prefetches the state of
// a line, and checkFamilies the entry of a beneficiary (its slot twice as
// far ahead). 2 and 4 measured alike, 8 worse.
const prefetchAhead = 4

// familyMark is the latest date a family was evaluated on, and the
// number of the batch (from 1) that held it.
type familyMark struct {
	date  date.Day
	batch uint32
	line  int32  // the line of the mark in its batch
	id    string // its id, kept (cloned) once the batch is evaluated
}

// orderKey places a line in the evaluation order of its shard.
type orderKey struct {
	date date.Day
	line int32    // index in the batch
	loc  location // of the beneficiary's state in the worker
}

func newShard(e *Engine) *shard {
	return &shard{e: e}
}

// Evaluate evaluates batch, writing the outcome of batch[i] to out[i]; out
// must be at least as long as batch. Slices of out's Results are reused
// when they have the capacity.
//
// Within a batch the order of lines does not matter: each family's lines
// are evaluated in (date, id) order. Across calls, each family's claims
// must come in date order, all the claims of a family dated D in one
// batch: consecutive date ranges do, and so do whole families. A claim
// dated before (or on) a date its family was evaluated on in an earlier
// batch is rejected with a reason saying so, never evaluated out of order.
// Engine.Stream sorts a file in any order for the Session.
func (s *Session) Evaluate(batch []claims.Claim, out []Result) {
	s.evaluate(batch, out, batchOptions{})
}

// batchOptions are what a stream knows of its batches.
type batchOptions struct {
	// shard: evaluate only its lines; the results of the others are left
	// unset but for their checks.
	shard Shard
	// uniqueIDs: the ids are known not to repeat, so none is remembered.
	uniqueIDs bool
	// idsInOrder: the ids of a batch increase with their lines, so the
	// lines of a date are in id order already.
	idsInOrder bool
	// datesAfter: every batch of the session is dated after all the
	// claims of the batches before it, as Stream cuts them, so no claim
	// can come too late and the latest line of each family is not kept.
	datesAfter bool
}

// evaluate is Evaluate with options.
func (s *Session) evaluate(batch []claims.Claim, out []Result, o batchOptions) {
	out = s.begin(batch, out, o.shard, !o.uniqueIDs)
	w := len(s.shards)
	if o.uniqueIDs {
		checkKnownIDs(batch, out, s.info, nil)
	} else {
		s.parallel(func(k int) { s.shards[k].checkIDs(batch, out, s.info, k, w) })
	}
	s.parallel(func(k int) { s.shards[k].checkFamilies(batch, out, s.info, k, w) })
	s.parallel(func(k int) { s.shards[k].evaluate(batch, out, s.info, k, w, !o.datesAfter, o.idsInOrder) })
}

// begin runs the first phase of a batch and returns out cut to its
// length. The ids are hashed only when hashIDs: checkIDs needs them,
// checkKnownIDs does not.
func (s *Session) begin(batch []claims.Claim, out []Result, shard Shard, hashIDs bool) []Result {
	if len(out) < len(batch) {
		panic("eval: Session.Evaluate: out is shorter than batch")
	}
	out = out[:len(batch)]
	s.info = slices.Grow(s.info[:0], len(batch))[:len(batch)]
	n, w := len(batch), len(s.shards)
	s.parallel(func(k int) {
		lo, hi := k*n/w, (k+1)*n/w
		s.prepare(batch[lo:hi], out[lo:hi], s.info[lo:hi], shard, hashIDs)
	})
	return out
}

// Reserve prepares the session for about n more lines, so that the
// tables of ids seen do not grow while lines are evaluated. It is only a
// hint: more lines are fine.
func (s *Session) Reserve(n int) {
	if n <= 0 {
		return
	}
	w := len(s.shards)
	for _, sh := range s.shards {
		sh.ids.reserve(n/w + n/(8*w))
	}
}

// parallel runs f(0) ... f(workers-1) and waits for them; f(0) runs in
// the calling goroutine, which would otherwise only wait.
func (s *Session) parallel(f func(k int)) {
	var wg sync.WaitGroup
	for k := 1; k < len(s.shards); k++ {
		wg.Go(func() { f(k) })
	}
	f(0)
	wg.Wait()
}

// prepare fills the infos of a chunk of lines, and writes the results of
// the lines already rejected or outside the shard; the results of the
// others are written by the phase that settles them (reject,
// evaluateClaim). It gives every line room for one Couche per layer, with
// one allocation for the lines from the first whose result lacks it on.
func (s *Session) prepare(batch []claims.Claim, out []Result, info []lineInfo, shard Shard, hashIDs bool) {
	layers := len(s.e.layers)
	var backing []Couche
	for i := range batch {
		c, r := &batch[i], &out[i]
		couches := r.Couches[:0]
		if cap(couches) < layers {
			if len(backing) < layers {
				backing = make([]Couche, (len(batch)-i)*layers)
			}
			couches, backing = backing[:0:layers], backing[layers:]
		}
		in := lineInfo{poste: -1, ok: c.Err == nil, foreign: !shard.Holds(c), couches: couches}
		if hashIDs {
			in.idHash = maphash.String(s.seed, c.ID)
		}
		if c.Err != nil {
			reject(r, &in, c, RejectInvalidLine, c.Err.Error())
		} else if why := invalid(c); why != "" {
			reject(r, &in, c, RejectInvalidLine, why)
		} else if in.foreign {
			setResult(r, c, couches)
		}
		if in.ok {
			if p, known := s.e.index[c.Poste]; known {
				in.poste = p
			}
			in.assureHash = maphash.String(s.seed, c.Assure)
			if c.Famille != "" {
				in.familyHash = maphash.String(s.seed, c.Famille)
			} else {
				in.familyHash = in.assureHash
			}
		}
		info[i] = in
	}
}

// invalid returns why a decoded claim cannot be evaluated, or "". The
// claims reader never produces such a claim; other callers might.
func invalid(c *claims.Claim) string {
	switch {
	case c.Quantite < 1:
		return "quantite must be a whole number of at least 1"
	case c.Frais < 0 || c.Base < 0 || c.RO < 0 || c.PF < 0:
		return "amounts must not be negative"
	case c.HasTaux && (c.Taux < 0 || c.Taux > 10000):
		return "taux must be between 0 and 100"
	}
	return ""
}

// shardOf returns the shard of a hash among w; it uses the high bits, the
// tables of a shard use the low ones.
func shardOf(h uint64, w int) int {
	return int((h >> 32) % uint64(w))
}

// evaluate sorts the accepted lines of shard k by (date, id) and evaluates
// them. With marks, it rejects the claims that come too late for their
// family (inOrder) and keeps each family's latest line for the next
// batches; without, the caller knows that no claim can come too late.
// With idsInOrder, the ids increase with the lines of the batch: (date,
// line) order is (date, id) order, without reading the ids, and the keys,
// made in line order, need no sort when the dates do not go back.
func (sh *shard) evaluate(batch []claims.Claim, out []Result, info []lineInfo, k, w int, marks, idsInOrder bool) {
	if sh.worker == nil {
		if !hasFamilyOf(info, k, w) {
			return
		}
		sh.worker = new(worker)
		*sh.worker = newWorker(sh.e)
	}
	wk := sh.worker
	sh.batches++
	keys := sh.order[:0]
	for i := range batch {
		if in := &info[i]; in.ok && !in.foreign && shardOf(in.familyHash, w) == k {
			keys = append(keys, orderKey{date: batch[i].Date, line: int32(i), loc: wk.locate(&batch[i], in.beneficiary)})
		}
	}
	if idsInOrder {
		if !slices.IsSortedFunc(keys, byDateLine) {
			slices.SortFunc(keys, byDateLine)
		}
	} else {
		slices.SortFunc(keys, func(a, b orderKey) int {
			if c := cmp.Compare(a.date, b.date); c != 0 {
				return c
			}
			return strings.Compare(batch[a.line].ID, batch[b.line].ID)
		})
	}
	for j, key := range keys {
		if j+prefetchAhead < len(keys) {
			loc := keys[j+prefetchAhead].loc
			fam, ben := unsafe.Pointer(wk.family(loc)), unsafe.Pointer(wk.member(loc))
			// Each spans up to three cache lines.
			prefetch(fam, unsafe.Sizeof(familyState{}))
			prefetch(ben, unsafe.Sizeof(beneficiaryState{}))
		}
		c, in := &batch[key.line], &info[key.line]
		if marks && !sh.inOrder(key, c, &out[key.line], in) {
			continue
		}
		wk.evaluateClaim(c, in.poste, in.couches, wk.family(key.loc), wk.member(key.loc), &out[key.line])
	}
	sh.order = keys
	if !marks {
		return
	}
	// Keep the id of each family's last line: the batch's text is not
	// kept beyond it, and a later batch is compared with it.
	for _, key := range keys {
		if m := &sh.last[key.loc.family-1]; m.batch == sh.batches && m.line == key.line {
			m.id = strings.Clone(batch[key.line].ID)
		}
	}
}

// byDateLine orders keys by date, then line.
func byDateLine(a, b orderKey) int {
	if c := cmp.Compare(a.date, b.date); c != 0 {
		return c
	}
	return cmp.Compare(a.line, b.line)
}

// hasFamilyOf reports whether a line of the batch is to be evaluated by
// shard k of w.
func hasFamilyOf(info []lineInfo, k, w int) bool {
	for i := range info {
		if info[i].ok && !info[i].foreign && shardOf(info[i].familyHash, w) == k {
			return true
		}
	}
	return false
}

// inOrder records the (date, id) of the line of key as its family's
// latest, or rejects the line when its family was already evaluated, in an
// earlier batch, on a later date, or on the same date with a greater or
// equal id: evaluating it would consume envelopes out of the (date, id)
// order of LANGUAGE.md §3.
func (sh *shard) inOrder(key orderKey, c *claims.Claim, r *Result, in *lineInfo) bool {
	id := c.ID
	f := int(key.loc.family - 1)
	if f >= len(sh.last) {
		sh.last = append(sh.last, make([]familyMark, f+1-len(sh.last))...)
	}
	m := &sh.last[f]
	if m.batch != 0 && m.batch != sh.batches && (key.date < m.date || key.date == m.date && id <= m.id) {
		reject(r, in, c, RejectLateClaim, fmt.Sprintf("claim %s dated %s comes after its family was evaluated up to claim %s dated %s in an earlier batch: a Session needs each family's claims in (date, id) order across batches", id, key.date, m.id, m.date))
		return false
	}
	m.date, m.batch, m.line = key.date, sh.batches, key.line
	return true
}
