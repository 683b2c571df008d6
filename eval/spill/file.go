package spill

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"os"
)

// file is a temporary file, unlinked at creation when the system allows
// it; otherwise its path is kept to remove it on close.
type file struct {
	f    *os.File
	path string // "" once unlinked
}

// createTemp creates a temporary file in dir and unlinks it.
func createTemp(dir string) (*file, error) {
	f, err := os.CreateTemp(dir, "garantie-spill-*")
	if err != nil {
		return nil, err
	}
	t := &file{f: f, path: f.Name()}
	if os.Remove(t.path) == nil {
		t.path = ""
	}
	return t, nil
}

func (t *file) close() error {
	err := t.f.Close()
	if t.path != "" {
		if rerr := os.Remove(t.path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			err = errors.Join(err, rerr)
		}
		t.path = ""
	}
	return err
}

// Log is an append-only sequence of records in a temporary file, read
// back once in the order they were written.
type Log struct {
	f       *file
	w       *bufio.Writer
	r       *bufio.Reader
	rec     []byte
	err     error
	reading bool
}

// NewLog creates a Log in dir ("" for os.TempDir()).
func NewLog(dir string) (*Log, error) {
	f, err := createTemp(dir)
	if err != nil {
		return nil, err
	}
	return &Log{f: f, w: bufio.NewWriterSize(f.f, 1<<16)}, nil
}

// Append writes a record.
func (l *Log) Append(rec []byte) error {
	if l.reading {
		return errors.New("spill: Append after Rewind")
	}
	var hdr [binary.MaxVarintLen32]byte
	l.w.Write(hdr[:binary.PutUvarint(hdr[:], uint64(len(rec)))])
	_, err := l.w.Write(rec)
	return err
}

// Rewind ends the writing and goes back to the first record.
func (l *Log) Rewind() error {
	if err := l.w.Flush(); err != nil {
		return err
	}
	if _, err := l.f.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	l.reading = true
	l.r = bufio.NewReaderSize(l.f.f, 1<<16)
	return nil
}

// Next reads the next record, valid until the next call; it returns
// false at the end or on an error (see Err).
func (l *Log) Next() ([]byte, bool) {
	if l.err != nil {
		return nil, false
	}
	n, err := binary.ReadUvarint(l.r)
	if err != nil {
		if !errors.Is(err, io.EOF) {
			l.err = err
		}
		return nil, false
	}
	if uint64(cap(l.rec)) < n {
		l.rec = make([]byte, n, 2*n)
	}
	l.rec = l.rec[:n]
	if _, err := io.ReadFull(l.r, l.rec); err != nil {
		l.err = unexpected(err)
		return nil, false
	}
	return l.rec, true
}

// Err returns the error that stopped Next, if any.
func (l *Log) Err() error { return l.err }

// Close removes the file.
func (l *Log) Close() error {
	if l.f == nil {
		return nil
	}
	err := l.f.close()
	l.f = nil
	return err
}
