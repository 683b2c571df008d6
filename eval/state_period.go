package eval

import "garantie/dsl/check"

// period returns the period of p that contains date, and what e (the
// envelope's state, nil if never charged) has used in it. A glissant window
// that is not open at date would open at date on a positive charge.
// Annee contrat periods run between anniversaries of adh, or of the
// envelope's anchor once it has been charged.
func period(p check.Period, date, adh Day, e *envelope) (start, end Day, used int64) {
	switch p.Kind {
	case check.Glissant:
		if e != nil && date >= e.start && date < e.end {
			return e.start, e.end, e.used
		}
		return date, date.AddMonths(p.Months), 0
	case check.AnneeContrat:
		if e != nil {
			adh = e.anchor
		}
		n := YearsBetween(adh, date)
		start, end = anniversary(adh, n), anniversary(adh, n+1)
	default:
		y, _, _ := date.Civil()
		start, end = DayOf(y, 1, 1), DayOf(y+1, 1, 1)
	}
	if e != nil && e.start == start && e.end == end {
		used = e.used
	}
	return start, end, used
}

// anniversary returns the n-th anniversary of d (n may be negative); a
// 29 February falls on 28 February in other years, as in YearsBetween.
func anniversary(d Day, n int) Day {
	y, m, dd := d.Civil()
	y += n
	return DayOf(y, m, min(dd, DaysIn(y, m)))
}

// after returns d plus a carence duration.
func after(d Day, dur check.Duration) Day {
	return d.AddMonths(dur.Months) + Day(dur.Days)
}
