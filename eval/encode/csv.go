package encode

import (
	"io"
	"strconv"

	"garantie/eval/date"
	"garantie/eval/engine"
	"garantie/eval/money"
)

// csvWriter writes one CSV row per claim line: the claim's identity, the
// amounts, then per layer its RC, rule and motif, then the error.
type csvWriter struct {
	w       io.Writer
	t       *Totals
	layers  int
	explain bool
	started bool
	buf     []byte
	// The text of the last date written: files sorted by date give many
	// lines in a row the same date.
	lastDate date.Day
	dateText []byte
}

// Totals returns the sums of the results written so far.
func (c *csvWriter) Totals() Totals { return c.t.clone() }

// Write writes a batch of results, in input order.
func (c *csvWriter) Write(rs []engine.Result) error {
	b := c.buf[:0]
	if !c.started {
		c.started = true
		b = append(b, "id,ligne,assure,date,poste,frais,ro_brut,pf,ro,rc,reste"...)
		for k := 1; k <= c.layers; k++ {
			n := strconv.Itoa(k)
			b = append(b, ",rc_"+n+",regle_"+n+",motif_"+n...)
		}
		b = append(b, ",erreur"...)
		if c.explain {
			b = append(b, ",explication"...)
		}
		b = append(b, '\n')
	}
	for i := range rs {
		r := &rs[i]
		c.t.add(r)
		b = appendCSVField(b, r.ID)
		b = append(b, ',')
		b = appendUint(b, uint64(r.Line))
		b = append(b, ',')
		b = appendCSVField(b, r.Assure)
		b = append(b, ',')
		if r.Date != 0 || r.Err == nil {
			if r.Date != c.lastDate || len(c.dateText) == 0 {
				c.lastDate, c.dateText = r.Date, r.Date.Append(c.dateText[:0])
			}
			b = append(b, c.dateText...)
		}
		b = append(b, ',')
		b = appendCSVField(b, r.Poste)
		if r.Err != nil {
			b = append(b, ",,,,,,"...)
			for range c.layers {
				b = append(b, ",,,"...)
			}
			b = append(b, ',')
			b = appendCSVField(b, r.Err.Message)
			if c.explain {
				b = append(b, ',')
			}
			b = append(b, '\n')
			continue
		}
		for _, v := range [...]money.Cents{r.Frais, r.ROBrut, r.PF, r.RONet, r.RC, r.Reste} {
			b = append(b, ',')
			b = appendCents(b, v)
		}
		for _, k := range r.Couches {
			b = append(b, ',')
			b = appendCents(b, k.RC)
			b = append(b, ',')
			b = appendCSVField(b, k.Regle)
			b = append(b, ',')
			b = appendCSVField(b, k.Motif.String())
		}
		b = append(b, ',')
		if c.explain {
			b = append(b, ',')
			b = appendCSVField(b, joinTrace(r.Trace))
		}
		b = append(b, '\n')
		if len(b) > 1<<20 {
			if _, err := c.w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	c.buf = b
	_, err := c.w.Write(b)
	return err
}

// Finish writes what comes after the last result.
func (c *csvWriter) Finish() error {
	if !c.started {
		return c.Write(nil)
	}
	return nil
}

// appendCSVField appends s, quoted when it holds a separator, a quote or
// a line break.
func appendCSVField(b []byte, s string) []byte {
	var special byte
	for i := 0; i < len(s); i++ {
		special |= csvSpecial[s[i]]
	}
	if special == 0 {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// csvSpecial marks the bytes that make a CSV field quoted with 1: a
// field's bytes are or'ed without a branch.
var csvSpecial = [256]byte{',': 1, '"': 1, '\n': 1, '\r': 1, ';': 1}

func joinTrace(lines []string) string {
	n := 0
	for _, l := range lines {
		n += len(l) + 3
	}
	b := make([]byte, 0, n)
	for i, l := range lines {
		if i > 0 {
			b = append(b, " | "...)
		}
		b = append(b, l...)
	}
	return string(b)
}

// appendCents appends c as money.Cents.Append does.
func appendCents(b []byte, c money.Cents) []byte {
	if c < 0 {
		return c.Append(b)
	}
	u := uint64(c)
	var buf [24]byte
	i := len(buf) - 3
	r := u % 100
	buf[i], buf[i+1], buf[i+2] = '.', digitPairs[2*r], digitPairs[2*r+1]
	return append(b, buf[fillUint(&buf, i, u/100):]...)
}

// appendUint appends the decimal digits of u.
func appendUint(b []byte, u uint64) []byte {
	var buf [24]byte
	return append(b, buf[fillUint(&buf, len(buf), u):]...)
}

// fillUint writes the decimal digits of u in buf, ending just before
// buf[end], and returns the offset of the first.
func fillUint(buf *[24]byte, end int, u uint64) int {
	i := end
	for u >= 100 {
		q := u / 100
		r := u - 100*q
		i -= 2
		buf[i], buf[i+1] = digitPairs[2*r], digitPairs[2*r+1]
		u = q
	}
	if u >= 10 {
		i -= 2
		buf[i], buf[i+1] = digitPairs[2*u], digitPairs[2*u+1]
		return i
	}
	i--
	buf[i] = byte('0' + u)
	return i
}

// digitPairs holds the two digits of each number from 00 to 99.
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"
