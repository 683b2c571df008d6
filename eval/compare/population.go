package compare

import (
	"garantie/eval/claims"
	"garantie/eval/date"
)

// Person is what the claims tell of one beneficiary: their family, their
// age and the profile they are counted in.
type Person struct {
	Assure  string
	Famille string // the famille column, or the beneficiary's own id
	// Age is the age in whole years on the date of the beneficiary's
	// first claim in the file; HasAge is false without a birth date.
	Age     int
	HasAge  bool
	Size    int // beneficiaries of the family seen in the claims
	Profile Profile
}

// Population is the beneficiaries of a claims file.
type Population struct {
	people map[string]*Person
	// From and To are the earliest and latest dates of care of the
	// valid lines; Has is false for a file without any.
	From, To date.Day
	Has      bool
}

// Person returns the beneficiary with this id; ok is false for an id no
// valid line names.
func (p *Population) Person(assure string) (Person, bool) {
	if q := p.people[assure]; q != nil {
		return *q, true
	}
	return Person{}, false
}

// Len is the number of beneficiaries.
func (p *Population) Len() int { return len(p.people) }

// NewPopulation reads the beneficiaries of cs: each one's family (the
// famille column, else a family of their own), birth date and first date
// of care; then each family's size and each beneficiary's profile.
// Rejected lines are ignored. The outcome depends only on the set of
// valid lines, not on their order.
func NewPopulation(cs []claims.Claim) *Population {
	p := &Population{people: map[string]*Person{}}
	first := map[string]date.Day{}
	births := map[string]date.Day{}
	for i := range cs {
		c := &cs[i]
		if c.Err != nil {
			continue
		}
		if !p.Has || c.Date < p.From {
			p.From = c.Date
		}
		if !p.Has || c.Date > p.To {
			p.To = c.Date
		}
		p.Has = true
		q := p.people[c.Assure]
		if q == nil {
			fam := c.Famille
			if fam == "" {
				fam = c.Assure
			}
			q = &Person{Assure: c.Assure, Famille: fam}
			p.people[c.Assure] = q
			first[c.Assure] = c.Date
		} else if c.Date < first[c.Assure] {
			first[c.Assure] = c.Date
		}
		if c.HasNaiss {
			births[c.Assure] = c.Naissance
		}
	}
	families := map[string][]*Person{}
	for id, q := range p.people {
		if b, ok := births[id]; ok {
			q.Age, q.HasAge = date.YearsBetween(b, first[id]), true
		}
		families[q.Famille] = append(families[q.Famille], q)
	}
	for _, members := range families {
		profiles := familyProfiles(members)
		for i, q := range members {
			q.Size = len(members)
			q.Profile = profiles[i]
		}
	}
	return p
}
