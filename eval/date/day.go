// Package date is the calendar arithmetic of the engine: Day, a civil date
// as a number of days, with months, anniversaries and ages computed in the
// proleptic Gregorian calendar without time zones.
package date

import "time"

// Day is a civil date as a number of days since 1970-01-01. Comparing and
// subtracting days is integer arithmetic; calendar operations convert
// through the proleptic Gregorian calendar without time zones.
type Day int32

// DayOf returns the day number of a civil date. The date must be valid.
func DayOf(year, month, day int) Day {
	// Algorithm from Howard Hinnant's days_from_civil.
	y := year
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	m := month
	if m > 2 {
		m -= 3
	} else {
		m += 9
	}
	doy := (153*m+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// Civil returns the year, month and day of d.
func (d Day) Civil() (year, month, day int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		month = mp + 3
	} else {
		month = mp - 9
	}
	if month <= 2 {
		y++
	}
	return y, month, day
}

// Time returns d as a time.Time at midnight UTC, for the APIs of regles.
func (d Day) Time() time.Time {
	y, m, dd := d.Civil()
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// DayFromTime returns the day of t's civil date (t's own location).
func DayFromTime(t time.Time) Day {
	return DayOf(t.Year(), int(t.Month()), t.Day())
}

// String renders d as YYYY-MM-DD.
func (d Day) String() string {
	return string(d.Append(nil))
}

// Append appends the YYYY-MM-DD rendering of d to b.
func (d Day) Append(b []byte) []byte {
	y, m, dd := d.Civil()
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10), '-')
	return append(b, byte('0'+dd/10), byte('0'+dd%10))
}

// DaysIn returns the number of days of a month.
func DaysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// AddMonths adds n months to d, clamping to the last day of the target
// month (2024-01-31 + 1 month = 2024-02-29).
func (d Day) AddMonths(n int) Day {
	y, m, dd := d.Civil()
	total := y*12 + (m - 1) + n
	y, m = total/12, total%12+1
	return DayOf(y, m, min(dd, DaysIn(y, m)))
}

// YearsBetween returns the whole years elapsed from `from` to `to`, with a
// 29 February anniversary counting on 28 February in other years (ages
// and seniority, LANGUAGE.md §3). It is negative when to is before from.
func YearsBetween(from, to Day) int {
	fy, fm, fd := from.Civil()
	ty, tm, td := to.Civil()
	if fm == 2 && fd == 29 && DaysIn(ty, 2) == 28 {
		fd = 28
	}
	n := ty - fy
	if tm < fm || tm == fm && td < fd {
		n--
	}
	return n
}
