package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progressDelay is how long a run goes before the progress line shows.
const progressDelay = 3 * time.Second

// progress shows, on a terminal's stderr, a line with how far the reading
// of a claims file has gone: lines read, lines per second and the
// estimated end of the reading from the file's size. It shows nothing
// during the first seconds, nor when stderr is not a terminal.
type progress struct {
	w      io.Writer
	size   int64 // of the file, 0 when unknown
	start  time.Time
	bytes  atomic.Int64
	lines  atomic.Int64
	stop   chan struct{}
	done   sync.WaitGroup
	shown  bool
	prefix string
}

// startProgress returns a progress that shows on stderr, or nil when
// stderr is not a terminal.
func startProgress(cmd string, stderr io.Writer, size int64) *progress {
	if !isTerminal(stderr) {
		return nil
	}
	p := &progress{w: stderr, size: size, start: time.Now(), stop: make(chan struct{}), prefix: "garantie " + cmd + ": "}
	p.done.Go(p.run)
	return p
}

// isTerminal reports whether w is a character device, as a terminal is.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (p *progress) run() {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	var readTime time.Duration // when the whole file had been read
	for {
		select {
		case <-p.stop:
			if p.shown {
				fmt.Fprint(p.w, "\r\033[K")
			}
			return
		case now := <-tick.C:
			elapsed := now.Sub(p.start)
			read := p.bytes.Load()
			if p.size > 0 && read >= p.size && readTime == 0 {
				readTime = elapsed
			}
			if elapsed >= progressDelay {
				fmt.Fprint(p.w, "\r\033[K"+p.prefix+formatProgress(p.lines.Load(), read, p.size, elapsed, readTime))
				p.shown = true
			}
		}
	}
}

// Stop clears the progress line. It may be called on a nil progress.
func (p *progress) Stop() {
	if p == nil {
		return
	}
	close(p.stop)
	p.done.Wait()
}

// reader returns r counting the bytes and lines read through it into p;
// on a nil progress it returns r.
func (p *progress) reader(r io.Reader) io.Reader {
	if p == nil {
		return r
	}
	return &countingReader{r: r, p: p}
}

type countingReader struct {
	r io.Reader
	p *progress
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.bytes.Add(int64(n))
	c.p.lines.Add(int64(bytes.Count(b[:n], []byte{'\n'})))
	return n, err
}

// formatProgress formats the progress line: lines read, their rate, and
// when the size of the file is known, the share read and the time left
// at the rate so far. Once the file is read (at readTime, 0 before), an
// unsorted file is still being sorted and evaluated: the line says so.
func formatProgress(lines, read, size int64, elapsed, readTime time.Duration) string {
	if readTime > 0 {
		rate := float64(lines) / max(readTime.Seconds(), 1e-3)
		return fmt.Sprintf("%s lines read in %s (%s lines/s); evaluating, %s so far", groupThousands(lines), readTime.Round(time.Second), groupThousands(int64(rate)), elapsed.Round(time.Second))
	}
	rate := float64(lines) / max(elapsed.Seconds(), 1e-3)
	s := fmt.Sprintf("%s lines read, %s lines/s", groupThousands(lines), groupThousands(int64(rate)))
	if size > 0 && read > 0 {
		left := time.Duration(float64(elapsed) * float64(size-read) / float64(read)).Round(time.Second)
		s += fmt.Sprintf(", %d%% of the file, about %s left", 100*read/size, left)
	}
	return s
}

// groupThousands writes n with commas between groups of three digits.
func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
