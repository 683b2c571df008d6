package parser

import (
	"regexp"
	"strconv"
	"sync"

	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar looks at a token only through its type and through
// comparisons of its value with the grammar's literals. Two declarations
// whose tokens agree on types, and on values wherever a value is one of
// the literals, therefore parse alike: the same captures at the same token
// indexes, or a syntax error at the same index. Contracts repeat a few
// such shapes over many lines ("poste.code si cond: N% BRSS"), so Parse
// runs participle once per shape and reuses the outcome, mapping captured
// tokens by index (see builder).

// literals holds every literal of the grammar, read from its EBNF.
var literals = func() map[string]bool {
	lits := map[string]bool{}
	for _, m := range regexp.MustCompile(`"(?:[^"\\]|\\.)*"`).FindAllString(declParser.String(), -1) {
		s, err := strconv.Unquote(m)
		if err != nil {
			panic("parser: bad literal in grammar: " + m)
		}
		lits[s] = true
	}
	return lits
}()

// shapeOf appends the shape of the declaration code to key: the kind of
// each token, and its normalised text when that is a literal.
func shapeOf(key []byte, code []Token) []byte {
	for _, t := range code {
		key = append(key, byte(t.Kind))
		if literals[t.Norm] {
			key = append(key, t.Norm...)
		}
		key = append(key, 0)
	}
	return key
}

// outcome is what participle made of a declaration.
type outcome struct {
	code  []Token // the declaration parsed
	g     *declG  // its captures, nil on a syntax error
	errAt int     // on a syntax error, the index in code of the unexpected token
}

// shapeMemo holds the outcome of each shape parsed so far. It is safe for
// concurrent use. An outcome serves any declaration of its shape, in any
// file: the builder maps captured tokens by index.
type shapeMemo struct {
	mu       sync.Mutex
	outcomes map[string]*outcome
	limit    int // the most outcomes it holds
}

// sharedShapes is the memo of every Parse of the process: the files of a
// `garantie check` of a whole folder, or the successive versions of a file
// in the language server, repeat the same few shapes, which participle
// then parses once for all of them. It holds at most maxShapes outcomes
// (each keeps the tokens of one declaration): a hostile file of distinct
// shapes empties it rather than growing it.
var sharedShapes = newShapeMemo()

// maxShapes bounds a memo.
const maxShapes = 4096

func newShapeMemo() *shapeMemo { return &shapeMemo{outcomes: map[string]*outcome{}, limit: maxShapes} }

// parse returns the outcome of a declaration of the shape of code,
// running participle on code when the shape is new.
func (m *shapeMemo) parse(name string, code []Token) *outcome {
	var buf [256]byte
	key := shapeOf(buf[:0], code)
	m.mu.Lock()
	out, ok := m.outcomes[string(key)]
	m.mu.Unlock()
	if ok {
		return out
	}
	out = &outcome{code: code}
	// Upgrade only fails when the lexer does, and tokenLexer never fails.
	lx, _ := lexer.Upgrade(newTokenLexer(name, code, toPosition(code[len(code)-1].Range.End)))
	g, err := declParser.ParseFromLexer(lx)
	if err != nil {
		out.errAt = errorIndex(code, err)
	} else {
		out.g = g
	}
	m.mu.Lock()
	if len(m.outcomes) >= m.limit {
		clear(m.outcomes)
	}
	m.outcomes[string(key)] = out
	m.mu.Unlock()
	return out
}
