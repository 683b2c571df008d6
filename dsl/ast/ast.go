// Package ast declares the syntax tree of a .garantie contract file.
//
// The tree records what was written, not what it means: a quantity such as
// "4€" after "max" parses fine and is rejected by the checker, which can
// then explain the mistake at its exact position. Every node carries the
// range of source text it came from. Keywords and identifiers keep both
// their text as written (Raw) and a normalised form (Name: lower case,
// accents removed) that later phases compare.
package ast

import (
	"strings"

	"github.com/shopspring/decimal"

	"garantie/dsl/diag"
)

// Node is implemented by every syntax tree node.
type Node interface {
	Span() diag.Range
}

// File is a whole contract file.
type File struct {
	Name     string // file name, as given to the parser
	Range    diag.Range
	Decls    []Decl     // header declarations and rules, in source order
	Comments []*Comment // every comment, in source order
}

// Decl is a header declaration or a rule.
type Decl interface {
	Node
	declNode()
}

// Comment is a "#" comment running to the end of its line.
type Comment struct {
	Range diag.Range
	Text  string // including the leading "#"
}

// Ident is a word: a keyword, a poste segment, a unit or a base.
type Ident struct {
	Range diag.Range
	Raw   string // as written
	Name  string // lower case, accents removed: "Séances" -> "seances"
}

// String is a double-quoted string literal.
type String struct {
	Range diag.Range
	Raw   string // as written, with quotes
	Value string // unquoted
}

// Number is a numeric literal: 250, 12.5 or 12,5.
type Number struct {
	Range diag.Range
	Raw   string
	Value decimal.Decimal
}

// Date is a YYYY-MM-DD literal. Valid is false when the text has the shape
// of a date but names no day of the calendar (2026-02-30); the checker
// reports it.
type Date struct {
	Range diag.Range
	Raw   string
	Year  int
	Month int
	Day   int
	Valid bool
}

// Path is a dotted poste code such as optique.monture.
type Path struct {
	Range    diag.Range
	Segments []*Ident
}

// Code returns the normalised dotted code.
func (p *Path) Code() string {
	names := make([]string, len(p.Segments))
	for i, s := range p.Segments {
		names[i] = s.Name
	}
	return strings.Join(names, ".")
}

// Contrat is the mandatory first declaration: contrat "NAME".
type Contrat struct {
	Range diag.Range
	Name  *String
}

// Organisme declares the insurer: organisme "NAME".
type Organisme struct {
	Range diag.Range
	Name  *String
}

// Effet declares the contract start date: effet 2026-01-01.
type Effet struct {
	Range diag.Range
	Date  *Date
}

// Responsable declares that the contract claims to be a contrat
// responsable.
type Responsable struct {
	Range diag.Range
}

// Mode declares how percentages of the base combine with the RO:
// mode deduction or mode complement.
type Mode struct {
	Range diag.Range
	Value *Ident
}

// PosteDecl declares a poste outside the standard nomenclature:
// poste CODE "Label" [sans RO].
type PosteDecl struct {
	Range  diag.Range
	Code   *Path
	Label  *String
	SansRO *SansRO // nil when absent
}

// SansRO marks a declared poste the RO never pays: "sans RO".
type SansRO struct {
	Range diag.Range
}

// Enveloppe declares a named lump sum that rules of any poste draw on:
// enveloppe NAME forfait X€ / PERIOD [par famille] [RO inclus]. A rule
// draws on it with the term "forfait NAME".
type Enveloppe struct {
	Range   diag.Range
	Keyword *Ident
	Name    *Ident
	Forfait *Forfait // the amount and period, as a forfait term writes them
}

// Rule is POSTE [si CONDITION {et CONDITION}] : GARANTIE.
type Rule struct {
	Range      diag.Range
	Poste      *Path
	Conditions []*Condition // empty without "si"
	Colon      diag.Range
	Garantie   *Garantie
}

// Condition is one condition of a rule, possibly negated with "non".
//
// Shapes: "age < 16" (Subject age, Op, Value), "anciennete >= 2 ans"
// (Subject anciennete, Op, Value with its unit word), "enfant", "senior",
// "adulte", "reseau", "optam", "ald", "rembourse" (Subject only),
// "secteur 2" (Subject and Value), "hors parcours" (Subject hors, Object
// parcours), "verres simples" (Subject verres, Object simples) and
// "verres tres complexes" (Subject verres, Object tres, Object2
// complexes).
type Condition struct {
	Range   diag.Range
	Not     *Ident // the "non" keyword, nil when absent
	Subject *Ident
	Object  *Ident // second word, as in "hors parcours" or "verres simples"
	Object2 *Ident // third word, as in "verres tres complexes"
	Op      *Op
	Value   *Quantity
}

// Op is a comparison operator: <, <=, >, >=.
type Op struct {
	Range diag.Range
	Text  string
}

// Garantie is what a rule grants: "non couvert", a formula with optional
// limits, or limits alone.
type Garantie struct {
	Range      diag.Range
	NonCouvert *Ident // the "non" of "non couvert", nil otherwise
	Terms      []Term // formula terms joined by "+"
	Limits     []Limit
}

// Term is a formula term.
type Term interface {
	Node
	termNode()
}

// Symbol is the sign written right after a number: "%", "€" or "EUR".
type Symbol struct {
	Range diag.Range
	Raw   string
}

// Quantity is a number with an optional symbol and an optional word:
// "200% BRSS", "250€", "5 % PMSS", "4 seances", "6 mois", "12,5".
type Quantity struct {
	Range  diag.Range
	Number *Number
	Symbol *Symbol // nil when absent
	Word   *Ident  // base or unit word, nil when absent
}

// Per is what follows a "/": a unit ("seance") or a period ("annee
// civile", "24 mois glissants", "an", "annee contrat").
type Per struct {
	Range diag.Range
	Slash diag.Range
	Count *Number  // "24" in "24 mois glissants", nil otherwise
	Words []*Ident // "annee civile", "mois glissants", "seance"
}

// Text returns the normalised words of the per clause joined by spaces.
func (p *Per) Text() string {
	names := make([]string, len(p.Words))
	for i, w := range p.Words {
		names[i] = w.Name
	}
	return strings.Join(names, " ")
}

// ParFamille marks an envelope shared by a family: "par famille".
type ParFamille struct {
	Range diag.Range
}

// ROInclus marks an envelope whose amount includes the Sécurité sociale
// and the earlier payers: "RO inclus". The grammar accepts it after any
// term or limit; the checker allows it only on a forfait or a plafond.
type ROInclus struct {
	Range diag.Range
}

// ValueTerm is a quantity with an optional per clause: "200% BRSS",
// "50% TM", "100% PLV", "40€ / seance", "1,5% PMSS / jour", "100 €".
type ValueTerm struct {
	Range    diag.Range
	Value    *Quantity
	Per      *Per      // nil when absent
	ROInclus *ROInclus // nil when absent; always a misuse here
}

// FraisReels is the term "frais reels".
type FraisReels struct {
	Range    diag.Range
	ROInclus *ROInclus // nil when absent; always a misuse here
}

// Forfait is "forfait QUANTITY [porte a …] / PERIOD [par famille] [RO
// inclus]", or "forfait NAME", which draws on the enveloppe NAME declared
// in the header (Value is nil then; Per, ParFamille, ROInclus and Raises
// written after a name are misuses the checker reports).
type Forfait struct {
	Range      diag.Range
	Keyword    *Ident
	Value      *Quantity   // nil in the named form
	Name       *Ident      // the enveloppe's name; nil in the amount form
	Raises     []*Raise    // "porte a X€ si CONDITION", in textual order
	Per        *Per        // nil when the period is missing
	ParFamille *ParFamille // nil when absent
	ROInclus   *ROInclus   // nil when absent
}

// Raise is a loyalty bonus on the amount of an envelope: "porte a X€ si
// CONDITION {et CONDITION}" (also "porté à"), written right after the
// amount of a forfait or a plafond.
type Raise struct {
	Range      diag.Range
	Keyword    *Ident // "porte"
	Value      *Quantity
	Conditions []*Condition
}

// AuDela is what a plafond's rule pays once the plafond has cut it:
// "au-dela FORMULE" (also "au-delà"), written at the end of the plafond.
type AuDela struct {
	Range   diag.Range
	Keyword *Ident
	Terms   []Term
}

// Limit is a limit of a garantie.
type Limit interface {
	Node
	limitNode()
}

// Max is "max QUANTITY / PERIOD".
type Max struct {
	Range    diag.Range
	Keyword  *Ident
	Value    *Quantity
	Per      *Per
	ROInclus *ROInclus // nil when absent; always a misuse here
}

// Plafond is "plafond QUANTITY [porte a …] / PERIOD [par famille] [RO
// inclus] [au-dela FORMULE]". The per clause may name a unit ("/ oreille")
// for a limit per unit rather than per period.
type Plafond struct {
	Range      diag.Range
	Keyword    *Ident
	Value      *Quantity
	Raises     []*Raise // nil when absent
	Per        *Per
	ParFamille *ParFamille
	ROInclus   *ROInclus // nil when absent
	AuDela     *AuDela   // nil when absent
}

// Limite is a reduced cover during the first months after adhesion:
// "limite FORMULE pendant N mois" (or jours).
type Limite struct {
	Range    diag.Range
	Keyword  *Ident
	Terms    []Term
	Pendant  *Ident
	Duration *Quantity
}

// Carence is "carence QUANTITY", as in "carence 6 mois".
type Carence struct {
	Range    diag.Range
	Keyword  *Ident
	Value    *Quantity
	ROInclus *ROInclus // nil when absent; always a misuse here
}

// BadDecl stands for a declaration the parser could not read; the parser
// has reported why. It lets later phases go on with the rest of the file.
type BadDecl struct {
	Range diag.Range
}

func (n *File) Span() diag.Range        { return n.Range }
func (n *Comment) Span() diag.Range     { return n.Range }
func (n *Ident) Span() diag.Range       { return n.Range }
func (n *String) Span() diag.Range      { return n.Range }
func (n *Number) Span() diag.Range      { return n.Range }
func (n *Date) Span() diag.Range        { return n.Range }
func (n *Path) Span() diag.Range        { return n.Range }
func (n *Contrat) Span() diag.Range     { return n.Range }
func (n *Organisme) Span() diag.Range   { return n.Range }
func (n *Effet) Span() diag.Range       { return n.Range }
func (n *Responsable) Span() diag.Range { return n.Range }
func (n *Mode) Span() diag.Range        { return n.Range }
func (n *PosteDecl) Span() diag.Range   { return n.Range }
func (n *Rule) Span() diag.Range        { return n.Range }
func (n *Condition) Span() diag.Range   { return n.Range }
func (n *Op) Span() diag.Range          { return n.Range }
func (n *Garantie) Span() diag.Range    { return n.Range }
func (n *Symbol) Span() diag.Range      { return n.Range }
func (n *Quantity) Span() diag.Range    { return n.Range }
func (n *Per) Span() diag.Range         { return n.Range }
func (n *ParFamille) Span() diag.Range  { return n.Range }
func (n *ROInclus) Span() diag.Range    { return n.Range }
func (n *ValueTerm) Span() diag.Range   { return n.Range }
func (n *FraisReels) Span() diag.Range  { return n.Range }
func (n *Forfait) Span() diag.Range     { return n.Range }
func (n *Max) Span() diag.Range         { return n.Range }
func (n *Plafond) Span() diag.Range     { return n.Range }
func (n *Carence) Span() diag.Range     { return n.Range }
func (n *BadDecl) Span() diag.Range     { return n.Range }
func (n *SansRO) Span() diag.Range      { return n.Range }
func (n *Enveloppe) Span() diag.Range   { return n.Range }
func (n *Raise) Span() diag.Range       { return n.Range }
func (n *AuDela) Span() diag.Range      { return n.Range }
func (n *Limite) Span() diag.Range      { return n.Range }

func (*Contrat) declNode()     {}
func (*Organisme) declNode()   {}
func (*Effet) declNode()       {}
func (*Responsable) declNode() {}
func (*Mode) declNode()        {}
func (*PosteDecl) declNode()   {}
func (*Rule) declNode()        {}
func (*BadDecl) declNode()     {}
func (*Enveloppe) declNode()   {}

func (*ValueTerm) termNode()  {}
func (*FraisReels) termNode() {}
func (*Forfait) termNode()    {}

func (*Max) limitNode()     {}
func (*Plafond) limitNode() {}
func (*Carence) limitNode() {}
func (*Limite) limitNode()  {}
