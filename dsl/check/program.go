package check

import (
	"time"

	"github.com/shopspring/decimal"

	"garantie/dsl/ast"
	"garantie/dsl/diag"
)

// Program is the checked meaning of a contract file. It sits beside the
// syntax tree (File) and never modifies it. Amounts are exact decimals;
// the evaluator compiles them into its own fast form.
type Program struct {
	File        *ast.File
	Name        string     // contrat "NAME"
	Organisme   string     // "" when absent
	Effet       *time.Time // contract start, the default adhesion date; nil when absent
	Responsable bool
	Mode        Mode
	Declared    []DeclaredPoste // postes declared with "poste CODE \"Label\"", in source order
	// Enveloppes are the named lump sums declared with "enveloppe NAME
	// forfait …", in source order; a term "forfait NAME" points at one.
	Enveloppes []*Enveloppe
	Rules      []*Rule // in source order

	complete bool // set by Check when it found no error
}

// Complete reports whether the program is the whole meaning of its file:
// Check found no error, so no rule was left out. Only Check sets it; a
// Program built by hand is not complete.
func (p *Program) Complete() bool { return p.complete }

// Mode tells how percentages of the base combine with the RO.
type Mode int

const (
	// Deduction: the RO is inside the percentage ("y compris RO").
	Deduction Mode = iota
	// Complement: the percentage is paid on top of the RO.
	Complement
)

func (m Mode) String() string {
	if m == Complement {
		return "complement"
	}
	return "deduction"
}

// DeclaredPoste is a poste declared by the contract.
type DeclaredPoste struct {
	Code  string
	Label string
	Range diag.Range
	// SansRO marks a poste written "sans RO": the RO never pays it, so
	// its claims take no RO rate from the reference tables (a base with
	// no taux and no ro means an RO of 0), and the ticket modérateur
	// checks of the contrat responsable leave it alone.
	SansRO bool
}

// Enveloppe is a named lump sum shared by every rule that draws on it
// with "forfait NAME", whatever their postes: one envelope of Amount per
// beneficiary (per family with ParFamille) and Period, exactly like a
// forfait term's, its amount including the prev with ROInclus.
type Enveloppe struct {
	Name       string // normalised
	Range      diag.Range
	Amount     Amount
	Raises     []Raise
	Period     Period
	ParFamille bool
	ROInclus   bool
	Used       bool // some rule draws on it
}

// Raise is a loyalty bonus "porte a X€ si CONDITION": on a line whose
// point is in Cond (age and seniority conditions only) on the date of
// care, the envelope's amount is Amount instead of the written one. When
// several raises hold, the last one written wins.
type Raise struct {
	Amount Amount
	Cond   Region
	Range  diag.Range
}

// RuleKind tells what a rule grants.
type RuleKind int

const (
	// FormulaRule has formula terms (and maybe limits).
	FormulaRule RuleKind = iota
	// NonCouvertRule is "non couvert": a formula that pays 0.
	NonCouvertRule
	// LimitRule has limits only; it caps every claim under its poste.
	LimitRule
)

// Rule is a checked rule.
type Rule struct {
	Node   *ast.Rule
	Index  int    // position among Program.Rules
	Poste  string // normalised code, "optique.monture"
	Depth  int    // number of segments of Poste
	Line   int    // source line, for explanations ("file:line")
	Kind   RuleKind
	Cond   Region  // the conjunction of the rule's conditions
	Terms  []Term  // formula terms in textual order
	Limits []Limit // in textual order
	key    string  // Cond.Key(), computed once by condKey
}

// condKey returns the key of the rule's conditions (see Region.Key).
func (r *Rule) condKey() string {
	if r.key == "" {
		r.key = r.Cond.Key()
	}
	return r.key
}

// IsFormula reports whether the rule competes for the formula of a claim
// (a formula or "non couvert").
func (r *Rule) IsFormula() bool { return r.Kind != LimitRule }

// TermKind is the kind of a formula term.
type TermKind int

const (
	PercentBRSS TermKind = iota // N% BRSS (or BR): N% of the base
	PercentTM                   // N% TM: N% of the ticket modérateur
	PercentFR                   // N% FR: N% of frais
	FraisReels                  // everything left after previous payers
	PerUnit                     // X€ / UNIT or N% PMSS / UNIT: X × covered quantity
	Forfait                     // forfait X€ / PERIOD: an envelope
	// PercentPLV is N% PLV (or HLF): N% of the legal price limit (prix
	// limite de vente, honoraire limite de facturation) of the claim's
	// 100% Santé item × covered quantity, combined with the RO like
	// PercentBRSS in both modes (LANGUAGE.md §1). The checker allows it
	// only in rules on the 100% Santé postes and their sub-postes (see
	// Sante100Postes).
	PercentPLV
)

// Term is a checked formula term.
type Term struct {
	Kind  TermKind
	Range diag.Range
	// Percent is N for the percentage kinds (200 for "200% BRSS"):
	// 0 <= N <= MaxPercent, at most MaxPercentDecimals decimals.
	Percent decimal.Decimal
	// Amount is X for PerUnit and Forfait. For PerUnit it is euros, or
	// a percentage of the PMSS in force on the date of care
	// ("1,5% PMSS / jour").
	Amount Amount
	// Unit is the unit of PerUnit ("seance", singular, normalised).
	Unit Unit
	// Period and ParFamille describe a forfait's envelope.
	Period     Period
	ParFamille bool
	// ROInclus marks a forfait written "RO inclus": its amount includes
	// the line's prev (RO brut and earlier layers) and what the earlier
	// terms of the formula paid on the line (LANGUAGE.md §1). Only a
	// Forfait has it.
	ROInclus bool
	// Raises of a Forfait: "forfait 60€ porte a 90€ si anciennete >= 2
	// ans / annee civile".
	Raises []Raise
	// Enveloppe is set on a Forfait written "forfait NAME": the term draws
	// on the named envelope, shared with every other term naming it. Its
	// Amount, Period, ParFamille, ROInclus and Raises are copied into the
	// term, so that a reader of the term alone sees what it pays.
	Enveloppe *Enveloppe
}

// Amount is a sum of money in euros, or a percentage of the PMSS: for an
// envelope (forfait, plafond) the PMSS in force on the first day of its
// period, for a per-unit amount the PMSS in force on the date of care.
type Amount struct {
	Euros       decimal.Decimal // when !IsPMSS: 0 <= Euros <= MaxEuros, whole cents
	PMSSPercent decimal.Decimal // when IsPMSS: 5 for "5% PMSS"; in range like Term.Percent
	IsPMSS      bool
}

// Unit is a counting unit, singular and normalised.
type Unit string

// The counting units (LANGUAGE.md §1). The plural "s" is optional in the
// source; "yeux" is the plural of "oeil", and "œil" is "oeil".
const (
	UnitSeance     Unit = "seance"
	UnitJour       Unit = "jour"
	UnitActe       Unit = "acte"
	UnitEquipement Unit = "equipement" // a max in equipement counts equipments (LANGUAGE.md §3 step 4)
	UnitDent       Unit = "dent"
	UnitOreille    Unit = "oreille"
	UnitOeil       Unit = "oeil"
	UnitEnfant     Unit = "enfant"
)

// LimitKind is the kind of a limit.
type LimitKind int

const (
	Max     LimitKind = iota // max N UNIT / PERIOD: a counter of units
	Plafond                  // plafond X / PERIOD: an envelope on the RC
	Carence                  // carence N mois|jours: nothing before adhesion + N
	// Limite is "limite FORMULE pendant N mois|jours": before adhesion +
	// Duration, the rule pays at most what Terms pay on the line.
	Limite
)

// Limit is a checked limit.
type Limit struct {
	Kind  LimitKind
	Range diag.Range
	// Count and Unit of a Max: 0 <= Count <= MaxCount.
	Count int64
	Unit  Unit
	// Amount of a Plafond.
	Amount Amount
	// Period of a Max or Plafond; ParFamille for a Plafond.
	Period     Period
	ParFamille bool
	// ROInclus marks a Plafond written "RO inclus": the line's prev (RO
	// brut and earlier layers) counts inside its amount (LANGUAGE.md §1).
	ROInclus bool
	// Duration of a Carence or a Limite.
	Duration Duration
	// PerUnit is set on a Plafond written "plafond X€ / UNIT": no
	// envelope and no period; on each line the rule pays at most Amount
	// × the line's covered quantity (minus the prev with ROInclus).
	PerUnit Unit
	// Raises of a Plafond, as on a forfait.
	Raises []Raise
	// AuDela is the formula of "au-dela FORMULE" on a Plafond of a
	// formula rule: when the plafond cuts the rule's amount, the rule
	// pays the greater of what the plafond left and what AuDela pays on
	// the line, which charges nothing to the plafond. Nil when absent.
	AuDela []Term
	// Terms is the formula of a Limite.
	Terms []Term
}

// PeriodKind is the kind of period an envelope or counter is renewed on.
type PeriodKind int

const (
	AnneeCivile  PeriodKind = iota // 1 January to 31 December
	Glissant                       // N months from the first positive charge
	AnneeContrat                   // yearly from the adhesion date
	// Sejour is one hospital stay: the lines sharing a claim's sejour id
	// (a line without one is a stay of its own).
	Sejour
)

// Period is a renewal period. For Glissant, Months is N ("24 mois
// glissants"; "2 ans glissants" is 24 months), 1 <= N <= MaxMonths.
type Period struct {
	Kind   PeriodKind
	Months int
}

// Duration is a carence length in months (at most MaxMonths) or days (at
// most MaxDays).
type Duration struct {
	Months int
	Days   int
}

// NeedsAdhesion reports whether evaluating the rule needs an adhesion
// date: seniority conditions, a carence or an "annee contrat" period.
func (r *Rule) NeedsAdhesion() bool {
	if r.Cond.UsesAnciennete() {
		return true
	}
	for _, l := range r.Limits {
		if l.Kind == Carence || l.Kind == Limite || l.Period.Kind == AnneeContrat && l.Kind == Max ||
			l.Kind == Plafond && l.PerUnit == "" && l.Period.Kind == AnneeContrat || raisesNeedAdhesion(l.Raises) {
			return true
		}
	}
	for _, t := range r.Terms {
		period, raises := t.Period, t.Raises
		if t.Enveloppe != nil {
			period, raises = t.Enveloppe.Period, t.Enveloppe.Raises
		}
		if t.Kind == Forfait && (period.Kind == AnneeContrat || raisesNeedAdhesion(raises)) {
			return true
		}
	}
	return false
}

// raisesNeedAdhesion reports whether a raise is conditioned on seniority.
func raisesNeedAdhesion(raises []Raise) bool {
	for _, r := range raises {
		if r.Cond.UsesAnciennete() {
			return true
		}
	}
	return false
}
