package claims

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"garantie/regles"
)

// HeaderError reports a claims file whose header is unusable (LANGUAGE.md
// §4): an empty file, an unknown, duplicate or unnamed column, or a missing
// required column. Nothing of such a file is evaluated.
type HeaderError struct {
	Line int    // line of the header, 1
	Msg  string // every problem found, separated by "; "
}

func (e *HeaderError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// column is a column of the claims file.
type column uint8

const (
	colID column = iota
	colAssure
	colDate
	colPoste
	colFrais
	colBase
	colTaux
	colRO
	colPF
	colQuantite
	colNaissance
	colAdhesion
	colFamille
	colReseau
	colOptam
	colParcours
	colALD
	colSecteur
	colRegime
	colProfessionnel
	colEquipement
	colVerres
	colSejour
	colTypeSejour
	colEtranger
	colParticipation
	numColumns
	// colNone is an unnamed column at the end of the header, as a
	// spreadsheet writes when cells right of the table were once used
	// ("id;assure;…;;;"): its values must be empty.
	colNone = numColumns
)

// columnNames are the header names of the columns, indexed by column; the
// first five are required.
var columnNames = [numColumns]string{
	"id", "assure", "date", "poste", "frais", "base", "taux", "ro", "pf",
	"quantite", "naissance", "adhesion", "famille", "reseau", "optam",
	"parcours", "ald", "secteur", "regime", "professionnel", "equipement",
	"verres", "sejour", "type_sejour", "etranger", "participation",
}

func (c column) String() string {
	if c == colNone {
		return "(no name)"
	}
	return columnNames[c]
}

// required reports whether every claims file must have column c.
func (c column) required() bool { return c <= colFrais }

// detectSeparator returns the separator of a claims file from its first
// line: ';' when the line has a ';' outside double quotes, else ','.
func detectSeparator(line []byte) byte {
	quoted := false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ';' && !quoted:
			return ';'
		}
	}
	return ','
}

// parseHeader maps the fields of the header record to columns. Empty
// names at the end of the header are colNone. It reports every problem of
// the header in one HeaderError.
func parseHeader(fs []field) ([]column, *HeaderError) {
	var problems []string
	cols := make([]column, len(fs))
	named := len(fs)
	for named > 0 && fs[named-1].problem == quoteOK && len(bytes.TrimSpace(unquote(fs[named-1]))) == 0 {
		named--
		cols[named] = colNone
	}
	seen := [numColumns]bool{}
	var unknown []string
	for i, f := range fs[:named] {
		name := string(bytes.TrimSpace(unquote(f)))
		switch c, ok := lookupColumn(name); {
		case f.problem != quoteOK:
			problems = append(problems, fmt.Sprintf("column %d: %s", i+1, f.problem))
		case name == "":
			problems = append(problems, fmt.Sprintf("column %d has no name", i+1))
		case !ok:
			unknown = append(unknown, name)
		case seen[c]:
			problems = append(problems, fmt.Sprintf("duplicate column %q", name))
		default:
			seen[c] = true
			cols[i] = c
		}
	}
	suggested := seen
	for _, name := range unknown {
		msg := fmt.Sprintf("unknown column %q", name)
		if c, ok := suggestColumn(name, &suggested); ok {
			suggested[c] = true
			msg += fmt.Sprintf(" (did you mean %q?)", c.String())
		} else {
			msg += " (columns are " + strings.Join(columnNames[:], ", ") + ")"
		}
		problems = append(problems, msg)
	}
	for c := colID; c < numColumns && c.required(); c++ {
		if !suggested[c] {
			problems = append(problems, fmt.Sprintf("missing required column %q", c.String()))
		}
	}
	if problems != nil {
		return nil, &HeaderError{Line: 1, Msg: strings.Join(problems, "; ")}
	}
	return cols, nil
}

// unquote returns the value of a header field with its "" pairs undone.
func unquote(f field) []byte {
	if !f.escaped {
		return f.val
	}
	return unescape(nil, f.val)
}

func lookupColumn(name string) (column, bool) {
	for c, n := range columnNames {
		if n == name {
			return column(c), true
		}
	}
	return 0, false
}

// suggestColumn returns the column an unknown header name was probably
// meant to be, among the columns not already taken: the one at the
// smallest edit distance of the lowercased name, if that distance is at
// most 2 (1 for names of up to three letters).
func suggestColumn(name string, taken *[numColumns]bool) (column, bool) {
	lower := strings.ToLower(name)
	best, bestDist := column(0), -1
	for c := colID; c < numColumns; c++ {
		if taken[c] {
			continue
		}
		d := regles.Distance(lower, columnNames[c])
		limit := 2
		if utf8.RuneCountInString(columnNames[c]) <= 3 {
			limit = 1
		}
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best, bestDist >= 0
}
