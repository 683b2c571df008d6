package engine

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"unsafe"

	"garantie/eval/claims"
	"garantie/eval/date"
)

// checkIDs rejects, among the lines of shard k, those whose id was seen
// before, and then those whose poste is unknown. The ids of lines the
// reader rejected count as seen.
func (sh *shard) checkIDs(batch []claims.Claim, out []Result, info []lineInfo, k, w int) {
	for i := range batch {
		in := &info[i]
		if shardOf(in.idHash, w) != k {
			continue
		}
		c := &batch[i]
		first, dup := sh.ids.firstLine(c.ID, in.idHash, c.Line)
		switch {
		case !in.ok:
		case dup:
			rejectDuplicate(&out[i], in, c, first)
		case in.poste < 0:
			rejectUnknownPoste(&out[i], in, c)
		}
	}
}

// checkKnownIDs is checkIDs for a batch whose duplicates are known:
// dupFirst[i] is the line where the id of line i was first seen, 0 when
// line i is its first; a nil dupFirst has no duplicate. The external sort
// of Stream finds them.
func checkKnownIDs(batch []claims.Claim, out []Result, info []lineInfo, dupFirst []int32) {
	for i := range batch {
		in := &info[i]
		switch {
		case !in.ok:
		case dupFirst != nil && dupFirst[i] > 0:
			rejectDuplicate(&out[i], in, &batch[i], int(dupFirst[i]))
		case in.poste < 0:
			rejectUnknownPoste(&out[i], in, &batch[i])
		}
	}
}

func rejectDuplicate(r *Result, in *lineInfo, c *claims.Claim, first int) {
	reject(r, in, c, RejectDuplicateID, "duplicate id "+c.ID+", first seen on line "+strconv.Itoa(first))
}

func rejectUnknownPoste(r *Result, in *lineInfo, c *claims.Claim) {
	reject(r, in, c, RejectUnknownPoste, fmt.Sprintf("unknown poste %q: it is neither in the nomenclature nor declared by the contract", c.Poste))
}

// assureEntry is the family a beneficiary was first seen in, and the
// beneficiary's number in the session. It holds no pointer: its ids are
// in key when they fit, else in the table's text (see assureTable).
type assureEntry struct {
	// The birth and adhesion dates of the first line that gave them, with
	// that line (0 while no line gave one): a beneficiary has one of each.
	naissance, adhesion date.Day
	naissLine, adhLine  int32
	line                int32
	id                  int32
	// key holds the length of the assure id, that of the famille id and
	// the two ids, when they fit (assureInline bytes at most); else
	// key[0] is assureOutOfLine and key[1:9] the offset of the ids in
	// the table's text.
	key [assureKeySize]byte
}

const (
	// assureKeySize makes an assureEntry 56 bytes, within one or two
	// cache lines: finding a beneficiary and reading its famille touch
	// nothing else when its ids fit in it.
	assureKeySize   = 32
	assureInline    = assureKeySize - 2
	assureOutOfLine = 0xFF
)

// checkFamilies rejects, among the accepted lines of shard k, those that
// give a beneficiary another family, birth date or adhesion date than the
// first line that named it (dates only when both lines give one). It
// numbers beneficiaries densely across shards: the n-th one of shard k is
// n*w + k.
func (sh *shard) checkFamilies(batch []claims.Claim, out []Result, info []lineInfo, k, w int) {
	for i := range batch {
		// The slots of the lines to come, and the entries of the slots
		// already in the cache.
		if ahead := i + 2*prefetchAhead; ahead < len(batch) && shardOf(info[ahead].assureHash, w) == k {
			sh.assures.prefetchSlot(info[ahead].assureHash)
		}
		if ahead := i + prefetchAhead; ahead < len(batch) && shardOf(info[ahead].assureHash, w) == k {
			sh.assures.prefetchEntry(info[ahead].assureHash)
		}
		in := &info[i]
		if !in.ok || shardOf(in.assureHash, w) != k {
			continue
		}
		c := &batch[i]
		e, seen := sh.assures.find(c.Assure, in.assureHash)
		switch {
		case !seen:
			*e = assureEntry{line: int32(c.Line), id: int32(sh.assures.n*w + k)}
			sh.assures.add(e, c.Assure, c.Famille)
		case string(sh.assures.famille(e)) != c.Famille:
			reject(&out[i], in, c, RejectFamilleConflict, fmt.Sprintf("beneficiary %s is %s here but %s on line %d", c.Assure, familleText(c.Famille), familleText(string(sh.assures.famille(e))), e.line))
			continue
		case e.naissLine != 0 && c.HasNaiss && e.naissance != c.Naissance:
			reject(&out[i], in, c, RejectNaissanceConflict, fmt.Sprintf("beneficiary %s is born on %s here but on %s on line %d", c.Assure, c.Naissance, e.naissance, e.naissLine))
			continue
		case e.adhLine != 0 && c.HasAdh && e.adhesion != c.Adhesion:
			reject(&out[i], in, c, RejectAdhesionConflict, fmt.Sprintf("beneficiary %s joined on %s here but on %s on line %d", c.Assure, c.Adhesion, e.adhesion, e.adhLine))
			continue
		}
		if e.naissLine == 0 && c.HasNaiss {
			e.naissance, e.naissLine = c.Naissance, int32(c.Line)
		}
		if e.adhLine == 0 && c.HasAdh {
			e.adhesion, e.adhLine = c.Adhesion, int32(c.Line)
		}
		in.beneficiary = e.id
	}
}

// assureTable maps beneficiaries to the entry of their first line. The
// entries are in the order they were added; slots index them by open
// addressing on the hash the session already computed, each as the low
// 32 bits of the hash and the entry's index plus one, so that growing
// moves 8 bytes a beneficiary and finding one reads one slot and, most
// often, one entry. The ids of an entry are in its key when they fit, as
// usual ids do; else in text, each as the length of the id (a uvarint)
// and the id, the assure id then the famille id.
type assureTable struct {
	slots []uint64 // len is 0 or a power of two; 0 is an empty slot
	// blocks hold the entries, entryBlock each: a new block rather than
	// a copy of them all when they outgrow their room.
	blocks  [][]assureEntry
	entries int // the number of entries found or added
	n       int // the number of entries added
	text    []byte
}

// entryBlock is the number of entries of a block of assureTable.
const entryBlock = 4096

// entry returns the entry whose slot holds s.
func (t *assureTable) entry(s uint64) *assureEntry {
	i := uint32(s) - 1
	return &t.blocks[i/entryBlock][i%entryBlock]
}

// find returns the entry of assure, whose hash is h, and whether it was
// there; when it was not, the returned entry is a new one to fill, then
// to give to add. The entry is valid until the next call of find.
func (t *assureTable) find(assure string, h uint64) (*assureEntry, bool) {
	if 4*(t.entries+1) > 3*len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	tag := h & 0xFFFFFFFF
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			if t.entries%entryBlock == 0 {
				t.blocks = append(t.blocks, make([]assureEntry, entryBlock))
			}
			t.entries++
			t.slots[i] = tag<<32 | uint64(t.entries)
			return t.entry(t.slots[i]), false // zero: blocks are fresh
		}
		if s>>32 == tag {
			if e := t.entry(s); string(t.assure(e)) == assure {
				return e, true
			}
		}
	}
}

// prefetchSlot prefetches the slot where the search for hash h starts.
func (t *assureTable) prefetchSlot(h uint64) {
	if len(t.slots) > 0 {
		prefetch(unsafe.Pointer(&t.slots[h&uint64(len(t.slots)-1)]), 8)
	}
}

// prefetchEntry prefetches the entry of the slot where the search for
// hash h starts, when the slot's hash bits match.
func (t *assureTable) prefetchEntry(h uint64) {
	if len(t.slots) == 0 {
		return
	}
	if s := t.slots[h&uint64(len(t.slots)-1)]; s != 0 && s>>32 == h&0xFFFFFFFF && int(uint32(s)) <= t.entries {
		e := unsafe.Pointer(t.entry(s))
		prefetch(e, unsafe.Sizeof(assureEntry{}))
	}
}

// add records the ids of e, a new entry.
func (t *assureTable) add(e *assureEntry, assure, famille string) {
	t.n++
	if len(assure)+len(famille) <= assureInline {
		e.key[0], e.key[1] = byte(len(assure)), byte(len(famille))
		copy(e.key[2+copy(e.key[2:], assure):], famille)
		return
	}
	e.key[0] = assureOutOfLine
	binary.LittleEndian.PutUint64(e.key[1:], uint64(len(t.text)))
	t.text = binary.AppendUvarint(t.text, uint64(len(assure)))
	t.text = append(t.text, assure...)
	t.text = binary.AppendUvarint(t.text, uint64(len(famille)))
	t.text = append(t.text, famille...)
}

// field returns the id at offset off of text, and the offset after it.
func (t *assureTable) field(off int) ([]byte, int) {
	n, k := binary.Uvarint(t.text[off:])
	off += k
	return t.text[off : off+int(n)], off + int(n)
}

// assure returns the assure id of e, a slice of its key or of text.
func (t *assureTable) assure(e *assureEntry) []byte {
	if n := e.key[0]; n != assureOutOfLine {
		return e.key[2 : 2+n]
	}
	b, _ := t.field(int(binary.LittleEndian.Uint64(e.key[1:])))
	return b
}

// famille returns the famille id of e (empty without one), a slice of
// its key or of text.
func (t *assureTable) famille(e *assureEntry) []byte {
	if n := e.key[0]; n != assureOutOfLine {
		return e.key[2+n : 2+n+e.key[1]]
	}
	_, next := t.field(int(binary.LittleEndian.Uint64(e.key[1:])))
	b, _ := t.field(next)
	return b
}

// grow doubles the slots and places the entries again, by the hash bits
// their slots keep.
func (t *assureTable) grow() {
	size := max(64, 2*len(t.slots))
	slots := make([]uint64, size)
	mask := uint64(size - 1)
	for _, s := range t.slots {
		if s == 0 {
			continue
		}
		i := s >> 32 & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = s
	}
	t.slots = slots
}

func familleText(f string) string {
	if f == "" {
		return "without famille"
	}
	return "in famille " + f
}

// reject writes the result of c, rejected with code for reason, and
// marks its line as rejected.
func reject(r *Result, in *lineInfo, c *claims.Claim, code RejectCode, reason string) {
	setResult(r, c, in.couches)
	r.Err = rejection(code, reason)
	in.ok = false
}

// setResult writes in r the result of c before its evaluation, with
// couches (cut to length 0) as its Couches. It zeroes r then sets its
// fields in place: building the Result apart and copying it, as
// *r = Result{...} compiles, reloads in 16-byte words what was just
// stored in 8-byte ones, which the processor cannot forward.
func setResult(r *Result, c *claims.Claim, couches []Couche) {
	*r = Result{}
	r.Line, r.ID, r.Assure, r.Date, r.Poste, r.Frais, r.Couches = c.Line, c.ID, c.Assure, c.Date, c.Poste, c.Frais, couches[:0]
}

// idTable remembers the ids a session has seen with the line of each.
// Claim files usually number their lines in increasing order, so ids come
// in two parts: a run of ids each greater (byte-wise) than all before it,
// appended to a sorted arena without hashing, and a hash table for the
// others. An id greater than the last of the run cannot have been seen:
// every id of the table is smaller than it. Remembering an id allocates
// nothing beyond the amortised growth of the arenas.
type idTable struct {
	run     []byte   // the ids of the run, in increasing order, concatenated
	runEnd  []uint32 // the end offset in run of each id of the run
	runLine []int32  // the line of each id of the run

	slots []idSlot // open addressing; len is 0 or a power of two
	n     int
	arena []byte
	hint  int // expected number of ids, to size the table when it is first needed
}

// idSlot is an id of the hash table, or an empty slot when hash is 0.
type idSlot struct {
	hash uint64
	off  int
	size uint32
	line int32
}

// firstLine remembers id (whose hash is h) as seen on line, or, when it was
// seen before, returns the line it was first seen on and true.
func (t *idTable) firstLine(id string, h uint64, line int) (int, bool) {
	if k := len(t.runEnd); k == 0 || id > t.runID(k-1) {
		t.run = append(t.run, id...)
		t.runEnd = append(t.runEnd, uint32(len(t.run)))
		t.runLine = append(t.runLine, int32(line))
		return 0, false
	}
	if i, found := t.searchRun(id); found {
		return int(t.runLine[i]), true
	}
	return t.tableFirstLine(id, h, line)
}

// runID returns the i-th id of the run.
func (t *idTable) runID(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.runEnd[i-1]
	}
	return string(t.run[start:t.runEnd[i]])
}

// searchRun finds id in the run by binary search.
func (t *idTable) searchRun(id string) (int, bool) {
	lo, hi := 0, len(t.runEnd)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.runID(m) < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(t.runEnd) && t.runID(lo) == id
}

// tableFirstLine is firstLine for the ids out of the run's order.
func (t *idTable) tableFirstLine(id string, h uint64, line int) (int, bool) {
	h |= 1 // 0 marks an empty slot
	if 4*(t.n+1) > 3*len(t.slots) {
		if t.slots == nil {
			// Ids out of order usually all are: room for the hinted
			// number of ids about this long.
			t.arena = slices.Grow(t.arena, t.hint*(len(id)+1))
		}
		t.grow(max(t.sizeFor(t.hint), 2*len(t.slots)))
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.hash == 0 {
			*s = idSlot{hash: h, off: len(t.arena), size: uint32(len(id)), line: int32(line)}
			t.arena = append(t.arena, id...)
			t.n++
			return 0, false
		}
		if s.hash == h && string(t.arena[s.off:s.off+int(s.size)]) == id {
			return int(s.line), true
		}
	}
}

// grow resizes the slots to size, a power of two, and reinserts the ids.
func (t *idTable) grow(size int) {
	t.slots = rehash(t.slots, size, func(s *idSlot) uint64 { return s.hash })
}

// rehash returns a table of size slots (a power of two) holding the
// occupied slots of old, by linear probing on their hash (0 marks an
// empty slot).
func rehash[S any](old []S, size int, hash func(*S) uint64) []S {
	slots := make([]S, size)
	mask := uint64(size - 1)
	for k := range old {
		h := hash(&old[k])
		if h == 0 {
			continue
		}
		i := h & mask
		for hash(&slots[i]) != 0 {
			i = (i + 1) & mask
		}
		slots[i] = old[k]
	}
	return slots
}

// sizeFor returns the number of slots that holds n ids at most three
// quarters full.
func (t *idTable) sizeFor(n int) int {
	size := 64
	for 3*size < 4*(n+1) {
		size *= 2
	}
	return size
}

// reserve prepares for n more ids: the run's arrays grow now, the table
// only if ids come out of order.
func (t *idTable) reserve(n int) {
	t.hint = t.n + n
	t.runEnd = slices.Grow(t.runEnd, n)
	t.runLine = slices.Grow(t.runLine, n)
}
