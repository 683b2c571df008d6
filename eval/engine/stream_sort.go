package engine

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"

	"garantie/eval/claims"
	"garantie/eval/spill"
)

// streamSorted is StreamMany for claims in an unknown order. It makes four
// passes, each in memory bounded by o.SortMemory and o.Batch, through
// temporary files that spill removes whatever happens:
//
//  1. read: every line's id goes to a sort by (id, line index), each
//     accepted claim to a log in input order, and the result of each line
//     the reader rejected to the sort of results by line index;
//  2. check, in input order: the sort of ids, read back, gives the
//     duplicates (a line whose id an earlier line has), then the lines of
//     the log are checked as Session.Evaluate checks them (duplicate ids,
//     unknown postes, a beneficiary in two families) and the beneficiaries
//     numbered; rejected lines go to the results, accepted ones to a sort
//     by (family, date, id);
//  3. evaluate: the claims come back family by family, each family's in
//     (date, id) order as LANGUAGE.md §3 wants, in batches that never
//     split a family's date, and their results go to the sort of results;
//  4. emit: the results come back in input order.
//
// No table keeps every id: memory grows with the beneficiaries (their
// state) and not with the lines.
func streamSorted(sessions []*Session, r *claims.Reader, o StreamOptions, emit func([][]Result) error) error {
	x := &externalSort{sessions: sessions, o: o, batch: o.Batch}
	if x.batch <= 0 {
		x.batch = sortBatch
	}
	defer x.close()
	steps := []func() error{
		func() error { return x.read(r) },
		x.check,
		x.evaluate,
		func() error { return x.emit(emit) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// externalSort holds the temporary files of streamSorted.
type externalSort struct {
	sessions []*Session
	o        StreamOptions
	batch    int

	ids     *spill.Sorter // (id, index) → line
	log     *spill.Log    // the accepted claims in input order
	dups    *spill.Sorter // index → the line where its id was first seen
	evals   *spill.Sorter // (family, date, id) → claim, and per session whether accepted and the beneficiary's number
	results *spill.Sorter // (index, session) → result

	key, val   []byte // scratch
	rkey, rval []byte // scratch of addResult
	outs       [][]Result
}

func (x *externalSort) close() {
	for _, s := range []*spill.Sorter{x.ids, x.dups, x.evals, x.results} {
		if s != nil {
			s.Close()
		}
	}
	if x.log != nil {
		x.log.Close()
	}
}

func (x *externalSort) sorter() *spill.Sorter {
	return spill.NewSorter(x.o.TempDir, x.o.SortMemory)
}

// read is pass 1.
func (x *externalSort) read(r *claims.Reader) error {
	var err error
	if x.log, err = spill.NewLog(x.o.TempDir); err != nil {
		return err
	}
	x.ids, x.results = x.sorter(), x.sorter()
	x.outs = make([][]Result, len(x.sessions))
	var pending []claims.Claim
	for {
		var rerr error
		pending, rerr = r.Read(pending[:0])
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return rerr
		}
		for i := range pending {
			c := &pending[i]
			x.key = binary.BigEndian.AppendUint64(appendString(x.key[:0], c.ID), uint64(c.Index))
			x.val = binary.AppendUvarint(x.val[:0], uint64(c.Line))
			if err := x.ids.Add(x.key, x.val); err != nil {
				return err
			}
			if c.Err == nil {
				if err := x.log.Append(appendClaim(x.val[:0], c)); err != nil {
					return err
				}
				continue
			}
			if !x.o.Shard.Holds(c) {
				continue
			}
			for j, s := range x.sessions {
				out := growResults(&x.outs[j], 1)
				s.begin(pending[i:i+1], out, Shard{}, false)
				if err := x.addResult(c.Index, j, &out[0]); err != nil {
					return err
				}
			}
		}
		if rerr != nil {
			return x.log.Rewind()
		}
	}
}

// growResults returns (*out)[:n], grown when needed.
func growResults(out *[]Result, n int) []Result {
	if cap(*out) < n {
		*out = make([]Result, n)
	}
	return (*out)[:n]
}

// addResult adds the result of the line of index for session j.
func (x *externalSort) addResult(index, j int, r *Result) error {
	x.rkey = append(binary.BigEndian.AppendUint64(x.rkey[:0], uint64(index)), byte(j))
	x.rval = appendResult(x.rval[:0], r)
	return x.results.Add(x.rkey, x.rval)
}

// findDuplicates reads the sort of ids and sorts the duplicates by line
// index.
func (x *externalSort) findDuplicates() error {
	it, err := x.ids.Sort()
	if err != nil {
		return err
	}
	x.dups = x.sorter()
	var prev []byte
	var first uint64
	for it.Next() {
		k := it.Key()
		id, index := k[:len(k)-8], k[len(k)-8:]
		if prev != nil && bytes.Equal(id, prev) {
			x.val = binary.AppendUvarint(x.val[:0], first)
			if err := x.dups.Add(index, x.val); err != nil {
				return err
			}
			continue
		}
		prev = append(prev[:0], id...)
		first, _ = binary.Uvarint(it.Value())
	}
	if err := it.Err(); err != nil {
		return err
	}
	err = x.ids.Close()
	x.ids = nil
	return err
}

// check is pass 2.
func (x *externalSort) check() error {
	if err := x.findDuplicates(); err != nil {
		return err
	}
	dups, err := x.dups.Sort()
	if err != nil {
		return err
	}
	hasDup := dups.Next()
	x.evals = x.sorter()
	batch := make([]claims.Claim, 0, x.batch)
	dupFirst := make([]int32, 0, x.batch)
	var c claims.Claim
	for {
		rec, ok := x.log.Next()
		if ok {
			if _, err := readClaim(rec, &c); err != nil {
				return err
			}
			first := int32(0)
			for hasDup && binary.BigEndian.Uint64(dups.Key()) <= uint64(c.Index) {
				if binary.BigEndian.Uint64(dups.Key()) == uint64(c.Index) {
					v, _ := binary.Uvarint(dups.Value())
					first = int32(v)
				}
				hasDup = dups.Next()
			}
			batch, dupFirst = append(batch, c), append(dupFirst, first)
		}
		if len(batch) == x.batch || !ok && len(batch) > 0 {
			if err := x.checkBatch(batch, dupFirst); err != nil {
				return err
			}
			batch, dupFirst = batch[:0], dupFirst[:0]
		}
		if !ok {
			break
		}
	}
	if err := errors.Join(x.log.Err(), dups.Err()); err != nil {
		return err
	}
	err = errors.Join(x.log.Close(), x.dups.Close())
	x.log, x.dups = nil, nil
	return err
}

// checkBatch checks a batch of pass 2 with every session.
func (x *externalSort) checkBatch(batch []claims.Claim, dupFirst []int32) error {
	for j, s := range x.sessions {
		out := s.begin(batch, growResults(&x.outs[j], len(batch)), Shard{}, false)
		checkKnownIDs(batch, out, s.info, dupFirst)
		w := len(s.shards)
		s.parallel(func(k int) { s.shards[k].checkFamilies(batch, out, s.info, k, w) })
	}
	for i := range batch {
		c := &batch[i]
		if !x.o.Shard.Holds(c) {
			continue
		}
		x.val = appendClaim(x.val[:0], c)
		accepted := false
		for j, s := range x.sessions {
			in := &s.info[i]
			if in.ok {
				accepted = true
				x.val = binary.AppendUvarint(append(x.val, 1), uint64(in.beneficiary))
				continue
			}
			x.val = append(x.val, 0)
			if err := x.addResult(c.Index, j, &x.outs[j][i]); err != nil {
				return err
			}
		}
		if accepted {
			if err := x.evals.Add(evalKey(x.key[:0], c), x.val); err != nil {
				return err
			}
		}
	}
	return nil
}

// evalKey appends the key that sorts a claim by family, then (date, id).
// A family is its famille id, or the assure id of a family of one; the
// FNV-1a hash first spreads them, the id itself separates those of one
// hash. The family part of the key is familyPart's.
func evalKey(b []byte, c *claims.Claim) []byte {
	key, kind := c.Famille, byte(0)
	if key == "" {
		key, kind = c.Assure, 1
	}
	b = binary.BigEndian.AppendUint64(b, fnv1a(key))
	b = appendString(append(b, kind), key)
	b = binary.BigEndian.AppendUint32(b, uint32(c.Date)^1<<31)
	return append(b, c.ID...)
}

// familyPart returns the family part of an evalKey and its date.
func familyPart(key []byte) (family, date []byte) {
	n, w := binary.Uvarint(key[9:])
	end := 9 + w + int(n)
	return key[:end], key[end : end+4]
}

// evaluate is pass 3.
func (x *externalSort) evaluate() error {
	it, err := x.evals.Sort()
	if err != nil {
		return err
	}
	n := len(x.sessions)
	batch := make([]claims.Claim, 0, x.batch)
	oks := make([][]bool, n)
	bens := make([][]int32, n)
	var family, day []byte
	var c claims.Claim
	flush := func() error {
		err := x.evaluateBatch(batch, oks, bens)
		batch = batch[:0]
		for j := range n {
			oks[j], bens[j] = oks[j][:0], bens[j][:0]
		}
		return err
	}
	for it.Next() {
		f, d := familyPart(it.Key())
		// Cut between families, or between dates of a family too large
		// for a batch, never inside one date of a family.
		if len(batch) >= x.batch && (!bytes.Equal(f, family) || len(batch) >= 4*x.batch && !bytes.Equal(d, day)) {
			if err := flush(); err != nil {
				return err
			}
		}
		family, day = append(family[:0], f...), append(day[:0], d...)
		rest, err := readClaim(it.Value(), &c)
		if err != nil {
			return err
		}
		batch = append(batch, c)
		dec := decoder{b: rest}
		for j := range n {
			ok := dec.byte() == 1
			ben := int32(0)
			if ok {
				ben = int32(dec.uvarint())
			}
			oks[j], bens[j] = append(oks[j], ok), append(bens[j], ben)
		}
		if dec.err != nil {
			return dec.err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return err
		}
	}
	err = x.evals.Close()
	x.evals = nil
	return err
}

// evaluateBatch evaluates a batch of pass 3 with every session, each on
// the lines it accepted in pass 2.
func (x *externalSort) evaluateBatch(batch []claims.Claim, oks [][]bool, bens [][]int32) error {
	for j, s := range x.sessions {
		out := s.begin(batch, growResults(&x.outs[j], len(batch)), Shard{}, false)
		for i := range batch {
			in := &s.info[i]
			in.ok = in.ok && oks[j][i]
			in.beneficiary = bens[j][i]
		}
		w := len(s.shards)
		s.parallel(func(k int) { s.shards[k].evaluate(batch, out, s.info, k, w, true, false) })
		for i := range batch {
			if oks[j][i] {
				if err := x.addResult(batch[i].Index, j, &out[i]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// emit is pass 4: the results in input order, a batch at a time.
func (x *externalSort) emit(emit func([][]Result) error) error {
	it, err := x.results.Sort()
	if err != nil {
		return err
	}
	n := len(x.sessions)
	sets := make([][]Result, n)
	for j := range sets {
		sets[j] = growResults(&x.outs[j], x.batch)
	}
	lines, next := 0, 0
	var index uint64
	for it.Next() {
		// Each line has one result per session, in session order.
		k := it.Key()
		j := int(k[8])
		if j != next || j > 0 && binary.BigEndian.Uint64(k) != index {
			return errors.New("eval: internal error: the sorted results miss a line")
		}
		index, next = binary.BigEndian.Uint64(k), (j+1)%n
		if _, err := readResult(it.Value(), &sets[j][lines]); err != nil {
			return err
		}
		if j < n-1 {
			continue
		}
		lines++
		if lines == x.batch {
			if err := emit(sets); err != nil {
				return err
			}
			lines = 0
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if lines > 0 {
		for j := range sets {
			sets[j] = sets[j][:lines]
		}
		return emit(sets)
	}
	return nil
}
