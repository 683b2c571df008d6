package parser

import (
	"strings"
	"unicode/utf8"

	"garantie/dsl/diag"
)

// Kind is the lexical class of a token.
type Kind int

// The token kinds. Comment, Newline and Semicolon tokens appear in the
// stream returned by Scan but never reach the grammar: the parser splits
// declarations at Newline and Semicolon and collects comments apart.
const (
	Ident     Kind = iota + 1 // a word: optique, Séances, EUR
	Keyword                   // a reserved word: si, et, par, ro, forfait, max, plafond, carence
	String                    // "Équilibre 2026"
	Number                    // 250, 12.5, 12,5
	Date                      // 2026-01-01
	Op                        // <, <=, >, >=
	Colon                     // :
	Comma                     // ,
	Plus                      // +
	Slash                     // /
	Dot                       // .
	Percent                   // %
	Euro                      // €
	Semicolon                 // ;
	Newline                   // end of line
	Comment                   // # to the end of the line
)

var kindNames = [...]string{
	Ident: "Ident", Keyword: "Keyword", String: "String", Number: "Number",
	Date: "Date", Op: "Op", Colon: "Colon", Comma: "Comma", Plus: "Plus",
	Slash: "Slash", Dot: "Dot", Percent: "Percent", Euro: "Euro",
	Semicolon: "Semicolon", Newline: "Newline", Comment: "Comment",
}

func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Invalid"
}

// Token is one lexical token.
type Token struct {
	Kind  Kind
	Range diag.Range
	Raw   string // the text as written
	// Norm is the text the grammar matches: for Ident and Keyword the
	// normalised word (lower case, accents removed), for other kinds Raw.
	Norm string
}

// reserved lists the words lexed as Keyword rather than Ident. They may
// follow a quantity or a period ("age < 16 et enfant", "/ an par famille",
// "/ 24 mois glissants RO inclus", or "40€ max 4 seances" with its ','
// forgotten), so they must not be read as its unit word; they cannot name
// a poste either.
var reserved = map[string]bool{
	"si": true, "et": true, "par": true, "ro": true,
	"forfait": true, "max": true, "plafond": true, "carence": true,
	// They follow an amount or a per clause: "forfait 60€ porte a 90€ si
	// …", "plafond 1400€ / an au-dela 100% BRSS", "limite 50€ pendant 3
	// mois".
	"porte": true, "au-dela": true, "pendant": true,
}

// accents maps the accented lower-case letters of French to their plain
// spelling.
var accents = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i",
	'ô': "o", 'ö': "o", 'ó': "o",
	'ù': "u", 'û': "u", 'ü': "u", 'ú': "u",
	'ÿ': "y", 'ç': "c", 'œ': "oe", 'æ': "ae",
}

// Normalize returns the form under which keywords and poste codes are
// compared: lower case with the accents of French removed, so "Séances"
// and "seances" are the same word.
func Normalize(word string) string {
	ascii := true
	for i := range len(word) {
		if word[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(word) // returns word itself when already lower case
	}
	lower := strings.ToLower(word)
	var b strings.Builder
	b.Grow(len(lower))
	for _, r := range lower {
		if s, ok := accents[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
