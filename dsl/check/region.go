package check

import (
	"fmt"
	"strconv"
	"strings"
)

// Inf is the exclusive upper bound of an unbounded interval of years.
const Inf = 1 << 30

// Interval is the half-open interval of whole years [Lo, Hi).
type Interval struct {
	Lo, Hi int
}

// IntSet is a set of whole years (ages, seniorities) as sorted, disjoint,
// non-adjacent half-open intervals within [0, Inf).
type IntSet []Interval

// AllYears is the set of every non-negative whole number.
var AllYears = IntSet{{0, Inf}}

// Range returns the set [lo, hi) clipped to [0, Inf).
func Range(lo, hi int) IntSet {
	lo = max(lo, 0)
	hi = min(hi, Inf)
	if lo >= hi {
		return nil
	}
	return IntSet{{lo, hi}}
}

// Contains reports whether n is in the set.
func (s IntSet) Contains(n int) bool {
	for _, iv := range s {
		if n >= iv.Lo && n < iv.Hi {
			return true
		}
	}
	return false
}

// Intersect returns s ∩ t.
func (s IntSet) Intersect(t IntSet) IntSet {
	if t.Equal(AllYears) {
		return s
	}
	if s.Equal(AllYears) {
		return t
	}
	var out IntSet
	for _, a := range s {
		for _, b := range t {
			lo, hi := max(a.Lo, b.Lo), min(a.Hi, b.Hi)
			if lo < hi {
				out = append(out, Interval{lo, hi})
			}
		}
	}
	return out.normalize()
}

// Complement returns [0, Inf) \ s.
func (s IntSet) Complement() IntSet {
	var out IntSet
	lo := 0
	for _, iv := range s {
		if iv.Lo > lo {
			out = append(out, Interval{lo, iv.Lo})
		}
		lo = iv.Hi
	}
	if lo < Inf {
		out = append(out, Interval{lo, Inf})
	}
	return out
}

// SubsetOf reports whether s ⊆ t.
func (s IntSet) SubsetOf(t IntSet) bool {
	return s.Intersect(t).Equal(s)
}

// Equal reports whether s and t hold the same numbers.
func (s IntSet) Equal(t IntSet) bool {
	if len(s) != len(t) {
		return false
	}
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}

// IsEmpty reports whether the set has no element.
func (s IntSet) IsEmpty() bool { return len(s) == 0 }

// Bounds returns the interval boundaries of the set, for splitting a
// space into cells.
func (s IntSet) Bounds() []int {
	var out []int
	for _, iv := range s {
		out = append(out, iv.Lo)
		if iv.Hi < Inf {
			out = append(out, iv.Hi)
		}
	}
	return out
}

func (s IntSet) normalize() IntSet {
	// Intervals from Intersect of two sorted sets come out sorted by Lo
	// per outer element; sort them fully, then merge touching ones.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Lo < s[j-1].Lo; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	var out IntSet
	for _, iv := range s {
		if n := len(out); n > 0 && iv.Lo <= out[n-1].Hi {
			out[n-1].Hi = max(out[n-1].Hi, iv.Hi)
			continue
		}
		out = append(out, iv)
	}
	return out
}

func (s IntSet) String() string {
	if len(s) == 0 {
		return "∅"
	}
	parts := make([]string, len(s))
	for i, iv := range s {
		switch {
		case iv.Hi >= Inf:
			parts[i] = fmt.Sprintf(">= %d", iv.Lo)
		case iv.Lo == 0:
			parts[i] = fmt.Sprintf("< %d", iv.Hi)
		default:
			parts[i] = fmt.Sprintf("%d..%d", iv.Lo, iv.Hi-1)
		}
	}
	return strings.Join(parts, " or ")
}

// Bools is a set of booleans: bit 0 allows false, bit 1 allows true.
type Bools uint8

const (
	OnlyFalse Bools = 1
	OnlyTrue  Bools = 2
	AnyBool   Bools = 3
)

// Has reports whether b allows v.
func (b Bools) Has(v bool) bool {
	if v {
		return b&OnlyTrue != 0
	}
	return b&OnlyFalse != 0
}

// Secteurs is a set of conventional sectors: bit 0 is "no sector given",
// bits 1, 2, 3 are secteur 1, 2, 3.
type Secteurs uint8

// AnySecteur allows every sector and a missing one.
const AnySecteur Secteurs = 0b1111

// Has reports whether the set allows sector n (0 for none).
func (s Secteurs) Has(n int) bool { return n >= 0 && n <= 3 && s&(1<<n) != 0 }

// Verres is the type of lenses of a claim's optical equipment, claim
// column verres (LANGUAGE.md §4).
type Verres uint8

const (
	NoVerres            Verres = iota // the claim gives no type of lenses
	VerresSimples                     // verres = simple
	VerresComplexes                   // verres = complexe
	VerresTresComplexes               // verres = tres_complexe
)

// VerresSet is a set of lens types: bit v allows Verres v. The values are
// exclusive: a claim has one of them, NoVerres when the column is empty.
type VerresSet uint8

// AnyVerres allows every type of lenses and a missing one.
const AnyVerres VerresSet = 0b1111

// Has reports whether the set allows v.
func (s VerresSet) Has(v Verres) bool { return v <= VerresTresComplexes && s&(1<<v) != 0 }

// TypeSejour is the type of a hospital stay, claim column type_sejour
// (LANGUAGE.md §4).
type TypeSejour uint8

const (
	NoSejour          TypeSejour = iota // the claim gives no type of stay
	SejourMedecine                      // medecine
	SejourChirurgie                     // chirurgie
	SejourPsychiatrie                   // psychiatrie
	SejourSMR                           // smr: soins médicaux et de réadaptation
	SejourMaternite                     // maternite
	SejourHAD                           // had: hospitalisation à domicile
)

// TypesSejour are the words of the types of stay, indexed by TypeSejour
// (the first is NoSejour's, empty): the condition "sejour WORD" and the
// claim column type_sejour use the same words.
var TypesSejour = [...]string{"", "medecine", "chirurgie", "psychiatrie", "smr", "maternite", "had"}

// SejourSet is a set of types of stay: bit t allows TypeSejour t.
type SejourSet uint8

// AnySejour allows every type of stay and a missing one.
const AnySejour SejourSet = 0b111_1111

// Has reports whether the set allows t.
func (s SejourSet) Has(t TypeSejour) bool { return t <= SejourHAD && s&(1<<t) != 0 }

// Region is the set of claims a conjunction of conditions holds for: one
// independent set per dimension, so intersection and containment are
// computed dimension by dimension.
type Region struct {
	Age        IntSet // age in whole years at the date of care
	Anciennete IntSet // whole years since adhesion
	Reseau     Bools
	Optam      Bools
	Parcours   Bools // "hors parcours" is Parcours false
	Secteur    Secteurs
	Ald        Bools     // the claim is care for an affection de longue durée (column ald)
	Rembourse  Bools     // the claim has a base above 0: care the RO reimburses
	Verres     VerresSet // "verres simples" is {VerresSimples}; "non verres simples" also allows NoVerres
	Sejour     SejourSet // "sejour chirurgie" is {SejourChirurgie}
	Etranger   Bools     // care abroad (column etranger)
	// NeedsAge and NeedsAnciennete record that a condition was written on
	// the age or the seniority, even if it holds for every value.
	NeedsAge        bool
	NeedsAnciennete bool
}

// Everything is the region of a rule without conditions.
func Everything() Region {
	return Region{Age: AllYears, Anciennete: AllYears, Reseau: AnyBool, Optam: AnyBool, Parcours: AnyBool, Secteur: AnySecteur,
		Ald: AnyBool, Rembourse: AnyBool, Verres: AnyVerres, Sejour: AnySejour, Etranger: AnyBool}
}

// Intersect returns the region where both r and s hold.
func (r Region) Intersect(s Region) Region {
	return Region{
		Age:             r.Age.Intersect(s.Age),
		Anciennete:      r.Anciennete.Intersect(s.Anciennete),
		Reseau:          r.Reseau & s.Reseau,
		Optam:           r.Optam & s.Optam,
		Parcours:        r.Parcours & s.Parcours,
		Secteur:         r.Secteur & s.Secteur,
		Ald:             r.Ald & s.Ald,
		Rembourse:       r.Rembourse & s.Rembourse,
		Verres:          r.Verres & s.Verres,
		Sejour:          r.Sejour & s.Sejour,
		Etranger:        r.Etranger & s.Etranger,
		NeedsAge:        r.NeedsAge || s.NeedsAge,
		NeedsAnciennete: r.NeedsAnciennete || s.NeedsAnciennete,
	}
}

// IsEmpty reports whether no claim satisfies the region. An OPTAM
// doctor is in secteur 1 or 2 (or gives no sector), never in secteur 3:
// the reader rejects a line with both.
func (r Region) IsEmpty() bool {
	return r.Age.IsEmpty() || r.Anciennete.IsEmpty() || r.Reseau == 0 || r.optamSecteur() == 0 || r.Parcours == 0 ||
		r.Ald == 0 || r.Rembourse == 0 || r.Verres == 0 || r.Sejour == 0 || r.Etranger == 0
}

// optamSecteur returns the possible pairs (optam, secteur) of the region
// as a set: bit 4×o+s for optam o (0 or 1) and secteur s (0 for none),
// without the impossible pair (optam, secteur 3).
func (r Region) optamSecteur() uint8 {
	var set uint8
	for o := range 2 {
		for s := range 4 {
			if r.Optam.Has(o == 1) && r.Secteur.Has(s) && (o == 0 || s != 3) {
				set |= 1 << (4*o + s)
			}
		}
	}
	return set
}

// SubsetOf reports whether every claim in r is also in s ("r is contained
// in s"). The empty region is a subset of everything.
func (r Region) SubsetOf(s Region) bool {
	if r.IsEmpty() {
		return true
	}
	return r.Age.SubsetOf(s.Age) && r.Anciennete.SubsetOf(s.Anciennete) &&
		r.Reseau&^s.Reseau == 0 && r.optamSecteur()&^s.optamSecteur() == 0 &&
		r.Parcours&^s.Parcours == 0 &&
		r.Ald&^s.Ald == 0 && r.Rembourse&^s.Rembourse == 0 && r.Verres&^s.Verres == 0 &&
		r.Sejour&^s.Sejour == 0 && r.Etranger&^s.Etranger == 0
}

// Equal reports whether r and s hold for the same claims.
func (r Region) Equal(s Region) bool { return r.SubsetOf(s) && s.SubsetOf(r) }

// Key returns a text that two regions share exactly when they are Equal
// and not empty, for grouping rules by their conditions in a map.
func (r Region) Key() string {
	b := make([]byte, 0, 32)
	for _, set := range []IntSet{r.Age, r.Anciennete} {
		for _, iv := range set {
			b = strconv.AppendInt(b, int64(iv.Lo), 10)
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(iv.Hi), 10)
			b = append(b, ' ')
		}
		b = append(b, '|')
	}
	return string(append(b, byte(r.Reseau), r.optamSecteur(), byte(r.Parcours),
		byte(r.Ald), byte(r.Rembourse), byte(r.Verres), byte(r.Sejour), byte(r.Etranger)))
}

// UsesAnciennete reports whether a condition was written on seniority.
func (r Region) UsesAnciennete() bool { return r.NeedsAnciennete }

// Point is the part of a claim that conditions look at.
type Point struct {
	Age        int // whole years; meaningful only when HasAge
	HasAge     bool
	Anciennete int // whole years; meaningful only when HasAnciennete
	HasAnc     bool
	Reseau     bool
	Optam      bool
	Parcours   bool
	Secteur    int // 0 when not given
	Ald        bool
	Rembourse  bool       // the claim's base is above 0
	Verres     Verres     // NoVerres when not given
	Sejour     TypeSejour // NoSejour when not given
	Etranger   bool       // care abroad
}

// Match reports whether the claim point satisfies the region. A region
// that needs the age (or seniority) does not match a point without it;
// callers reject such lines before asking (LANGUAGE.md §3 step 2).
func (r Region) Match(p Point) bool {
	if r.NeedsAge && !p.HasAge || r.NeedsAnciennete && !p.HasAnc {
		return false
	}
	if r.NeedsAge && !r.Age.Contains(p.Age) || r.NeedsAnciennete && !r.Anciennete.Contains(p.Anciennete) {
		return false
	}
	return r.MatchOthers(p)
}

// MatchOthers reports whether every condition except those on the age
// and the seniority holds: used to decide that a line lacking a birth or
// adhesion date must be rejected because the rule could apply.
func (r Region) MatchOthers(p Point) bool {
	return r.Reseau.Has(p.Reseau) && r.Optam.Has(p.Optam) && r.Parcours.Has(p.Parcours) && r.Secteur.Has(p.Secteur) &&
		r.Ald.Has(p.Ald) && r.Rembourse.Has(p.Rembourse) && r.Verres.Has(p.Verres) && r.Sejour.Has(p.Sejour) && r.Etranger.Has(p.Etranger)
}
