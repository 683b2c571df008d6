package lsp

import (
	"slices"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"garantie/dsl/parser"
	"garantie/regles"
)

func (s *server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	return withDocument(s, p.TextDocument.URI, func(a *analysis) *protocol.CompletionList {
		return &protocol.CompletionList{Items: a.complete(a.text.offset(p.Position))}
	})
}

// complete returns what may be written at offset, judged from the tokens
// of the declaration before it:
//
//   - at the start of a line: postes (with their labels) and header keywords;
//   - after "mode": deduction, complement;
//   - after a poste: "si"; after "si", "et" or "non": conditions; after
//     "verres": simples, complexes, tres complexes;
//   - after ":" or "+": formula terms (and, after ":", limits);
//   - after ",": limits; after "%": bases (PLV and HLF only on a 100%
//     Santé poste, PMSS alone in a forfait or plafond); after "/": the
//     periods of a forfait, plafond or max, else units;
//   - after "/ N": mois glissants, ans glissants; after "max N": units;
//     after "carence N" or "pendant N": mois, jours; after the period of
//     a forfait or plafond: par famille, RO inclus (and au-dela after a
//     plafond's); after "par famille": RO inclus;
//   - after "forfait" in a rule: the enveloppes declared in the file;
//     after the amount of a forfait or plafond: porte a; after its "si"
//     or "et": the conditions on age and seniority; after the formula of
//     a limite: pendant; after "sejour" in conditions: the stay types;
//   - after "enveloppe NAME": forfait, then as in a forfait term; after
//     the label of a poste declaration: sans RO.
//
// The item replaces the word being typed, dots included, so that
// "optique.mon" completes to "optique.monture" in every client.
func (a *analysis) complete(offset int) []protocol.CompletionItem {
	toks, ok := a.declarationBefore(offset)
	if !ok {
		return nil
	}
	// The word being typed, with the dotted segments before it.
	start := offset
	n := len(toks)
	for n > 0 {
		t := toks[n-1]
		if t.Kind != parser.Ident && t.Kind != parser.Keyword && t.Kind != parser.Dot {
			break
		}
		if t.Range.End.Offset != start {
			break
		}
		start = t.Range.Start.Offset
		n--
	}
	prev := toks[:n]
	edit := protocol.Range{Start: a.text.position(start), End: a.text.position(offset)}

	var items []protocol.CompletionItem
	addKeywords := func(kinds ...keywordKind) {
		for _, k := range keywordsOf(kinds...) {
			items = append(items, keywordItem(k, edit))
		}
	}
	word := func(i int) string {
		if i < 0 || i >= len(prev) {
			return ""
		}
		return prev[i].Norm
	}
	last := len(prev) - 1
	colon := slices.IndexFunc(prev, func(t parser.Token) bool { return t.Kind == parser.Colon })

	switch {
	case len(prev) == 0:
		items = append(items, a.posteItems(edit)...)
		addKeywords(headerKeyword)
	case word(0) == "mode" && len(prev) == 1:
		addKeywords(modeKeyword)
	case word(0) == "enveloppe" && len(prev) == 2:
		items = append(items, keywordItem(mustKeyword("forfait"), edit))
	case word(0) == "enveloppe" && len(prev) > 2:
		items = append(items, a.garantieItems(prev[2:], "", edit)...)
	case word(0) == "poste" && prev[last].Kind == parser.String:
		items = append(items, keywordItem(mustKeyword("sans ro"), edit))
	case word(0) == "poste" && word(last) == "sans":
		items = append(items, followers("sans ro", 1, edit))
	case isHeaderKeyword(word(0)):
		// A name, a date or a new poste code: nothing to suggest.
	case colon < 0:
		switch word(last) {
		case "si", "et", "non":
			addKeywords(conditionKeyword)
		case "sejour":
			addKeywords(stayKeyword)
		case "verres", "verre":
			items = append(items, followers("verres simples", 1, edit), followers("verres complexes", 1, edit), followers("verres tres complexes", 1, edit))
		case "tres":
			if word(last-1) == "verres" || word(last-1) == "verre" {
				items = append(items, followers("verres tres complexes", 2, edit))
			}
		default:
			if slices.ContainsFunc(prev, func(t parser.Token) bool { return t.Norm == "si" }) {
				items = append(items, keywordItem(mustKeyword("et"), edit))
			} else {
				items = append(items, keywordItem(mustKeyword("si"), edit))
			}
		}
	default:
		items = append(items, a.garantieItems(prev[colon:], posteCode(prev[:colon]), edit)...)
	}
	return items
}

// garantieItems completes after the colon of a rule on poste; prev
// starts with the colon.
func (a *analysis) garantieItems(prev []parser.Token, poste string, edit protocol.Range) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	add := func(kinds ...keywordKind) {
		for _, k := range keywordsOf(kinds...) {
			items = append(items, keywordItem(k, edit))
		}
	}
	addWords := func(texts ...string) {
		for _, t := range texts {
			items = append(items, keywordItem(mustKeyword(t), edit))
		}
	}
	last := prev[len(prev)-1]
	before := func() string {
		if len(prev) < 2 {
			return ""
		}
		return prev[len(prev)-2].Norm
	}
	// head is the first word of the term or limit being written:
	// "forfait", "plafond", "max", "carence", "limite", or a number; it
	// is "au-dela" after that word, and the first word of prev when no
	// separator precedes (the forfait of an enveloppe).
	head := prev[0].Norm
	for i := len(prev) - 1; i >= 0; i-- {
		if prev[i].Norm == "au-dela" {
			head = "au-dela"
			break
		}
		if k := prev[i].Kind; k == parser.Colon || k == parser.Plus || k == parser.Comma {
			head = ""
			if i+1 < len(prev) {
				head = prev[i+1].Norm
			}
			break
		}
	}
	envelope := head == "forfait" || head == "plafond"
	// raise tells whether a "porte a … si" is being written: its
	// conditions are on age and seniority only.
	raise := slices.ContainsFunc(prev, func(t parser.Token) bool { return t.Norm == "si" })
	switch {
	case last.Norm == "forfait" && prev[0].Kind == parser.Colon:
		items = append(items, a.enveloppeItems(edit)...)
	case raise && (last.Norm == "si" || last.Norm == "et"):
		addWords("age", "anciennete", "enfant", "adulte", "senior")
		return items
	case last.Norm == "porte":
		return append(items, followers("porte a", 1, edit))
	case head == "limite" && (last.Kind == parser.Euro || last.Kind == parser.Ident && isBase(last.Norm)):
		addWords("pendant")
	}
	switch last.Kind {
	case parser.Colon:
		add(termKeyword, limitKeyword)
	case parser.Plus:
		for _, k := range keywordsOf(termKeyword) {
			if k.text != "non couvert" {
				items = append(items, keywordItem(k, edit))
			}
		}
	case parser.Comma:
		add(limitKeyword)
	case parser.Percent:
		for _, k := range keywordsOf(baseKeyword) {
			switch {
			case envelope && k.text != "pmss":
			case (k.text == "plv" || k.text == "hlf") && sante100Basket(poste) == "":
			default:
				items = append(items, keywordItem(k, edit))
			}
		}
	case parser.Slash:
		if envelope || head == "max" {
			add(periodKeyword)
		}
		if head != "max" && head != "forfait" {
			add(unitKeyword)
		}
	case parser.Euro:
		if envelope && !slices.ContainsFunc(prev, func(t parser.Token) bool { return t.Kind == parser.Slash }) {
			addWords("porte a")
		}
	case parser.Number:
		switch before() {
		case "/":
			addWords("mois glissants", "ans glissants")
		case "max":
			add(unitKeyword)
		case "carence", "pendant":
			add(durationKeyword)
		}
	case parser.Ident, parser.Keyword:
		switch last.Norm {
		case "an", "civile", "contrat", "glissant", "glissants", "sejour":
			if envelope {
				addWords("par famille", "ro inclus")
			}
			if head == "plafond" {
				addWords("au-dela")
			}
		case "famille":
			if envelope {
				addWords("ro inclus")
			}
			if head == "plafond" {
				addWords("au-dela")
			}
		case "inclus":
			if head == "plafond" {
				addWords("au-dela")
			}
		case "ro":
			items = append(items, followers("ro inclus", 1, edit))
		default:
			if _, unit := keywordOfKind(last.Norm, unitKeyword); unit && head == "plafond" && before() == "/" {
				addWords("ro inclus")
			}
		}
	}
	return items
}

// enveloppeItems lists the enveloppes declared in the file, the names a
// term "forfait NAME" draws on, with their declaration as detail.
func (a *analysis) enveloppeItems(edit protocol.Range) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	kind := protocol.CompletionItemKindVariable
	for _, e := range a.enveloppes() {
		detail := a.source(e.Range)
		items = append(items, protocol.CompletionItem{
			Label:    e.Name.Name,
			Kind:     &kind,
			Detail:   &detail,
			TextEdit: protocol.TextEdit{Range: edit, NewText: e.Name.Name},
		})
	}
	return items
}

// isBase reports whether w is the base of a percentage ("brss").
func isBase(w string) bool {
	_, ok := keywordOfKind(w, baseKeyword)
	return ok
}

// followers completes the rest of a phrase whose first typed words are
// written: "simples" after "verres", "complexes" after "verres tres",
// "inclus" after "RO". The item shows the phrase's meaning.
func followers(phrase string, typed int, edit protocol.Range) protocol.CompletionItem {
	rest := strings.Join(strings.Fields(phrase)[typed:], " ")
	if rest == "ro" {
		rest = "RO"
	}
	item := keywordItem(mustKeyword(phrase), edit)
	item.Label = rest
	item.TextEdit = protocol.TextEdit{Range: edit, NewText: rest}
	return item
}

// posteCode is the poste code a rule's tokens start with, "" when they
// do not start with one.
func posteCode(toks []parser.Token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.Kind != parser.Ident && t.Kind != parser.Dot {
			break
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}

// posteItems lists the postes of the nomenclature and those declared in
// the file, with their labels.
func (a *analysis) posteItems(edit protocol.Range) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	add := func(code, label string, family bool) {
		kind := protocol.CompletionItemKindField
		if family {
			kind = protocol.CompletionItemKindModule
		}
		detail := label
		items = append(items, protocol.CompletionItem{
			Label:    code,
			Kind:     &kind,
			Detail:   &detail,
			TextEdit: protocol.TextEdit{Range: edit, NewText: code},
		})
	}
	for _, p := range regles.Postes() {
		add(p.Code, p.Label, p.Family == p.Code)
	}
	for _, d := range a.declared() {
		label := ""
		if d.Label != nil {
			label = d.Label.Value
		}
		add(d.Code.Code(), label, false)
	}
	return items
}

func keywordItem(k keyword, edit protocol.Range) protocol.CompletionItem {
	kind := protocol.CompletionItemKindKeyword
	switch k.kind {
	case unitKeyword:
		kind = protocol.CompletionItemKindUnit
	case periodKeyword, durationKeyword, baseKeyword, modeKeyword:
		kind = protocol.CompletionItemKindEnumMember
	case conditionKeyword:
		kind = protocol.CompletionItemKindProperty
	}
	label := k.text
	switch {
	case k.kind == baseKeyword:
		label = strings.ToUpper(k.text)
	case k.text == "ro inclus":
		label = "RO inclus"
	case k.text == "sans ro":
		label = "sans RO"
	}
	return protocol.CompletionItem{
		Label:         label,
		Kind:          &kind,
		Documentation: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: k.doc},
		TextEdit:      protocol.TextEdit{Range: edit, NewText: label},
	}
}

// declarationBefore returns the tokens of the declaration that holds
// offset, up to offset; ok is false inside a comment or a string, where
// nothing is completed.
func (a *analysis) declarationBefore(offset int) ([]parser.Token, bool) {
	var toks []parser.Token
	for _, t := range a.tokens {
		if t.Range.Start.Offset >= offset {
			break
		}
		inside := offset < t.Range.End.Offset || t.Kind == parser.Comment && offset == t.Range.End.Offset
		if (t.Kind == parser.Comment || t.Kind == parser.String) && inside {
			return nil, false
		}
		switch t.Kind {
		case parser.Newline, parser.Semicolon:
			toks = toks[:0]
		case parser.Comment:
		default:
			if t.Range.End.Offset <= offset {
				toks = append(toks, t)
			}
		}
	}
	return toks, true
}

func isHeaderKeyword(w string) bool {
	k, ok := keywordByWords(w)
	return ok && k.kind == headerKeyword && k.text == w
}

// mustKeyword returns the keyword of the table written as text; the
// table is a constant of this package, so a miss is a programming error.
func mustKeyword(text string) keyword {
	k, ok := keywordByWords(text)
	if !ok {
		panic("lsp: no keyword " + text)
	}
	return k
}
