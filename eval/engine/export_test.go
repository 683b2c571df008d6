package engine

import (
	"fmt"

	"garantie/dsl/check"
	"garantie/eval/date"
)

// CheckEnvelopes reports the first envelope or counter of s used beyond its
// amount in its period, for property tests.
func CheckEnvelopes(s *Session) error {
	limits := map[int32]func(start date.Day) (int64, string){}
	for _, l := range s.e.layers {
		for _, r := range l.rules {
			for _, t := range r.money {
				if t.kind == check.Forfait {
					limits[t.env.id] = s.envelopeLimit(t.env)
				}
			}
			for _, p := range r.plafonds {
				limits[p.id] = s.envelopeLimit(p)
			}
			for _, m := range r.maxes {
				limits[m.id] = func(date.Day) (int64, string) { return m.count, m.text }
			}
		}
	}
	check := func(who string, list []envelope) error {
		for _, env := range list {
			limit, text := limits[env.id](env.start)
			if env.used < 0 || env.used > limit {
				return fmt.Errorf("%s: %s from %s used %d of %d", who, text, env.start, env.used, limit)
			}
		}
		return nil
	}
	for _, sh := range s.shards {
		if sh.worker == nil {
			continue
		}
		for i := range sh.worker.nFamilies {
			if err := check("family", sh.worker.family(location{family: int32(i + 1)}).shared); err != nil {
				return err
			}
		}
		for i := range sh.worker.nMembers {
			if err := check("beneficiary", sh.worker.member(location{member: int32(i + 1)}).own); err != nil {
				return err
			}
		}
	}
	return nil
}

// envelopeLimit returns the most an envelope may be charged in the period
// from start: its amount, or the greatest of its "porte a" amounts, since
// a line whose raise holds sees the raised amount (tables.go).
func (s *Session) envelopeLimit(p envelopePlan) func(date.Day) (int64, string) {
	return func(start date.Day) (int64, string) {
		c, _ := s.e.amountAt(p.amount, start)
		for _, r := range p.raises {
			if rc, _ := s.e.amountAt(r.amount, start); rc > c {
				c = rc
			}
		}
		return int64(c), p.text
	}
}
