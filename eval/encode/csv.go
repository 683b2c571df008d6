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
		b = strconv.AppendInt(b, int64(r.Line), 10)
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
			b = v.Append(b)
		}
		for _, k := range r.Couches {
			b = append(b, ',')
			b = k.RC.Append(b)
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
	quote := false
	for i := 0; i < len(s); i++ {
		quote = quote || csvSpecial[s[i]]
	}
	if !quote {
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

// csvSpecial marks the bytes that make a CSV field quoted.
var csvSpecial = [256]bool{',': true, '"': true, '\n': true, '\r': true, ';': true}

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
