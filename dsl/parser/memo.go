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

// shapeMemo holds the outcome of each shape parsed so far in one file. It
// is safe for concurrent use.
type shapeMemo struct {
	mu       sync.Mutex
	outcomes map[string]*outcome
}

func newShapeMemo() *shapeMemo { return &shapeMemo{outcomes: map[string]*outcome{}} }

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
	m.outcomes[string(key)] = out
	m.mu.Unlock()
	return out
}
