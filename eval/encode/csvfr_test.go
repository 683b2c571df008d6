package encode

import (
	"strings"
	"testing"
)

func TestFrenchCSV(t *testing.T) {
	in := "id,frais,regle,texte\nc1.5,-12.50,a.garantie:3,\"12.50, dit \"\"x\"\"\"\nc2,7,2026-01-02,1.\n"
	var b strings.Builder
	f := NewFrenchCSV(&b)
	// Written in pieces that cut fields and quotes.
	for _, part := range []string{in[:7], in[7:30], in[30:41], in[41:]} {
		if _, err := f.Write([]byte(part)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFid;frais;regle;texte\r\nc1.5;-12,50;a.garantie:3;\"12.50, dit \"\"x\"\"\"\r\nc2;7;2026-01-02;1.\r\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}
