package claims

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// awkwardClaims returns a claims file meant to be cut badly: quoted
// fields with separators, doubled quotes and line breaks, CRLF and bare
// LF, blank lines, bad lines and a last line without a line break.
func awkwardClaims(n int) string {
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("\uFEFFid,assure,famille,date,poste,frais,base,taux,naissance,parcours\r\n")
	for i := range n {
		eol := []string{"\n", "\r\n"}[rng.IntN(2)]
		switch rng.IntN(12) {
		case 0:
			b.WriteString(eol)
		case 1:
			b.WriteString("  \t" + eol)
		case 2:
			fmt.Fprintf(&b, "\"L%d\nsuite\",A%d,,2026-01-%02d,dentaire.soins,1,1,,,oui%s", i, i%7, 1+i%28, eol)
		case 3:
			fmt.Fprintf(&b, "L%d,\"A\"\"%d\",F%d,2026-01-%02d,\"dentaire,soins\",\"12,5\",\" 10 \",70,,%s", i, i%7, i%3, 1+i%28, eol)
		case 4:
			fmt.Fprintf(&b, "L%d,A%d,,2026-02-30,dentaire.soins,1,1,,,%s", i, i%7, eol)
		case 5:
			fmt.Fprintf(&b, "L%d,A%d,,2026-02-03,dentaire.soins,1,1%s", i, i%7, eol)
		default:
			fmt.Fprintf(&b, "L%d, A%d ,F%d,2026-%02d-%02d,optique.monture,%d.%02d,%d,60,1990-04-01,non%s",
				i, i%7, i%3, 1+i%12, 1+i%28, rng.IntN(500), rng.IntN(100), rng.IntN(100), eol)
		}
	}
	b.WriteString("Llast,A1,,2026-03-02,dentaire.soins,3,3,,,")
	return b.String()
}

func TestReadClaimsChunking(t *testing.T) {
	src := awkwardClaims(3000)
	want, err := readClaims(t, src, Options{Workers: 1, BlockSize: len(src) + 1})
	if err != nil {
		t.Fatal(err)
	}
	if nonBlank := countNonBlankRecords(t, src); len(want) != nonBlank {
		t.Fatalf("%d claims for %d non-blank records", len(want), nonBlank)
	}
	for _, o := range []Options{
		{Workers: 1, BlockSize: 1}, {Workers: 1, BlockSize: 7}, {Workers: 1, BlockSize: 100},
		{Workers: 2, BlockSize: 1}, {Workers: 3, BlockSize: 13}, {Workers: 4, BlockSize: 4096},
		{},
	} {
		got, err := readClaims(t, src, o)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, cmpErrors); diff != "" {
			t.Errorf("%+v: claims differ from one block (-want +got):\n%s", o, diff)
		}
	}
}

// countNonBlankRecords counts the records of a file without the header,
// with the independent splitter of the fuzz test.
func countNonBlankRecords(t *testing.T, src string) int {
	lines, ok := referenceRecordLines([]byte(src))
	if !ok {
		t.Fatal("reference splitter found no header")
	}
	return len(lines)
}

func TestReadClaimsLinesInRecordsOut(t *testing.T) {
	src := generateClaims(5000, 3)
	lines := strings.Count(string(src), "\n") - 1
	got, err := readClaims(t, string(src), Options{BlockSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != lines {
		t.Fatalf("%d claims for %d lines", len(got), lines)
	}
	for i, c := range got {
		if c.Err != nil || c.Index != i || c.Line != i+2 {
			t.Fatalf("claim %d: Line %d, Index %d, Err %v", i, c.Line, c.Index, c.Err)
		}
	}
}

func TestReadClaimsSample(t *testing.T) {
	src, err := os.ReadFile("testdata/claims/sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadAll(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 20 {
		t.Fatalf("%d claims, want 20", len(got))
	}
	for _, c := range got {
		if c.Err != nil {
			t.Errorf("line %d: %v", c.Line, c.Err)
		}
	}
}

// failingReader returns its data, then err.
type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadClaimsReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, workers := range []int{1, 2} {
		src := &failingReader{data: generateClaims(100, 1), err: boom}
		r, err := NewReaderOptions(src, Options{Workers: workers, BlockSize: 512})
		if err != nil {
			t.Fatal(err)
		}
		var claims []Claim
		for err == nil {
			claims, err = r.Read(claims)
		}
		if err != boom {
			t.Errorf("workers %d: Read error %v, want %v", workers, err, boom)
		}
		if _, again := r.Read(nil); again != boom {
			t.Errorf("workers %d: Read after the error returned %v", workers, again)
		}
		r.Close()
	}
}

func TestReadClaimsCloseEarly(t *testing.T) {
	before := runtime.NumGoroutine()
	src := generateClaims(20000, 2)
	r, err := NewReaderOptions(bytes.NewReader(src), Options{Workers: 4, BlockSize: 4096})
	if err != nil {
		t.Fatal(err)
	}
	claims, err := r.Read(nil)
	if err != nil || len(claims) == 0 {
		t.Fatalf("first Read: %d claims, error %v", len(claims), err)
	}
	r.Close()
	if _, err := r.Read(nil); err == nil || err == io.EOF {
		t.Errorf("Read after Close returned %v", err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Close, %d before the reader", n, before)
	}
}
