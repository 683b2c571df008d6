package gen

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func opts(n int) Options {
	return Options{Claims: n, Beneficiaries: 50, Seed: 7,
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, opts(500)); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, opts(500)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same options produced different files")
	}
	o := opts(500)
	o.Seed = 8
	var c bytes.Buffer
	Write(&c, o)
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("different seeds produced the same file")
	}
}

func TestShape(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, opts(2000)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if lines[0] != Header {
		t.Fatalf("header %q", lines[0])
	}
	if len(lines) != 2001 {
		t.Fatalf("got %d lines, want 2001", len(lines))
	}
	cols := len(strings.Split(Header, ","))
	prev := ""
	postes := map[string]bool{}
	for i, l := range lines[1:] {
		f := strings.Split(l, ",")
		if len(f) != cols {
			t.Fatalf("line %d has %d fields: %q", i+2, len(f), l)
		}
		if f[3] < prev {
			t.Fatalf("line %d: date %s before %s: the file must be sorted by date", i+2, f[3], prev)
		}
		prev = f[3]
		postes[f[4]] = true
	}
	if len(postes) < 15 {
		t.Errorf("only %d postes in 2000 claims; the mix should be varied", len(postes))
	}
}
