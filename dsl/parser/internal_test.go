package parser

import (
	"errors"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/google/go-cmp/cmp"

	"garantie/dsl/diag"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Séances": "seances", "ANNÉE": "annee", "Réels": "reels", "CŒUR": "coeur",
		"Ægide": "aegide", "Âge": "age", "garçon": "garcon", "où": "ou", "EUR": "eur",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParticipleLexer checks the lexer.Definition participle builds the
// grammar with: comments are elided, keywords carry their normalised
// text, and lexical errors come back as diagnostics.
func TestParticipleLexer(t *testing.T) {
	toks, err := declParser.Lex("f", strings.NewReader("Forfait 12,5€ # c\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range toks {
		got = append(got, tok.Value)
	}
	if diff := cmp.Diff([]string{"forfait", "12,5", "€", "# c", "\n", ""}, got); diff != "" {
		t.Errorf("token values (-want +got):\n%s", diff)
	}
	if got, want := toks[2].Pos, (lexer.Position{Filename: "f", Offset: 12, Line: 1, Column: 13}); got != want {
		t.Errorf("position of € = %v, want %v", got, want)
	}
	_, err = declParser.Lex("f", strings.NewReader("x: 1$"))
	var ds diag.Diagnostics
	if !errors.As(err, &ds) || ds[0].Code != CodeBadCharacter {
		t.Errorf("got error %v, want a %s diagnostic", err, CodeBadCharacter)
	}
}
