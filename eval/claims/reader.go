package claims

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
)

const (
	defaultBlockSize = 256 << 10
	// readAhead is how many parsed blocks a parallel Reader keeps ready
	// ahead of Read: about 40,000 lines with the default block size.
	readAhead = 16
	// maxHeaderSize bounds what NewReader reads looking for the end of
	// the header.
	maxHeaderSize = 1 << 20
)

var (
	utf8BOM   = []byte("\uFEFF")
	errClosed = errors.New("claims reader is closed")
)

// Options tune a Reader; the zero value asks for the defaults.
type Options struct {
	// Workers is the number of goroutines that parse blocks: 0 means
	// GOMAXPROCS, and 1 parses in the goroutine calling Read, without
	// starting any goroutine.
	Workers int
	// BlockSize is the number of bytes read and parsed at once: 0 means
	// 256 KiB, a few thousand lines.
	BlockSize int
}

// Reader decodes a claims file (LANGUAGE.md §4) into Claims, block by
// block, optionally parsing blocks in parallel. Results come in file order
// and do not depend on the block size or the number of workers.
//
// A Reader that parses in parallel runs goroutines until Read returns an
// error or Close is called.
type Reader struct {
	line  int   // line number of the first byte of the next block
	index int   // index of the first record of the next block
	err   error // the error every Read returns from now on

	// Sequential parsing.
	chunks *chunker
	parser *parser
	buf    []byte

	// Parallel parsing: the producer sends, in file order, one channel per
	// block on order, and the block to the workers; the worker that parsed
	// it sends the batch on that channel.
	order       chan chan *batch
	stop        chan struct{}
	stopOnce    sync.Once
	wg          sync.WaitGroup
	freeBlocks  chan []byte
	freeBatches chan *batch
}

// batch is a parsed block: its claims numbered from line 0 and index 0,
// and its number of line breaks; or the error that ends the input.
type batch struct {
	claims []Claim
	lines  int
	err    error
}

// job is a block to parse and where to send its batch.
type job struct {
	block []byte
	out   chan<- *batch
}

// NewReader returns a Reader with the default Options, having read and
// checked the header of src and the first lines after it. An unusable
// header is a *HeaderError; a column that a spreadsheet wrote in a form
// the reader cannot read, on every line checked, is an *ArtefactError.
func NewReader(src io.Reader) (*Reader, error) {
	return NewReaderOptions(src, Options{})
}

// NewReaderOptions is NewReader with Options.
func NewReaderOptions(src io.Reader, o Options) (*Reader, error) {
	sep, cols, rest, headerLines, err := readHeader(src)
	if err != nil {
		return nil, err
	}
	// A read error while peeking is returned by Read, after the lines
	// read before it.
	rest, eof, readErr := peek(src, rest)
	if err := checkArtefacts(sep, cols, rest, 1+headerLines, eof); err != nil {
		return nil, err
	}
	size := o.BlockSize
	if size <= 0 {
		size = defaultBlockSize
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	r := &Reader{line: 1 + headerLines}
	chunks := &chunker{src: src, sep: sep, size: size, carry: rest, eof: eof, err: readErr}
	if workers == 1 {
		r.chunks, r.parser = chunks, newParser(sep, cols)
		return r, nil
	}
	// Parse up to readAhead blocks ahead of the caller, so parsing goes on
	// while the caller evaluates and writes what it has.
	ahead := max(readAhead, 2*workers)
	jobs := make(chan job, workers)
	r.order = make(chan chan *batch, ahead)
	r.stop = make(chan struct{})
	r.freeBlocks = make(chan []byte, ahead+2*workers)
	r.freeBatches = make(chan *batch, ahead+2*workers)
	r.wg.Add(1 + workers)
	go r.produce(chunks, jobs)
	for range workers {
		go r.work(newParser(sep, cols), jobs)
	}
	return r, nil
}

// readHeader reads and decodes the header record of src, after an
// optional UTF-8 byte order mark and an optional "sep=;" line (Excel's
// separator hint). It returns the separator, the columns, the bytes read
// past the header and the number of lines up to the end of the header.
func readHeader(src io.Reader) (sep byte, cols []column, rest []byte, lines int, err error) {
	var buf []byte
	eof := false
	for {
		if bom, ok := utf16BOM(buf); ok {
			return 0, nil, nil, 0, &HeaderError{Line: 1, Msg: fmt.Sprintf("the file is UTF-16 text (byte order mark % X): save it as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8)", bom)}
		}
		b := bytes.TrimPrefix(buf, utf8BOM)
		hint, hintLines, ok, herr := cutSepHint(b, eof)
		if herr != nil {
			return 0, nil, nil, 0, herr
		}
		if ok {
			b = b[hintLines:]
			if hint != 0 {
				hintLines = 1
			}
		}
		if nl := bytes.IndexByte(b, '\n'); ok && (nl >= 0 || eof) {
			if nl < 0 {
				nl = len(b)
			}
			line := 1 + hintLines
			if len(b) == 0 {
				return 0, nil, nil, 0, &HeaderError{Line: line, Msg: "the file is empty: it needs a header naming the columns"}
			}
			if len(bytes.Trim(b[:nl], " \t\r")) == 0 {
				return 0, nil, nil, 0, &HeaderError{Line: line, Msg: fmt.Sprintf("line %d is blank: the first line must be the header naming the columns", line)}
			}
			sep = hint
			if sep == 0 {
				sep = detectSeparator(b[:nl])
			}
			fs, next, breaks, ended := splitRecordAt(b, 0, sep, nil, eof)
			if ended || eof {
				var herr *HeaderError
				if cols, herr = parseHeader(fs); herr != nil {
					herr.Line = line
					return 0, nil, nil, 0, herr
				}
				if ended {
					breaks++
				}
				return sep, cols, slices.Clone(b[next:]), hintLines + breaks, nil
			}
		}
		if len(buf) > maxHeaderSize {
			return 0, nil, nil, 0, &HeaderError{Line: 1, Msg: "the header does not end within 1 MiB: a quote is probably not closed"}
		}
		buf = slices.Grow(buf, 64<<10)
		n, rerr := src.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if rerr == io.EOF {
			eof = true
		} else if rerr != nil {
			return 0, nil, nil, 0, rerr
		}
	}
}

// utf16BOM returns the UTF-16 byte order mark b starts with, if any.
func utf16BOM(b []byte) ([]byte, bool) {
	if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		return b[:2], true
	}
	return nil, false
}

// cutSepHint looks for Excel's separator hint, a first line "sep=;" or
// "sep=,", at the start of b. It returns the separator it names (0 when
// there is no hint) and the length of the hint's line with its line
// break. ok is false when b is too short to tell and more input may come.
// A hint naming another separator is a *HeaderError.
func cutSepHint(b []byte, eof bool) (sep byte, n int, ok bool, err *HeaderError) {
	const prefix = "sep="
	k := min(len(b), len(prefix))
	switch {
	case !bytes.EqualFold(b[:k], []byte(prefix[:k])):
		return 0, 0, true, nil
	case k < len(prefix):
		return 0, 0, eof, nil
	}
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 && !eof {
		return 0, 0, false, nil
	}
	if nl < 0 {
		nl = len(b)
	}
	v := bytes.TrimRight(b[len(prefix):nl], " \t\r")
	if len(v) != 1 || v[0] != ';' && v[0] != ',' {
		return 0, 0, false, &HeaderError{Line: 1, Msg: fmt.Sprintf("the line %q asks for a separator other than \";\" or \",\": use one of those", shorten(b[:nl]))}
	}
	return v[0], min(nl+1, len(b)), true, nil
}

// Read appends the claims of the next block of the file to dst, one per
// non-blank line in file order, and returns the extended slice; a block
// of blank lines appends nothing. A line that does not decode is a Claim
// with Err set, never an error of Read. At the end of the file Read
// returns dst and io.EOF; it returns a read error of the underlying
// reader likewise, and returns that error from then on.
func (r *Reader) Read(dst []Claim) ([]Claim, error) {
	if r.err != nil {
		return dst, r.err
	}
	if r.order == nil {
		block, err := r.chunks.next(r.buf)
		if err != nil {
			r.err = err
			return dst, err
		}
		r.buf = block
		n := len(dst)
		var lines int
		dst, lines = r.parser.parse(dst, block, r.line, r.index)
		r.line += lines
		r.index += len(dst) - n
		return dst, nil
	}
	b := <-<-r.order
	if b.err != nil {
		r.err = b.err
		r.Close()
		return dst, b.err
	}
	n := len(dst)
	dst = append(dst, b.claims...)
	for i := n; i < len(dst); i++ {
		dst[i].Line += r.line
		dst[i].Index += r.index
		if dst[i].Err != nil {
			if e, ok := dst[i].Err.(*SpanError); ok {
				e.shift(r.line)
			}
		}
	}
	r.line += b.lines
	r.index += len(b.claims)
	select {
	case r.freeBatches <- b:
	default:
	}
	return dst, nil
}

// Close stops the goroutines of r and waits for them to end, which takes
// as long as a pending Read of the underlying reader. It does not close
// the underlying reader. Read returns an error after Close.
func (r *Reader) Close() error {
	if r.stop != nil {
		r.stopOnce.Do(func() { close(r.stop) })
		r.wg.Wait()
	}
	if r.err == nil {
		r.err = errClosed
	}
	return nil
}

// produce cuts the input into blocks for the workers, announcing each on
// r.order, until the end of the input, a read error or Close.
func (r *Reader) produce(chunks *chunker, jobs chan<- job) {
	defer r.wg.Done()
	defer close(jobs)
	for {
		var buf []byte
		select {
		case buf = <-r.freeBlocks:
		default:
		}
		block, err := chunks.next(buf)
		out := make(chan *batch, 1)
		if err != nil {
			out <- &batch{err: err}
		}
		select {
		case r.order <- out:
		case <-r.stop:
			return
		}
		if err != nil {
			return
		}
		select {
		case jobs <- job{block, out}:
		case <-r.stop:
			return
		}
	}
}

// work parses the blocks of jobs with p until jobs is closed.
func (r *Reader) work(p *parser, jobs <-chan job) {
	defer r.wg.Done()
	for j := range jobs {
		var b *batch
		select {
		case b = <-r.freeBatches:
		default:
			// Room for the lines of a block of short lines, rather than
			// growing by copies.
			b = &batch{claims: make([]Claim, 0, len(j.block)/80+1)}
		}
		b.claims, b.lines = p.parse(b.claims[:0], j.block, 0, 0)
		select {
		case r.freeBlocks <- j.block:
		default:
		}
		j.out <- b
	}
}

// ReadAll reads every claim of a claims file.
func ReadAll(src io.Reader) ([]Claim, error) {
	r, err := NewReader(src)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var claims []Claim
	for {
		if claims, err = r.Read(claims); err != nil {
			if err == io.EOF {
				err = nil
			}
			return claims, err
		}
	}
}
