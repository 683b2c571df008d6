// Package spill sorts records larger than memory: an external sort that
// holds a bounded number of bytes, writes sorted runs to temporary files
// and merges them. The streaming driver of package engine uses it to
// evaluate claims files in any order in bounded memory.
//
// Temporary files are unlinked as soon as they are created (where the
// system allows it, as Unix systems do): they live only as long as their
// open descriptor, so nothing is left behind on success, on error, or when
// the process is interrupted or killed. Close releases them.
package spill

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"io"
	"slices"
)

// DefaultMemory is the Sorter's memory budget when none is given.
const DefaultMemory = 32 << 20

// Sorter sorts records, each a key and a value, by key (bytes.Compare).
// Records with equal keys come out in no particular order. It holds
// up to its budget of record bytes in memory, then writes them sorted to a
// temporary file (a run); Sort merges the runs. The zero Sorter is not
// usable: call NewSorter.
type Sorter struct {
	dir    string
	budget int
	buf    []byte // the records in memory, each as written to a run
	recs   []span // their places in buf
	runs   []*file
	sorted bool
}

// span is a record of the buffer: where it starts, the length of its key
// and of its value, and its key's first 8 bytes as a number for quick
// comparison.
type span struct {
	prefix     uint64
	off        int
	klen, vlen uint32
}

// NewSorter returns a Sorter whose temporary files go in dir ("" for
// os.TempDir()) and which holds about budget bytes of records in memory
// (0 for DefaultMemory).
func NewSorter(dir string, budget int) *Sorter {
	if budget <= 0 {
		budget = DefaultMemory
	}
	return &Sorter{dir: dir, budget: budget}
}

// Add adds a record. Key and value are copied.
func (s *Sorter) Add(key, value []byte) error {
	if s.sorted {
		return errors.New("spill: Add after Sort")
	}
	size := 2*binary.MaxVarintLen32 + len(key) + len(value)
	if len(s.buf)+size > s.budget && len(s.recs) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	if s.buf == nil {
		s.buf = make([]byte, 0, min(s.budget, 1<<20))
	}
	if len(s.buf)+size > cap(s.buf) && cap(s.buf) < s.budget {
		s.grow()
	}
	s.buf = binary.AppendUvarint(s.buf, uint64(len(key)))
	s.buf = binary.AppendUvarint(s.buf, uint64(len(value)))
	off := len(s.buf)
	s.buf = append(append(s.buf, key...), value...)
	s.recs = append(s.recs, span{prefix: prefixOf(key), off: off, klen: uint32(len(key)), vlen: uint32(len(value))})
	return nil
}

// grow gives the buffer the whole budget, and the spans room for as many
// records of the average size so far, in one copy each: small inputs stay
// small, large ones do not grow by doublings (which cost a fifth of the
// external sort in copies and fresh pages). The buffers are then kept
// from run to run.
func (s *Sorter) grow() {
	buf := make([]byte, len(s.buf), s.budget+s.budget/8)
	copy(buf, s.buf)
	n := max(len(s.recs), 1) * s.budget / max(len(s.buf), 1)
	recs := make([]span, len(s.recs), n+n/4)
	copy(recs, s.recs)
	s.buf, s.recs = buf, recs
}

func prefixOf(key []byte) uint64 {
	var b [8]byte
	copy(b[:], key)
	return binary.BigEndian.Uint64(b[:])
}

// sortMemory sorts the records in memory by key.
func (s *Sorter) sortMemory() {
	buf := s.buf
	slices.SortFunc(s.recs, func(a, b span) int {
		if a.prefix != b.prefix {
			if a.prefix < b.prefix {
				return -1
			}
			return 1
		}
		return bytes.Compare(buf[a.off:a.off+int(a.klen)], buf[b.off:b.off+int(b.klen)])
	})
}

// spill writes the records in memory, sorted, to a new run.
func (s *Sorter) spill() error {
	s.sortMemory()
	f, err := createTemp(s.dir)
	if err != nil {
		return err
	}
	s.runs = append(s.runs, f)
	w := bufio.NewWriterSize(f.f, 1<<16)
	var hdr [2 * binary.MaxVarintLen32]byte
	for _, r := range s.recs {
		n := binary.PutUvarint(hdr[:], uint64(r.klen))
		n += binary.PutUvarint(hdr[n:], uint64(r.vlen))
		w.Write(hdr[:n])
		w.Write(s.buf[r.off : r.off+int(r.klen+r.vlen)])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	s.buf, s.recs = s.buf[:0], s.recs[:0]
	return nil
}

// Runs returns the number of runs written to temporary files so far.
func (s *Sorter) Runs() int { return len(s.runs) }

// Sort ends the adding of records and returns an Iterator over all of
// them in key order. The Iterator reads the runs, whose memory is that of
// one buffer per run.
func (s *Sorter) Sort() (*Iterator, error) {
	if s.sorted {
		return nil, errors.New("spill: Sort called twice")
	}
	s.sorted = true
	it := &Iterator{}
	if len(s.runs) == 0 {
		s.sortMemory()
		it.mem, it.memRecs = s.buf, s.recs
		return it, nil
	}
	if len(s.recs) > 0 {
		if err := s.spill(); err != nil {
			return nil, err
		}
	}
	s.buf, s.recs = nil, nil
	bufSize := max(4<<10, min(1<<16, s.budget/len(s.runs)))
	for i, f := range s.runs {
		if _, err := f.f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		c := &cursor{r: bufio.NewReaderSize(f.f, bufSize), run: i}
		ok, err := c.next()
		if err != nil {
			return nil, err
		}
		if ok {
			it.heap = append(it.heap, c)
		}
	}
	heap.Init(&it.heap)
	return it, nil
}

// Close removes the temporary files and releases the memory. It may be
// called at any time, more than once.
func (s *Sorter) Close() error {
	var errs []error
	for _, f := range s.runs {
		errs = append(errs, f.close())
	}
	s.runs, s.buf, s.recs = nil, nil, nil
	s.sorted = true
	return errors.Join(errs...)
}

// Iterator walks the sorted records.
type Iterator struct {
	// In memory, when nothing was spilled.
	mem     []byte
	memRecs []span
	next    int
	// Otherwise a heap of one cursor per run.
	heap    cursorHeap
	started bool

	key, value []byte
	err        error
}

// Next moves to the next record, and reports false at the end or on an
// error (see Err).
func (it *Iterator) Next() bool {
	if it.err != nil {
		return false
	}
	if it.heap == nil {
		if it.next >= len(it.memRecs) {
			return false
		}
		r := it.memRecs[it.next]
		it.next++
		it.key = it.mem[r.off : r.off+int(r.klen)]
		it.value = it.mem[r.off+int(r.klen) : r.off+int(r.klen+r.vlen)]
		return true
	}
	if it.started && len(it.heap) > 0 {
		// Advance the cursor of the record returned last.
		c := it.heap[0]
		ok, err := c.next()
		if err != nil {
			it.err = err
			return false
		}
		if ok {
			heap.Fix(&it.heap, 0)
		} else {
			heap.Pop(&it.heap)
		}
	}
	it.started = true
	if len(it.heap) == 0 {
		return false
	}
	c := it.heap[0]
	it.key, it.value = c.key, c.value
	return true
}

// Key returns the key of the current record; it is valid until Next.
func (it *Iterator) Key() []byte { return it.key }

// Value returns the value of the current record; it is valid until Next.
func (it *Iterator) Value() []byte { return it.value }

// Err returns the error that stopped Next, if any.
func (it *Iterator) Err() error { return it.err }

// cursor reads the records of one run.
type cursor struct {
	r          *bufio.Reader
	run        int
	buf        []byte
	key, value []byte
}

// next reads the next record of the run, reporting false at its end.
func (c *cursor) next() (bool, error) {
	klen, err := binary.ReadUvarint(c.r)
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	vlen, err := binary.ReadUvarint(c.r)
	if err != nil {
		return false, unexpected(err)
	}
	n := int(klen + vlen)
	if cap(c.buf) < n {
		c.buf = make([]byte, n, 2*n)
	}
	c.buf = c.buf[:n]
	if _, err := io.ReadFull(c.r, c.buf); err != nil {
		return false, unexpected(err)
	}
	c.key, c.value = c.buf[:klen], c.buf[klen:]
	return true, nil
}

func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// cursorHeap orders cursors by their current key, then by run.
type cursorHeap []*cursor

func (h cursorHeap) Len() int { return len(h) }
func (h cursorHeap) Less(i, j int) bool {
	if c := bytes.Compare(h[i].key, h[j].key); c != 0 {
		return c < 0
	}
	return h[i].run < h[j].run
}
func (h cursorHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *cursorHeap) Push(x any)   { *h = append(*h, x.(*cursor)) }
func (h *cursorHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
