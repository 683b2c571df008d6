package engine

import (
	"slices"
	"strings"

	"garantie/eval/date"
	"garantie/eval/money"
)

// Equipments (LANGUAGE.md §3 step 4, claim column equipement): the lines of
// one optical equipment or hearing-aid purchase share an id. A "max N
// equipement" counter counts distinct ids, and the law's classe B ceiling
// adds up what was paid on one equipment. A line without an id is an
// equipment of its own. The state kept per beneficiary is bounded: a
// counter remembers the ids of its current period only, and the classe B
// totals are forgotten a year after the equipment's first line.

// equipSeen is the set of equipment ids a counter has counted in its
// current period [start, end).
type equipSeen struct {
	counter    int32
	start, end date.Day
	ids        []string
}

// equipPaid is what all layers paid on one classe B equipment: in all,
// and on its frame.
type equipPaid struct {
	id        string
	first     date.Day // the date of its first line
	rc, frame money.Cents
}

// equipKeep is how long the classe B totals of an equipment are kept
// after its first line: its lines are bought together.
const equipKeep = 366

// counted reports whether the equipment id was counted by counter in the
// period [start, end).
func counted(seen []equipSeen, counter int32, start, end date.Day, id string) bool {
	for i := range seen {
		if s := &seen[i]; s.counter == counter && s.start == start && s.end == end {
			return slices.Contains(s.ids, id)
		}
	}
	return false
}

// count records that counter counted equipment id in the period [start,
// end), forgetting the ids of an earlier period. The id is copied: the
// claim's text lives in a shared block.
func count(seen *[]equipSeen, counter int32, start, end date.Day, id string) {
	for i := range *seen {
		s := &(*seen)[i]
		if s.counter != counter {
			continue
		}
		if s.start != start || s.end != end {
			s.start, s.end, s.ids = start, end, s.ids[:0]
		}
		s.ids = append(s.ids, strings.Clone(id))
		return
	}
	*seen = append(*seen, equipSeen{counter: counter, start: start, end: end, ids: []string{strings.Clone(id)}})
}

// paidOn returns what was paid on equipment id of a beneficiary whose
// line is dated day, dropping the totals of equipments bought more than
// equipKeep days before.
func paidOn(list *[]equipPaid, id string, day date.Day) equipPaid {
	*list = slices.DeleteFunc(*list, func(e equipPaid) bool { return day-e.first >= equipKeep })
	for _, e := range *list {
		if e.id == id {
			return e
		}
	}
	return equipPaid{}
}

// addPaid adds rc (frame when the line is a frame) to equipment id.
func addPaid(list *[]equipPaid, id string, day date.Day, rc money.Cents, frame bool) {
	i := slices.IndexFunc(*list, func(e equipPaid) bool { return e.id == id })
	if i < 0 {
		*list = append(*list, equipPaid{id: strings.Clone(id), first: day})
		i = len(*list) - 1
	}
	e := &(*list)[i]
	e.rc += rc
	if frame {
		e.frame += rc
	}
}
