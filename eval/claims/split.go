package claims

import (
	"bufio"
	"bytes"
	"io"
	"slices"
)

// quoteProblem is what is wrong with the quoting of a field.
type quoteProblem uint8

const (
	quoteOK quoteProblem = iota
	quoteBare
	quoteTrailing
	quoteUnterminated
)

func (p quoteProblem) String() string {
	switch p {
	case quoteBare:
		return `quote inside an unquoted field (quote the whole field and double the quote: "a""b")`
	case quoteTrailing:
		return "text after the closing quote of a quoted field"
	case quoteUnterminated:
		return "quoted field without its closing quote"
	}
	return "ok"
}

// field is one field of a record, as cut by splitRecord.
type field struct {
	val     []byte // the bytes inside the quotes, or the unquoted bytes without surrounding spaces
	escaped bool   // val holds "" pairs, each standing for one quote
	problem quoteProblem
	quote   int // offset of the opening quote of a quoted field in the block
}

// maxQuoted bounds how far a quoted field may run from the start of its
// record: a quote with no closing quote within it, or before the end of
// the input, is unterminated, and its field ends with its line. This
// keeps a stray quote from swallowing the rest of the file (and holding
// it in memory): the lines after the bad one are read normally.
const maxQuoted = 1 << 20

// maxRecord is the longest a claims line may be, its line break
// included; a longer one is a bad line, whatever its values.
const maxRecord = 64 << 10

// isSpace reports whether c is trimmed around fields: space, tab, and the
// carriage return of a CRLF line end.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// stopComma and stopSemicolon mark the bytes that stop the scan of an
// unquoted field, with each separator.
var stopComma, stopSemicolon = stopTable(','), stopTable(';')

func stopTable(sep byte) (t [256]bool) {
	t[sep], t['\n'], t['"'] = true, true, true
	return t
}

// splitRecord cuts the record that starts at b[i] into fields, appended to
// fs. A field that starts with a double quote, after spaces, is quoted: it
// runs to the next quote not doubled and may contain the separator and
// line breaks. splitRecord returns the fields, the offset just after the
// record, the number of line breaks inside quoted fields, and whether the
// record ended with a line break (rather than with the end of b).
//
// splitRecord alone defines where records end: the chunker and the parser
// both use it, so blocks are always cut between records.
//
// A quote that is not closed within maxQuoted bytes of the record's start
// makes the field run to the end of its line, flagged quoteUnterminated.
// When b ends before that limit with the quote still open, splitRecord
// returns ended false (the record may go on in more input).
func splitRecord(b []byte, i int, sep byte, fs []field) (_ []field, next, breaks int, ended bool) {
	return splitRecordAt(b, i, sep, fs, false)
}

// splitRecordAt is splitRecord; when final, b is the whole rest of the
// input, so an open quote at its end is unterminated.
func splitRecordAt(b []byte, i int, sep byte, fs []field, final bool) (_ []field, next, breaks int, ended bool) {
	limit := i + maxQuoted
	stop := &stopComma
	if sep == ';' {
		stop = &stopSemicolon
	}
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		var f field
		if i < len(b) && b[i] == '"' {
			f.quote = i
			i++
			start := i
			for {
				j := bytes.IndexByte(b[i:min(len(b), limit)], '"')
				if j < 0 {
					if !final && len(b) < limit {
						return append(fs, field{val: b[start:], problem: quoteUnterminated, quote: f.quote}), len(b), breaks, false
					}
					// No closing quote: the field ends with its line.
					end := len(b)
					if nl := bytes.IndexByte(b[start:], '\n'); nl >= 0 {
						end = start + nl
					}
					f.val, f.problem = bytes.TrimRight(b[start:end], "\r"), quoteUnterminated
					fs = append(fs, f)
					if end == len(b) {
						return fs, end, breaks, false
					}
					return fs, end + 1, breaks, true
				}
				i += j + 1
				if i < len(b) && b[i] == '"' {
					f.escaped = true
					i++
					continue
				}
				break
			}
			f.val = b[start : i-1]
			breaks += bytes.Count(f.val, []byte{'\n'})
			for ; i < len(b) && b[i] != sep && b[i] != '\n'; i++ {
				if !isSpace(b[i]) {
					f.problem = quoteTrailing
				}
			}
		} else {
			start := i
			for {
				for i < len(b) && !stop[b[i]] {
					i++
				}
				if i == len(b) || b[i] != '"' {
					break
				}
				f.problem = quoteBare
				i++
			}
			end := i
			for end > start && isSpace(b[end-1]) {
				end--
			}
			f.val = b[start:end]
		}
		fs = append(fs, f)
		if i == len(b) {
			return fs, i, breaks, false
		}
		if b[i] == '\n' {
			return fs, i + 1, breaks, true
		}
		i++
	}
}

// unescape appends v to dst with each "" pair turned into one quote.
func unescape(dst, v []byte) []byte {
	for {
		j := bytes.Index(v, []byte(`""`))
		if j < 0 {
			return append(dst, v...)
		}
		dst = append(dst, v[:j+1]...)
		v = v[j+2:]
	}
}

// chunker cuts its input into blocks of whole records, of about size
// bytes each (more when one record is longer).
type chunker struct {
	src   io.Reader
	sep   byte
	size  int
	carry []byte // bytes read past the previous cut: the start of a record
	eof   bool
	err   error // a read error met before the bytes of carry were cut
	fs    []field
}

// next returns the next block, in buf's storage: whole records, at least
// one, or the rest of the input at its end. It returns io.EOF when the
// input is exhausted, and a read error as soon as it happens.
func (c *chunker) next(buf []byte) ([]byte, error) {
	buf = append(buf[:0], c.carry...)
	c.carry = c.carry[:0]
	want := max(c.size, len(buf))
	for {
		buf = slices.Grow(buf, want-len(buf))
		for len(buf) < want && !c.eof {
			if c.err != nil {
				return nil, c.err
			}
			n, err := c.src.Read(buf[len(buf):want])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				c.eof = true
			} else if err != nil {
				return nil, err
			}
		}
		if c.eof {
			if len(buf) == 0 {
				return nil, io.EOF
			}
			return buf, nil
		}
		if cut := c.cut(buf); cut > 0 {
			c.carry = append(c.carry, buf[cut:]...)
			return buf[:cut], nil
		}
		want = 2 * len(buf)
	}
}

// cut returns the offset just after the last complete record of b, 0 if
// there is none.
func (c *chunker) cut(b []byte) int {
	if bytes.IndexByte(b, '"') < 0 {
		return bytes.LastIndexByte(b, '\n') + 1
	}
	last := 0
	for last < len(b) {
		var next int
		var ended bool
		c.fs, next, _, ended = splitRecord(b, last, c.sep, c.fs[:0])
		if !ended {
			break
		}
		last = next
	}
	return last
}

// eachLine calls fn with each line of r, without its line break, however
// long: a line longer than the buffer is passed cut to the buffer's size
// (enough to find a date near its start), never as an error. It returns
// the first read error other than io.EOF.
func eachLine(r io.Reader, fn func(line []byte)) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			fn(line)
			// Skip the rest of the long line.
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			continue
		}
		if n := len(line); n > 0 {
			if line[n-1] == '\n' {
				line = line[:n-1]
			}
			fn(line)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
