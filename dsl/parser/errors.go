package parser

import (
	"errors"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"

	"garantie/dsl/diag"
	"garantie/dsl/internal/spell"
)

// headerKeywords are the words that start a header declaration.
var headerKeywords = map[string]bool{
	"contrat": true, "organisme": true, "effet": true, "responsable": true, "mode": true, "poste": true,
}

// limitExamples shows, for each keyword that takes a value, how to write
// it.
var limitExamples = map[string]string{
	"max":     "max 4 seances / annee civile",
	"plafond": "plafond 150€ / annee civile",
	"carence": "carence 6 mois",
	"forfait": "forfait 100€ / annee civile",
}

// headerKeywordList is headerKeywords in the order of the documentation,
// for suggestions.
var headerKeywordList = []string{"contrat", "organisme", "effet", "responsable", "mode", "poste"}

// keywordsAfter lists, for the separator before it, the keywords a word of
// a garantie may be a misspelling of: after ':' a term or a limit, after
// '+' a term, after ',' a limit.
var keywordsAfter = map[Kind][]string{
	Colon: {"forfait", "frais", "non", "max", "plafond", "carence"},
	Plus:  {"forfait", "frais"},
	Comma: {"max", "plafond", "carence"},
}

// pairs maps the first word of a two-word keyword to its second word.
var pairs = map[string]string{"frais": "reels", "non": "couvert", "par": "famille", "ro": "inclus"}

// syntaxError locates a participle error within the tokens of one
// declaration and explains it from the tokens around it.
type syntaxError struct {
	src  []byte
	code []Token // the declaration, without comments
	i    int     // index of the unexpected token; len(code) at the end of the line
}

// errorIndex returns the index in the declaration code of the token a
// participle error is at, or len(code) at the end of the line. It is all
// that is used of the error: participle's own text never reaches the user.
func errorIndex(code []Token, err error) int {
	var perr participle.Error
	if !errors.As(err, &perr) {
		return len(code)
	}
	off := perr.Position().Offset
	return sort.Search(len(code), func(k int) bool { return code[k].Range.Start.Offset >= off })
}

// explain converts a syntax error at the token of index i of the
// declaration code (see errorIndex) into one diagnostic, choosing the
// message from the tokens before it.
func explain(name string, src []byte, code []Token, i int) diag.Diagnostic {
	e := syntaxError{src: src, code: code, i: i}
	var d diag.Diagnostic
	if headerKeywords[code[0].Norm] && code[0].Kind == Ident {
		d = e.header()
	} else if s := e.misspeltHeader(); s != "" {
		// A line such as "responsabel" or "organisem \"X\"": a lone word
		// that fails right after it, close to a header keyword.
		return e.unknownKeyword(name, 0, s)
	} else {
		d = e.rule()
	}
	d.File, d.Severity = name, diag.Error
	if d.Code != CodeUnknownKeyword {
		d.Range = e.at()
	}
	return d
}

// misspeltHeader returns the header keyword the first word of the
// declaration is likely a misspelling of, when the parse fails right after
// that word (so it is not the poste of a rule), or "".
func (e syntaxError) misspeltHeader() string {
	if e.i != 1 || e.code[0].Kind != Ident {
		return ""
	}
	return closeKeyword(e.code[0].Norm, headerKeywordList)
}

// unknownKeyword reports the word of index k, a misspelling of keyword.
func (e syntaxError) unknownKeyword(name string, k int, keyword string) diag.Diagnostic {
	t := e.code[k]
	return diag.Diagnostic{File: name, Severity: diag.Error, Range: t.Range, Code: CodeUnknownKeyword,
		Message: fmt.Sprintf("unknown keyword %q; did you mean %q?", t.Raw, keyword),
		Hint:    "write " + keywordUse[keyword],
		Fix:     &diag.Edit{Range: t.Range, NewText: keyword}}
}

// keywordUse shows how each keyword that may be suggested is written.
var keywordUse = map[string]string{
	"contrat": `contrat "NAME"`, "organisme": `organisme "NAME"`, "effet": "effet 2026-01-01",
	"responsable": "responsable", "mode": "mode deduction or mode complement", "poste": `poste CODE "Label"`,
	"forfait": "forfait 100€ / annee civile", "frais": "frais reels", "non": "non couvert",
	"max": "max 4 seances / annee civile", "plafond": "plafond 150€ / annee civile", "carence": "carence 6 mois",
}

// closeKeyword returns the keyword among candidates that word is a likely
// misspelling of, or "": the nearest within an edit distance of a third
// of the word's length (at least 1), and not the word itself.
func closeKeyword(word string, candidates []string) string {
	best, limit := "", max(1, utf8.RuneCountInString(word)/3)
	for _, c := range candidates {
		if d := spell.Distance(word, c, limit); d > 0 && d <= limit {
			best, limit = c, d-1
		}
	}
	return best
}

// at is the range of the unexpected token, or an empty range at the end
// of the declaration.
func (e syntaxError) at() diag.Range {
	if e.i < len(e.code) {
		return e.code[e.i].Range
	}
	end := e.code[len(e.code)-1].Range.End
	return diag.Range{Start: end, End: end}
}

// found describes the unexpected token.
func (e syntaxError) found() string {
	if e.i < len(e.code) {
		return fmt.Sprintf("'%s'", e.code[e.i].Raw)
	}
	return "the end of the line"
}

// back returns the token k places before the unexpected one, or a zero
// token before the start of the declaration.
func (e syntaxError) back(k int) Token {
	if e.i-k < 0 {
		return Token{}
	}
	return e.code[e.i-k]
}

// text returns the source from token a to token b, both included.
func (e syntaxError) text(a, b int) string {
	return string(e.src[e.code[a].Range.Start.Offset:e.code[b].Range.End.Offset])
}

func (e syntaxError) header() diag.Diagnostic {
	kw, prev := e.code[0], e.back(1)
	complete := e.i >= 2
	switch kw.Norm {
	case "contrat", "organisme":
		if !complete {
			return diag.Diagnostic{Code: CodeBadHeader, Message: fmt.Sprintf("expected a quoted name after '%s'", kw.Raw),
				Hint: fmt.Sprintf(`write %s "Name"`, kw.Raw)}
		}
	case "effet":
		if !complete {
			return diag.Diagnostic{Code: CodeBadHeader, Message: fmt.Sprintf("expected a date after '%s'", kw.Raw),
				Hint: "write the date as YYYY-MM-DD, as in effet 2026-01-01"}
		}
	case "mode":
		if !complete {
			return diag.Diagnostic{Code: CodeBadHeader, Message: fmt.Sprintf("expected 'deduction' or 'complement' after '%s'", kw.Raw),
				Hint: "write mode deduction or mode complement"}
		}
	case "responsable":
		complete = true
	case "poste":
		complete = prev.Kind == String
		switch {
		case prev.Kind == Dot:
			return e.badPoste()
		case e.i == 1:
			return diag.Diagnostic{Code: CodeBadHeader, Message: fmt.Sprintf("expected a poste code after '%s'", kw.Raw),
				Hint: `write poste famille.code "Label"`}
		case !complete:
			return diag.Diagnostic{Code: CodeBadHeader, Message: fmt.Sprintf("expected a quoted label after the poste code %s", e.text(1, e.i-1)),
				Hint: fmt.Sprintf(`write %s "Label"`, e.text(0, e.i-1))}
		}
	}
	return diag.Diagnostic{Code: CodeTrailing, Message: fmt.Sprintf("unexpected %s after the declaration", e.found()),
		Hint: "put each declaration on its own line, or separate declarations with ';'"}
}

func (e syntaxError) badPoste() diag.Diagnostic {
	return diag.Diagnostic{Code: CodeBadPoste, Message: "expected a poste segment after '.'",
		Hint: "a poste code is words joined by dots, as in optique.monture"}
}

func (e syntaxError) rule() diag.Diagnostic {
	if e.i == 0 {
		return diag.Diagnostic{Code: CodeBadStart, Message: fmt.Sprintf("expected a poste or a declaration keyword at the start of the line, found %s", e.found()),
			Hint: "a rule starts with a poste code, as in consult.generaliste: 150% BRSS; a header line starts with contrat, organisme, effet, responsable, mode or poste"}
	}
	prev := e.back(1)
	if prev.Kind == Dot {
		return e.badPoste()
	}
	colon, si := -1, -1
	for k, t := range e.code[:e.i] {
		switch {
		case t.Kind == Colon && colon < 0:
			colon = k
		case t.Kind == Keyword && t.Norm == "si" && si < 0:
			si = k
		}
	}
	if colon < 0 {
		return e.beforeColon(prev, si >= 0)
	}
	return e.afterColon(prev)
}

// beforeColon explains an error in the poste or the conditions of a rule.
func (e syntaxError) beforeColon(prev Token, inConditions bool) diag.Diagnostic {
	const conditions = "a condition is age < N, age >= N, enfant, senior, adulte, anciennete >= N ans, reseau, optam, secteur N, hors parcours, ald, rembourse, verres simples, verres complexes or verres tres complexes"
	switch {
	case prev.Kind == Keyword && (prev.Norm == "si" || prev.Norm == "et"), inConditions && prev.Norm == "non":
		return diag.Diagnostic{Code: CodeMissingCondition, Message: fmt.Sprintf("expected a condition after '%s'", prev.Raw), Hint: conditions}
	case inConditions && (prev.Norm == "age" || prev.Norm == "anciennete"):
		return diag.Diagnostic{Code: CodeIncompleteCondition, Message: fmt.Sprintf("expected a comparison operator after '%s'", prev.Raw),
			Hint: fmt.Sprintf("compare with <, <=, > or >=, as in %s >= 2", prev.Raw)}
	case inConditions && prev.Kind == Op:
		return diag.Diagnostic{Code: CodeIncompleteCondition, Message: fmt.Sprintf("expected a number after '%s'", prev.Raw),
			Hint: fmt.Sprintf("write %s %s 16", e.back(2).Raw, prev.Raw)}
	case inConditions && prev.Norm == "secteur":
		return diag.Diagnostic{Code: CodeIncompleteCondition, Message: fmt.Sprintf("expected a sector number after '%s'", prev.Raw),
			Hint: "write secteur 1, secteur 2 or secteur 3"}
	case inConditions && prev.Norm == "hors":
		return diag.Diagnostic{Code: CodeIncompleteCondition, Message: fmt.Sprintf("expected 'parcours' after '%s'", prev.Raw),
			Hint: "the condition is written hors parcours"}
	case inConditions && (prev.Norm == "verres" || prev.Norm == "verre"):
		return diag.Diagnostic{Code: CodeIncompleteCondition, Message: fmt.Sprintf("expected the type of lenses after '%s'", prev.Raw),
			Hint: "write verres simples, verres complexes or verres tres complexes"}
	}
	d := diag.Diagnostic{Code: CodeMissingColon}
	if inConditions {
		d.Message = fmt.Sprintf("expected 'et' or ':' after the condition '%s'", e.lastCondition())
	} else {
		d.Message = fmt.Sprintf("expected ':' after the poste %s", e.text(0, e.i-1))
	}
	if e.i < len(e.code) && startsGarantie(e.code[e.i]) {
		end := prev.Range.End
		d.Hint = fmt.Sprintf("write `%s: %s`", e.text(0, e.i-1), e.text(e.i, len(e.code)-1))
		d.Fix = &diag.Edit{Range: diag.Range{Start: end, End: end}, NewText: ":"}
	} else if inConditions {
		d.Hint = "join conditions with 'et' and end them with ':', as in optique.monture si enfant et reseau: forfait 80€ / annee civile"
	} else {
		d.Hint = fmt.Sprintf("write `%s: GARANTIE`, as in consult.generaliste: 150%% BRSS", e.text(0, e.i-1))
	}
	return d
}

// lastCondition returns the text of the condition just before the
// unexpected token: from the last 'si' or 'et' to it.
func (e syntaxError) lastCondition() string {
	k := e.i - 1
	for k > 0 && !(e.code[k-1].Kind == Keyword && (e.code[k-1].Norm == "si" || e.code[k-1].Norm == "et")) {
		k--
	}
	return e.text(k, e.i-1)
}

// startsGarantie reports whether t can start a garantie, so that a ':'
// before it is the likely fix.
func startsGarantie(t Token) bool {
	switch t.Norm {
	case "frais", "forfait", "max", "plafond", "carence", "non":
		return true
	}
	return t.Kind == Number
}

// afterColon explains an error in the garantie of a rule.
func (e syntaxError) afterColon(prev Token) diag.Diagnostic {
	before := e.back(2) // what precedes prev
	opens := before.Kind == Colon || before.Kind == Plus || before.Kind == Comma
	if e.i < len(e.code) && e.code[e.i].Kind == Ident {
		// "plafonf 100€ / an" after ',': a misspelt keyword.
		if s := closeKeyword(e.code[e.i].Norm, keywordsAfter[prev.Kind]); s != "" {
			return e.unknownKeyword("", e.i, s)
		}
	}
	switch {
	case prev.Kind == Colon:
		return diag.Diagnostic{Code: CodeMissingGarantie, Message: "expected a garantie after ':'",
			Hint: "write a formula such as 150% BRSS, limits such as plafond 150€ / annee civile, or non couvert"}
	case prev.Kind == Plus:
		return diag.Diagnostic{Code: CodeMissingTerm, Message: "expected a formula term after '+'",
			Hint: "a term is N% BRSS, X€ / UNIT, forfait X€ / PERIOD or frais reels; remove the '+' if nothing is added"}
	case prev.Kind == Comma:
		return diag.Diagnostic{Code: CodeMissingLimit, Message: "expected a limit after ','",
			Hint: "a limit is max N UNIT / PERIOD, plafond X€ / PERIOD or carence N mois; join formula terms with '+', not ','"}
	case opens && limitExamples[prev.Norm] != "":
		return diag.Diagnostic{Code: CodeMissingValue, Message: fmt.Sprintf("expected a value after '%s'", prev.Raw),
			Hint: "write " + limitExamples[prev.Norm]}
	case prev.Kind == Slash, prev.Kind == Number && before.Kind == Slash:
		return diag.Diagnostic{Code: CodeMissingPer, Message: fmt.Sprintf("expected a unit or a period after '%s'", prev.Raw),
			Hint: "write a unit such as / seance, or a period such as / annee civile or / 24 mois glissants"}
	case pairs[prev.Norm] != "" && (opens || prev.Kind == Keyword):
		return diag.Diagnostic{Code: CodeIncompleteKeyword, Message: fmt.Sprintf("expected '%s' after '%s'", pairs[prev.Norm], prev.Raw),
			Hint: fmt.Sprintf("write %s %s", prev.Raw, pairs[prev.Norm])}
	}
	d := diag.Diagnostic{Code: CodeTrailing, Message: fmt.Sprintf("unexpected %s after the garantie", e.found()),
		Hint: "join formula terms with '+', separate limits with ', ', and end the rule with a newline or ';'"}
	if e.i == len(e.code) {
		return d
	}
	switch next := e.code[e.i]; {
	case next.Kind == Plus:
		d.Hint = "formula terms joined by '+' come before the limits"
	case next.Norm == "max" || next.Norm == "plafond" || next.Norm == "carence":
		d.Hint = fmt.Sprintf("separate limits with ', ', as in `, %s`", next.Raw)
	case next.Norm == "par" && prev.Norm == "inclus":
		d.Hint = "par famille comes before RO inclus: write `par famille RO inclus`"
	case next.Kind == Slash && prev.Norm == "inclus":
		d.Hint = "the period comes right after the amount and RO inclus last, as in forfait 150€ / 24 mois glissants RO inclus"
	case next.Kind == Number || next.Norm == "forfait" || next.Norm == "frais":
		d.Hint = fmt.Sprintf("join formula terms with '+', as in `+ %s`", next.Raw)
	}
	return d
}
