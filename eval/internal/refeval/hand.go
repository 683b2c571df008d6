// Package refeval holds two reference evaluators of
// the Équilibre contract (testdata/equilibre.garantie: exemples/equilibre.garantie
// as it was before the contrat responsable was applied in evaluation), written by hand for tests and benchmarks
// only (issue 10): Hand, honest fast Go with the contract's rules
// hard-coded, and Expr, the rules as expr-lang/expr expressions over
// float64. They read a claims file as written by `garantie gen` (classic
// columns, dates of 2026) and write the same CSV as
// `garantie eval --format csv`. Neither is part of the product.
package refeval

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
)

// line is one parsed claim line of the file, with its result. It holds
// no pointer (texts are offsets into the file), so the collector never
// scans the array of lines.
type line struct {
	idOff, assureOff, dateOff, posteOff uint32 // offsets in the file
	idLen, assureLen, posteLen          uint8
	code                                uint8 // poste code
	optam                               bool
	motif                               uint8
	taux                                int16 // percent, -1 when empty
	regle                               int16 // line of the contract, 0 none
	frais, base                         int64 // cents
	quantite                            int64
	day, naissance, adh                 int32  // yyyymmdd
	shard                               uint32 // hash of assure

	brut, pf, rc int64 // the RO net is brut - pf
}

// The reasons a rule paid nothing, as the engine writes them.
const (
	mNone uint8 = iota
	mNonCouvert
	mCarence
	mMaxAtteint
	mPlafondAtteint
	mForfaitEpuise
)

var motifs = [...]string{"", "non couvert", "carence", "max atteint", "plafond atteint", "forfait épuisé"}

// Hand evaluates the claims file in (a `garantie gen` file, sorted by
// date) and writes the results as `garantie eval --format csv` does. It
// counts the lines of each part of the file, parses the parts in place on
// every core into one array, evaluates on every core (each worker owns the
// beneficiaries whose hash falls to it, and scans the array in order),
// then formats the output on every core, a few blocks at a time.
func Hand(in []byte, out io.Writer) error {
	nl := bytes.IndexByte(in, '\n')
	if nl < 0 {
		return errors.New("refeval: no header")
	}
	p := runtime.GOMAXPROCS(0)
	chunks := split(in, nl+1, p)
	counts := make([]int, len(chunks)+1)
	var wg sync.WaitGroup
	for i, ch := range chunks {
		wg.Go(func() { counts[i+1] = bytes.Count(in[ch[0]:ch[1]], []byte{'\n'}) })
	}
	wg.Wait()
	for i := range chunks {
		counts[i+1] += counts[i]
	}
	lines := make([]line, counts[len(chunks)])
	errs := make([]error, max(p, len(chunks)))
	for i, ch := range chunks {
		wg.Go(func() { errs[i] = parseChunk(in, ch[0], ch[1], lines[counts[i]:counts[i+1]]) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}

	for w := range p {
		wg.Go(func() { errs[w] = evaluateShard(in, lines, uint32(w), uint32(p)) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}

	if _, err := io.WriteString(out, "id,ligne,assure,date,poste,frais,ro_brut,pf,ro,rc,reste,rc_1,regle_1,motif_1,erreur\n"); err != nil {
		return err
	}
	const block = 16384
	bufs := make([][]byte, p)
	for lo := 0; lo < len(lines); lo += block * p {
		for k := range p {
			wg.Go(func() {
				buf := bufs[k][:0]
				for i := lo + k*block; i < min(len(lines), lo+(k+1)*block); i++ {
					buf = appendResult(buf, in, &lines[i], i+2)
				}
				bufs[k] = buf
			})
		}
		wg.Wait()
		for _, b := range bufs {
			if _, err := out.Write(b); err != nil {
				return err
			}
		}
	}
	return nil
}

// split cuts in[from:] into n parts at line boundaries, as offsets.
func split(in []byte, from, n int) [][2]int {
	var out [][2]int
	for from < len(in) {
		cut := from + (len(in)-from)/n
		k := bytes.IndexByte(in[cut:], '\n')
		if n == 1 || k < 0 {
			out = append(out, [2]int{from, len(in)})
			break
		}
		out = append(out, [2]int{from, cut + k + 1})
		from = cut + k + 1
		n--
	}
	return out
}

// parseChunk parses the lines of in[from:to] into ls, one a line.
func parseChunk(in []byte, from, to int, ls []line) error {
	var f [14]int // start of each field
	n := 0
	for pos := from; pos < to; {
		end := pos + bytes.IndexByte(in[pos:to], '\n')
		if end < pos {
			end = to
		}
		rec := in[:end]
		if end > pos && in[end-1] == '\r' {
			rec = in[:end-1]
		}
		k := 0
		f[0] = pos
		for i := pos; i < len(rec) && k < 13; i++ {
			if rec[i] == ',' {
				k++
				f[k] = i + 1
			}
		}
		if k < 13 {
			return fmt.Errorf("refeval: short line %q", rec[pos:])
		}
		field := func(i int) []byte {
			if i == 13 {
				return rec[f[13]:]
			}
			return rec[f[i] : f[i+1]-1]
		}
		l := &ls[n]
		n++
		*l = line{idOff: uint32(f[0]), idLen: uint8(f[1] - 1 - f[0]), assureOff: uint32(f[1]), assureLen: uint8(f[2] - 1 - f[1]),
			dateOff: uint32(f[3]), posteOff: uint32(f[4]), posteLen: uint8(f[5] - 1 - f[4]), taux: -1, optam: string(field(12)) == "oui"}
		var err error
		l.day, err = parseDate(field(3))
		if err == nil {
			l.naissance, err = parseDate(field(9))
		}
		if err == nil {
			l.adh, err = parseDate(field(10))
		}
		if err == nil {
			l.frais, err = parseCents(field(5))
		}
		if err == nil {
			l.base, err = parseCents(field(6))
		}
		if err == nil {
			l.quantite, err = parseInt(field(8))
		}
		if err == nil && len(field(7)) > 0 {
			var t int64
			t, err = parseInt(field(7))
			l.taux = int16(t)
		}
		if err != nil {
			return err
		}
		code, ok := posteCodes[string(field(4))]
		if !ok {
			return fmt.Errorf("refeval: poste %s is not handled", field(4))
		}
		l.code = code
		h := uint32(2166136261) // FNV-1a
		for _, c := range field(1) {
			h = (h ^ uint32(c)) * 16777619
		}
		l.shard = h
		pos = end + 1
	}
	if n != len(ls) {
		return fmt.Errorf("refeval: %d lines, counted %d", n, len(ls))
	}
	return nil
}

// parseInt reads a non-negative whole number.
func parseInt(b []byte) (int64, error) {
	if len(b) == 0 || len(b) > 9 {
		return 0, fmt.Errorf("refeval: bad number %q", b)
	}
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("refeval: bad number %q", b)
		}
		v = v*10 + int64(c-'0')
	}
	return v, nil
}

// parseDate reads YYYY-MM-DD as the number yyyymmdd.
func parseDate(b []byte) (int32, error) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, fmt.Errorf("refeval: bad date %q", b)
	}
	var v int32
	for i, c := range b {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("refeval: bad date %q", b)
		}
		v = v*10 + int32(c-'0')
	}
	return v, nil
}

// parseCents reads an amount with at most two decimals as cents.
func parseCents(b []byte) (int64, error) {
	var v, frac int64
	digits := -1
	for _, c := range b {
		switch {
		case c == '.' && digits < 0:
			digits = 0
		case c >= '0' && c <= '9':
			if digits >= 0 {
				if digits == 2 {
					return 0, fmt.Errorf("refeval: bad amount %q", b)
				}
				frac = frac*10 + int64(c-'0')
				digits++
			} else {
				v = v*10 + int64(c-'0')
			}
		default:
			return 0, fmt.Errorf("refeval: bad amount %q", b)
		}
	}
	for ; digits < 2; digits++ {
		if digits < 0 {
			digits = 0
		}
		frac *= 10
	}
	return v*100 + frac, nil
}

// appendResult appends the output line of l, numbered ligne.
func appendResult(b, in []byte, l *line, ligne int) []byte {
	b = append(b, in[l.idOff:l.idOff+uint32(l.idLen)]...)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(ligne), 10)
	b = append(b, ',')
	b = append(b, in[l.assureOff:l.assureOff+uint32(l.assureLen)]...)
	b = append(b, ',')
	b = append(b, in[l.dateOff:l.dateOff+10]...)
	b = append(b, ',')
	b = append(b, in[l.posteOff:l.posteOff+uint32(l.posteLen)]...)
	for _, c := range [...]int64{l.frais, l.brut, l.pf, l.brut - l.pf, l.rc, l.frais - (l.brut - l.pf) - l.rc, l.rc} {
		b = append(b, ',')
		b = appendCents(b, c)
	}
	b = append(b, ',')
	if l.regle > 0 {
		b = append(b, "equilibre.garantie:"...)
		b = strconv.AppendInt(b, int64(l.regle), 10)
	}
	b = append(b, ',')
	b = append(b, motifs[l.motif]...)
	return append(b, ",\n"...)
}

func appendCents(b []byte, c int64) []byte {
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	return append(b, '.', byte('0'+c%100/10), byte('0'+c%10))
}
