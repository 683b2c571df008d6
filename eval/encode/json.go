package encode

import (
	"io"
	"strconv"
	"unicode/utf8"

	"garantie/eval/engine"
	"garantie/eval/money"
)

// jsonWriter writes one JSON object per claim line (LANGUAGE.md §5):
// jsonl writes them one per line; json wraps them in
// {"resultats":[…],"totaux":{…}}.
type jsonWriter struct {
	w       io.Writer
	t       *Totals
	explain bool
	wrapped bool
	started bool
	buf     []byte
}

// Totals returns the sums of the results written so far.
func (j *jsonWriter) Totals() Totals { return j.t.clone() }

// Write writes a batch of results, in input order.
func (j *jsonWriter) Write(rs []engine.Result) error {
	b := j.buf[:0]
	if j.wrapped && !j.started {
		b = append(b, "{\"resultats\":[\n"...)
	}
	for i := range rs {
		r := &rs[i]
		j.t.add(r)
		if j.wrapped && j.started {
			b = append(b, ",\n"...)
		}
		j.started = true
		b = appendResultJSON(b, r, j.explain)
		if !j.wrapped {
			b = append(b, '\n')
		}
		if len(b) > 1<<20 {
			if _, err := j.w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	j.buf = b
	_, err := j.w.Write(b)
	return err
}

// Finish writes what comes after the last result.
func (j *jsonWriter) Finish() error {
	if !j.wrapped {
		return nil
	}
	var b []byte
	if !j.started {
		b = append(b, "{\"resultats\":["...)
	}
	t := j.t
	b = append(b, "\n],\n\"totaux\":{\"lignes\":"...)
	b = strconv.AppendInt(b, int64(t.Lines), 10)
	b = append(b, ",\"rejetees\":"...)
	b = strconv.AppendInt(b, int64(t.Rejected), 10)
	b = appendMoneyField(b, "frais", t.Frais)
	b = appendMoneyField(b, "ro_brut", t.ROBrut)
	b = appendMoneyField(b, "pf", t.PF)
	b = appendMoneyField(b, "ro", t.RO)
	b = appendMoneyField(b, "rc", t.RC)
	b = append(b, ",\"couches\":["...)
	for k, c := range t.Couches {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendMoney(b, c)
	}
	b = append(b, ']')
	b = appendMoneyField(b, "reste", t.Reste)
	b = append(b, "}}\n"...)
	_, err := j.w.Write(b)
	return err
}

// appendResultJSON appends the JSON object of one result. A rejected line
// is {"id":…,"ligne":…,"erreur":…,"code":…}.
func appendResultJSON(b []byte, r *engine.Result, explain bool) []byte {
	b = append(b, '{')
	if r.ID != "" {
		b = append(b, "\"id\":"...)
		b = appendJSONString(b, r.ID)
		b = append(b, ',')
	}
	b = append(b, "\"ligne\":"...)
	b = strconv.AppendInt(b, int64(r.Line), 10)
	if r.Err != nil {
		b = append(b, ",\"erreur\":"...)
		b = appendJSONString(b, r.Err.Message)
		b = append(b, ",\"code\":\""...)
		b = append(b, r.Err.Code.String()...)
		return append(b, '"', '}')
	}
	b = append(b, ",\"assure\":"...)
	b = appendJSONString(b, r.Assure)
	b = append(b, ",\"date\":\""...)
	b = r.Date.Append(b)
	b = append(b, "\",\"poste\":"...)
	b = appendJSONString(b, r.Poste)
	b = appendMoneyField(b, "frais", r.Frais)
	b = appendMoneyField(b, "ro_brut", r.ROBrut)
	b = appendMoneyField(b, "pf", r.PF)
	b = appendMoneyField(b, "ro", r.RONet)
	b = appendMoneyField(b, "rc", r.RC)
	b = append(b, ",\"couches\":["...)
	for k, c := range r.Couches {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendMoney(b, c.RC)
	}
	b = append(b, ']')
	b = appendMoneyField(b, "reste", r.Reste)
	b = append(b, ",\"regle\":"...)
	b = appendRuleJSON(b, r.Couches[0].Regle)
	if len(r.Couches) > 1 {
		b = append(b, ",\"regles\":["...)
		for k, c := range r.Couches {
			if k > 0 {
				b = append(b, ',')
			}
			b = appendRuleJSON(b, c.Regle)
		}
		b = append(b, ']')
	}
	if m := r.Couches[0].Motif; m != engine.MotifNone {
		b = append(b, ",\"motif\":"...)
		b = appendJSONString(b, m.String())
	}
	if explain {
		b = append(b, ",\"explication\":["...)
		for k, l := range r.Trace {
			if k > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, l)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendRuleJSON(b []byte, rule string) []byte {
	if rule == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, rule)
}

func appendMoneyField(b []byte, name string, c money.Cents) []byte {
	b = append(b, ",\""...)
	b = append(b, name...)
	b = append(b, "\":"...)
	return appendMoney(b, c)
}

// appendMoney appends an amount as a JSON string with two decimals.
func appendMoney(b []byte, c money.Cents) []byte {
	b = append(b, '"')
	b = c.Append(b)
	return append(b, '"')
}

// appendJSONString appends s as a JSON string literal.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
			i++
		case c < 0x20:
			switch c {
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
	}
	return append(b, '"')
}
