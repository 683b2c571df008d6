package parser

import (
	"io"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar of one declaration, in participle's struct-tag notation.
// Literals match the normalised text of a token, so "seance" matches
// "Séance" and "SEANCES" does not. Captures are whole tokens: the parser
// maps them back to the scanned tokens to build the syntax tree with
// exact ranges. The grammar is deliberately permissive (any word may be a
// unit, a base, a period or a condition); the checker gives meaning to
// words and reports misuse.
//
// The grammar must look at a token only through its type and through
// literals, as it does now: Parse reuses the outcome of one declaration
// for every other of the same shape (see memo.go). Where the alternatives
// of a disjunction start with different tokens, the most frequent comes
// first: participle tries them in order, and a failed try costs
// allocations even when it consumes nothing.

// declG is one declaration: a header line or a rule.
type declG struct {
	Contrat     *stringDeclG `parser:"  @@"`
	Effet       *effetG      `parser:"| @@"`
	Responsable *lexer.Token `parser:"| @'responsable'"`
	Mode        *modeG       `parser:"| @@"`
	Poste       *posteDeclG  `parser:"| @@"`
	Enveloppe   *enveloppeG  `parser:"| @@"`
	Rule        *ruleG       `parser:"| @@"`
}

// stringDeclG is contrat "NAME" or organisme "NAME".
type stringDeclG struct {
	Keyword lexer.Token `parser:"@('contrat' | 'organisme')"`
	Name    lexer.Token `parser:"@String"`
}

type effetG struct {
	Keyword lexer.Token `parser:"@'effet'"`
	Date    lexer.Token `parser:"@Date"`
}

type modeG struct {
	Keyword lexer.Token `parser:"@'mode'"`
	Value   lexer.Token `parser:"@Ident"`
}

type posteDeclG struct {
	Keyword lexer.Token   `parser:"@'poste'"`
	Code    pathG         `parser:"@@"`
	Label   lexer.Token   `parser:"@String"`
	SansRO  []lexer.Token `parser:"@('sans' 'ro')?"`
}

// enveloppeG is "enveloppe NAME forfait …": a named lump sum.
type enveloppeG struct {
	Keyword lexer.Token `parser:"@'enveloppe'"`
	Name    lexer.Token `parser:"@Ident"`
	Forfait forfaitG    `parser:"@@"`
}

type pathG struct {
	Parts []lexer.Token `parser:"@(Ident ( '.' Ident )*)"` // segments and dots
}

type ruleG struct {
	Poste      pathG       `parser:"@@"`
	Conditions []*condG    `parser:"( 'si' @@ ( 'et' @@ )* )?"`
	Colon      lexer.Token `parser:"@':'"`
	Garantie   garantieG   `parser:"@@"`
}

// condG is one condition, possibly negated.
type condG struct {
	Not     *lexer.Token `parser:"@'non'?"`
	Compare *compareG    `parser:"( @@"`
	Secteur *secteurG    `parser:"| @@"`
	Sejour  *sejourG     `parser:"| @@"`
	Hors    *horsG       `parser:"| @@"`
	Verres  *verresG     `parser:"| @@"`
	Word    *lexer.Token `parser:"| @Ident )"`
}

type compareG struct {
	Subject lexer.Token `parser:"@('age' | 'anciennete')"`
	Op      lexer.Token `parser:"@Op"`
	Value   quantityG   `parser:"@@"`
}

type secteurG struct {
	Subject lexer.Token `parser:"@'secteur'"`
	Value   quantityG   `parser:"@@"`
}

// sejourG is "sejour TYPE": the type of a hospital stay.
type sejourG struct {
	Subject lexer.Token `parser:"@'sejour'"`
	Object  lexer.Token `parser:"@Ident"`
}

type horsG struct {
	Subject lexer.Token `parser:"@'hors'"`
	Object  lexer.Token `parser:"@'parcours'"`
}

// verresG is "verres simples", "verres complexes" or "verres tres
// complexes"; the checker reads the words.
type verresG struct {
	Subject lexer.Token  `parser:"@('verres' | 'verre')"`
	Object  lexer.Token  `parser:"@Ident"`
	Object2 *lexer.Token `parser:"@Ident?"`
}

// garantieG is terms with optional limits, limits, or "non couvert".
//
// "RO inclus" (the ROInclus fields, "ro" and "inclus" when present) is
// accepted after every term and limit, so that the checker can explain
// where it belongs.
type garantieG struct {
	Terms      []*termG      `parser:"( @@ ( '+' @@ )*"`
	TermLimits []*limitG     `parser:"  ( ',' @@ )*"`
	Limits     []*limitG     `parser:"| @@ ( ',' @@ )*"`
	NonCouvert []lexer.Token `parser:"| @('non' 'couvert') )"`
}

type termG struct {
	Value      *valueTermG  `parser:"  @@"`
	Forfait    *forfaitG    `parser:"| @@"`
	FraisReels *fraisReelsG `parser:"| @@"`
}

type fraisReelsG struct {
	Frais    lexer.Token   `parser:"@'frais'"`
	Reels    lexer.Token   `parser:"@'reels'"`
	ROInclus []lexer.Token `parser:"@('ro' 'inclus')?"`
}

// forfaitG is "forfait X€ …" or "forfait NAME" (an enveloppe); the
// checker rejects what the named form may not carry.
type forfaitG struct {
	Keyword    lexer.Token   `parser:"@'forfait'"`
	Value      *quantityG    `parser:"( @@"`
	Name       *lexer.Token  `parser:"| @Ident )"`
	Raises     []*raiseG     `parser:"@@*"`
	Per        *perG         `parser:"@@?"`
	ParFamille *parG         `parser:"@@?"`
	ROInclus   []lexer.Token `parser:"@('ro' 'inclus')?"`
}

type valueTermG struct {
	Value    quantityG     `parser:"@@"`
	Per      *perG         `parser:"@@?"`
	ROInclus []lexer.Token `parser:"@('ro' 'inclus')?"`
}

// raiseG is "porte a X€ si CONDITION {et CONDITION}" ("porté à").
type raiseG struct {
	Keyword    lexer.Token `parser:"@'porte' 'a'"`
	Value      quantityG   `parser:"@@"`
	Conditions []*condG    `parser:"'si' @@ ( 'et' @@ )*"`
}

type limitG struct {
	Max     *maxG     `parser:"  @@"`
	Plafond *plafondG `parser:"| @@"`
	Carence *carenceG `parser:"| @@"`
	Limite  *limiteG  `parser:"| @@"`
}

// limiteG is "limite FORMULE pendant N mois".
type limiteG struct {
	Keyword  lexer.Token `parser:"@'limite'"`
	Terms    []*termG    `parser:"@@ ( '+' @@ )*"`
	Pendant  lexer.Token `parser:"@'pendant'"`
	Duration quantityG   `parser:"@@"`
}

// auDelaG is "au-dela FORMULE", at the end of a plafond.
type auDelaG struct {
	Keyword lexer.Token `parser:"@'au-dela'"`
	Terms   []*termG    `parser:"@@ ( '+' @@ )*"`
}

type maxG struct {
	Keyword  lexer.Token   `parser:"@'max'"`
	Value    quantityG     `parser:"@@"`
	Per      *perG         `parser:"@@?"`
	ROInclus []lexer.Token `parser:"@('ro' 'inclus')?"`
}

type plafondG struct {
	Keyword    lexer.Token   `parser:"@'plafond'"`
	Value      quantityG     `parser:"@@"`
	Raises     []*raiseG     `parser:"@@*"`
	Per        *perG         `parser:"@@?"`
	ParFamille *parG         `parser:"@@?"`
	ROInclus   []lexer.Token `parser:"@('ro' 'inclus')?"`
	AuDela     *auDelaG      `parser:"@@?"`
}

type carenceG struct {
	Keyword  lexer.Token   `parser:"@'carence'"`
	Value    quantityG     `parser:"@@"`
	ROInclus []lexer.Token `parser:"@('ro' 'inclus')?"`
}

type quantityG struct {
	Number lexer.Token  `parser:"@Number"`
	Symbol *lexer.Token `parser:"@('%' | '€' | 'eur')?"`
	Word   *lexer.Token `parser:"@Ident?"`
}

type perG struct {
	Slash lexer.Token   `parser:"@'/'"`
	Count *lexer.Token  `parser:"@Number?"`
	Words []lexer.Token `parser:"@(Ident+)"`
}

type parG struct {
	Par     lexer.Token `parser:"@'par'"`
	Famille lexer.Token `parser:"@'famille'"`
}

// declParser parses one declaration from the tokens of its line segment.
// With no lookahead, a branch that has consumed a token is committed to,
// like a hand-written recursive descent parser: an error is reported at
// the first token that does not fit, never at a point of backtracking.
// The grammar is LL(1) for this to work; its one cost is that the header
// keywords (contrat, organisme, effet, responsable, mode, poste) cannot
// start a rule.
var declParser = participle.MustBuild[declG](
	participle.Lexer(definition{}),
	participle.Elide(Comment.String()),
	participle.UseLookahead(0),
)

// definition makes Scan a participle lexer. Token types are the negated
// kinds shifted past lexer.EOF; the value of a token is its normalised
// text.
type definition struct{}

func tokenType(k Kind) lexer.TokenType { return lexer.TokenType(-1 - int(k)) }

// Symbols returns the token types by name, as participle requires.
func (definition) Symbols() map[string]lexer.TokenType {
	syms := map[string]lexer.TokenType{"EOF": lexer.EOF}
	for k := Ident; k <= Comment; k++ {
		syms[k.String()] = tokenType(k)
	}
	return syms
}

// Lex scans a whole source. Lexical errors are returned as Diagnostics.
func (definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	toks, ds := Scan(filename, src)
	if ds.HasErrors() {
		return nil, ds
	}
	return newTokenLexer(filename, toks, toPosition(endPos(src))), nil
}

// tokenLexer replays scanned tokens to participle, then an EOF token.
type tokenLexer struct {
	filename string
	toks     []Token
	eof      lexer.Token
}

func newTokenLexer(filename string, toks []Token, end lexer.Position) *tokenLexer {
	end.Filename = filename
	return &tokenLexer{filename: filename, toks: toks, eof: lexer.EOFToken(end)}
}

// Next returns the next token, or EOF once all are consumed.
func (l *tokenLexer) Next() (lexer.Token, error) {
	if len(l.toks) == 0 {
		return l.eof, nil
	}
	t := l.toks[0]
	l.toks = l.toks[1:]
	return lexer.Token{
		Type:  tokenType(t.Kind),
		Value: t.Norm,
		Pos:   lexer.Position{Filename: l.filename, Offset: t.Range.Start.Offset, Line: t.Range.Start.Line, Column: t.Range.Start.Col},
	}, nil
}
