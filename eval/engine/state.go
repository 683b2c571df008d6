package engine

import (
	"strings"

	"garantie/eval/date"
	"garantie/eval/money"
	"garantie/regles"
)

// familyState is the evaluation state of one family: the envelopes its
// members share ("par famille"; the members' own states are in
// worker.members). Its size grows with the number of envelopes, never
// with the number of claim lines.
type familyState struct {
	shared []envelope
	// stays are the keys of the family's recent hospital stays, at most
	// maxStays, the oldest dropped first; lastStay is the last key given.
	stays    []stayEntry
	lastStay date.Day
}

// maxStays bounds the stays a family remembers (docs/language.md §10.2):
// a stay id seen again after maxStays other stays is a new stay.
const maxStays = 32

// stayEntry is the key of one stay of a beneficiary.
type stayEntry struct {
	assure, sejour string
	key            date.Day
}

// stayKey returns the key of the stay of beneficiary assure with id
// sejour, the same for every line of the stay while the family remembers
// it; a line without a stay id is a stay of its own. Keys are distinct
// within the family, so that an envelope per sejour, which holds one
// stay at a time, starts afresh at each new stay.
func (f *familyState) stayKey(assure, sejour string) date.Day {
	if sejour != "" {
		for i := range f.stays {
			if s := &f.stays[i]; s.sejour == sejour && s.assure == assure {
				return s.key
			}
		}
	}
	f.lastStay += 2
	if sejour != "" {
		if len(f.stays) == maxStays {
			f.stays = append(f.stays[:0], f.stays[1:]...)
		}
		// Copies: the claim's strings share the reader's blocks.
		f.stays = append(f.stays, stayEntry{assure: strings.Clone(assure), sejour: strings.Clone(sejour), key: f.lastStay})
	}
	return f.lastStay
}

// beneficiaryState is the state of one beneficiary: the envelopes and
// counters of the rules that paid for them, and the RO deductions withheld.
type beneficiaryState struct {
	own []envelope
	ded deductionState
	// equip is what is kept of the beneficiary's optical equipment, nil
	// until a line names one: most beneficiaries never do, and two slices
	// in every state took 48 bytes a beneficiary.
	equip *equipState
}

// equipState is what is kept of a beneficiary's equipment: seen are the
// equipment ids the "max N equipement" counters counted in their current
// periods; paid what the layers paid on each recent classe B equipment
// (equipment.go).
type equipState struct {
	seen []equipSeen
	paid []equipPaid
}

// equipment returns the beneficiary's equipment state, created on first
// use.
func (b *beneficiaryState) equipment() *equipState {
	if b.equip == nil {
		b.equip = new(equipState)
	}
	return b.equip
}

// seenList returns the equipment counted so far, nil if none.
func (b *beneficiaryState) seenList() []equipSeen {
	if b.equip == nil {
		return nil
	}
	return b.equip.seen
}

// location is where a worker keeps a beneficiary's state: indexes of the
// family in worker.families and of the member in worker.members, plus one
// (the zero location is unknown).
type location struct {
	family, member int32
}

// envelope is the current period of one envelope (cents) or counter
// (units), identified by the dense id the plan gave it.
type envelope struct {
	id         int32
	start, end date.Day // the period [start, end)
	// anchor is the adhesion date that annee contrat periods count from:
	// that of the line that first charged the envelope, so that a
	// par famille envelope follows one sequence of periods even when the
	// members joined on different dates.
	anchor date.Day
	used   int64
}

// find returns the envelope id of list, or nil if it was never charged.
func find(list []envelope, id int32) *envelope {
	for i := range list {
		if list[i].id == id {
			return &list[i]
		}
	}
	return nil
}

// charge adds amount to envelope id for the period [start, end), starting
// the period afresh when it is not the one the envelope holds.
func charge(list *[]envelope, id int32, start, end, anchor date.Day, amount int64) {
	if e := find(*list, id); e != nil {
		if e.start != start || e.end != end {
			e.start, e.end, e.used = start, end, 0
		}
		e.used += amount
		return
	}
	if *list == nil {
		// Most beneficiaries use one or two envelopes (a counter and its
		// forfait or plafond); room for eight took 27 MB at 1M
		// beneficiaries.
		*list = make([]envelope, 0, 2)
	}
	*list = append(*list, envelope{id: id, start: start, end: end, anchor: anchor, used: amount})
}

// deductionState tracks the participation forfaitaire and franchises
// withheld from one beneficiary, for their daily and yearly caps. Claims of
// a beneficiary arrive in date order, so only the current day and the
// current calendar year are kept.
type deductionState struct {
	yearStart, yearEnd date.Day
	pfAn               money.Cents // participation forfaitaire this year
	franchisesAn       money.Cents // all franchises together this year
	day                date.Day
	hasDay             bool
	jour               [regles.FranchiseTransport + 1]money.Cents // by kind, on day
	// profs is the participation forfaitaire withheld on day by each
	// professional, for its daily cap per professional.
	profs []profJour
}

// profJour is the participation forfaitaire withheld on one day for the
// care of one professional ("" until a line of the day names one).
type profJour struct {
	id     string
	amount money.Cents
}

// prof returns the entry of professional id on the current day, nil when
// none. A line without a professional counts as the same professional as
// the beneficiary's other lines of the day: the first one; a line naming
// one joins an entry of lines that named none.
func (s *deductionState) prof(id string) *profJour {
	for i := range s.profs {
		if p := &s.profs[i]; p.id == id || id == "" || p.id == "" {
			return p
		}
	}
	return nil
}

// profUsed returns the participation forfaitaire withheld on the current
// day for professional id.
func (s *deductionState) profUsed(id string) money.Cents {
	if p := s.prof(id); p != nil {
		return p.amount
	}
	return 0
}

// roll moves the state to day, resetting the totals of a past day or year.
func (s *deductionState) roll(day date.Day) {
	if day < s.yearStart || day >= s.yearEnd {
		y, _, _ := day.Civil()
		s.yearStart, s.yearEnd = date.DayOf(y, 1, 1), date.DayOf(y+1, 1, 1)
		s.pfAn, s.franchisesAn = 0, 0
	}
	if !s.hasDay || s.day != day {
		s.day, s.hasDay = day, true
		s.jour = [len(s.jour)]money.Cents{}
		s.profs = s.profs[:0]
	}
}

// yearly returns the yearly total that kind counts toward.
func (s *deductionState) yearly(kind regles.Deduction) *money.Cents {
	if kind == regles.ParticipationForfaitaire {
		return &s.pfAn
	}
	return &s.franchisesAn
}

// add records amount withheld under kind on date for the care of
// professional prof.
func (s *deductionState) add(kind regles.Deduction, date date.Day, prof string, amount money.Cents) {
	if kind <= regles.NoDeduction || int(kind) >= len(s.jour) || amount <= 0 {
		return
	}
	s.roll(date)
	s.jour[kind] += amount
	*s.yearly(kind) += amount
	if kind != regles.ParticipationForfaitaire {
		return
	}
	switch p := s.prof(prof); {
	case p == nil:
		// The id is kept beyond the batch: copy it out of the claim's
		// shared block.
		s.profs = append(s.profs, profJour{id: strings.Clone(prof), amount: amount})
	default:
		if p.id == "" && prof != "" {
			p.id = strings.Clone(prof)
		}
		p.amount += amount
	}
}
