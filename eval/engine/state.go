package engine

import (
	"garantie/eval/date"
	"garantie/eval/money"
	"garantie/regles"
)

// familyState is the evaluation state of one family: its members and the
// envelopes they share ("par famille"). Its size grows with the number of
// beneficiaries and envelopes, never with the number of claim lines.
type familyState struct {
	members []beneficiaryState
	shared  []envelope
}

// beneficiaryState is the state of one beneficiary: the envelopes and
// counters of the rules that paid for them, and the RO deductions withheld.
type beneficiaryState struct {
	own []envelope
	ded deductionState
}

// location is where a worker keeps a beneficiary's state: indexes of the
// family in worker.families and of the member in it, plus one (the zero
// location is unknown).
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
	}
}

// yearly returns the yearly total that kind counts toward.
func (s *deductionState) yearly(kind regles.Deduction) *money.Cents {
	if kind == regles.ParticipationForfaitaire {
		return &s.pfAn
	}
	return &s.franchisesAn
}

// add records amount withheld under kind on date.
func (s *deductionState) add(kind regles.Deduction, date date.Day, amount money.Cents) {
	if kind <= regles.NoDeduction || int(kind) >= len(s.jour) || amount <= 0 {
		return
	}
	s.roll(date)
	s.jour[kind] += amount
	*s.yearly(kind) += amount
}
