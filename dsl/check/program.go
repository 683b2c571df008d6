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
	Rules       []*Rule         // in source order

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
	PerUnit                     // X€ / UNIT: X × covered quantity
	Forfait                     // forfait X€ / PERIOD: an envelope
)

// Term is a checked formula term.
type Term struct {
	Kind  TermKind
	Range diag.Range
	// Percent is N for the percentage kinds (200 for "200% BRSS").
	Percent decimal.Decimal
	// Amount is X for PerUnit and Forfait.
	Amount Amount
	// Unit is the unit of PerUnit ("seance", singular, normalised).
	Unit Unit
	// Period and ParFamille describe a forfait's envelope.
	Period     Period
	ParFamille bool
}

// Amount is a sum of money in euros, or a percentage of the PMSS in force
// on the first day of the period it applies to.
type Amount struct {
	Euros       decimal.Decimal // when !IsPMSS
	PMSSPercent decimal.Decimal // when IsPMSS: 5 for "5% PMSS"
	IsPMSS      bool
}

// Unit is a counting unit: seance, jour, acte, equipement, dent, oreille.
type Unit string

// LimitKind is the kind of a limit.
type LimitKind int

const (
	Max     LimitKind = iota // max N UNIT / PERIOD: a counter of units
	Plafond                  // plafond X / PERIOD: an envelope on the RC
	Carence                  // carence N mois|jours: nothing before adhesion + N
)

// Limit is a checked limit.
type Limit struct {
	Kind  LimitKind
	Range diag.Range
	// Count and Unit of a Max.
	Count int64
	Unit  Unit
	// Amount of a Plafond.
	Amount Amount
	// Period of a Max or Plafond; ParFamille for a Plafond.
	Period     Period
	ParFamille bool
	// Duration of a Carence.
	Duration Duration
}

// PeriodKind is the kind of period an envelope or counter is renewed on.
type PeriodKind int

const (
	AnneeCivile  PeriodKind = iota // 1 January to 31 December
	Glissant                       // N months from the first positive charge
	AnneeContrat                   // yearly from the adhesion date
)

// Period is a renewal period. For Glissant, Months is N ("24 mois
// glissants"; "2 ans glissants" is 24 months).
type Period struct {
	Kind   PeriodKind
	Months int
}

// Duration is a carence length in months or days.
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
		if l.Kind == Carence || l.Period.Kind == AnneeContrat && l.Kind != Carence {
			return true
		}
	}
	for _, t := range r.Terms {
		if t.Kind == Forfait && t.Period.Kind == AnneeContrat {
			return true
		}
	}
	return false
}
