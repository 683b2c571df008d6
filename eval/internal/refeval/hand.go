// Package refeval holds two reference evaluators of
// exemples/equilibre.garantie, written by hand for tests and benchmarks
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
	"hash/fnv"
	"io"
	"runtime"
	"strconv"
	"sync"
)

// line is one parsed claim line of the file, with its result.
type line struct {
	id, assure, poste, date []byte // slices of the file
	frais, base             int64  // cents
	taux                    int32  // percent, -1 when empty
	quantite                int64
	day, naissance, adh     int32 // yyyymmdd
	code                    uint8 // poste code
	optam                   bool
	shard                   uint32 // hash of assure

	brut, pf, ro, rc int64
	regle            int32 // line of the contract, 0 none
	motif            string
}

// Hand evaluates the claims file in (a `garantie gen` file, sorted by
// date) and writes the results as `garantie eval --format csv` does. It
// parses the file in place on every core, then evaluates on every core,
// each worker owning the beneficiaries whose hash falls to it, then
// formats the output on every core.
func Hand(in []byte, out io.Writer) error {
	nl := bytes.IndexByte(in, '\n')
	if nl < 0 {
		return errors.New("refeval: no header")
	}
	body := in[nl+1:]
	p := runtime.GOMAXPROCS(0)
	chunks := split(body, p)
	parsed := make([][]line, len(chunks))
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, ch := range chunks {
		wg.Go(func() { parsed[i], errs[i] = parseChunk(ch) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	lines := make([]line, 0, len(body)/64)
	for _, ls := range parsed {
		lines = append(lines, ls...)
	}
	parsed = nil

	for w := range p {
		wg.Go(func() { errs[w] = evaluateShard(lines, uint32(w), uint32(p)) })
	}
	wg.Wait()
	if err := errors.Join(errs[:p]...); err != nil {
		return err
	}

	if _, err := io.WriteString(out, "id,ligne,assure,date,poste,frais,ro_brut,pf,ro,rc,reste,rc_1,regle_1,motif_1,erreur\n"); err != nil {
		return err
	}
	const block = 32768
	nb := (len(lines) + block - 1) / block
	bufs := make([][]byte, nb)
	sem := make(chan struct{}, p)
	for b := range nb {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			lo, hi := b*block, min(len(lines), (b+1)*block)
			buf := make([]byte, 0, (hi-lo)*110)
			for i := lo; i < hi; i++ {
				buf = appendResult(buf, &lines[i], i+2)
			}
			bufs[b] = buf
		})
	}
	wg.Wait()
	for _, b := range bufs {
		if _, err := out.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// split cuts body into n parts at line boundaries.
func split(body []byte, n int) [][]byte {
	var out [][]byte
	for len(body) > 0 {
		cut := len(body) / n
		if n == 1 || cut == 0 {
			out = append(out, body)
			break
		}
		k := bytes.IndexByte(body[cut:], '\n')
		if k < 0 {
			out = append(out, body)
			break
		}
		out = append(out, body[:cut+k+1])
		body = body[cut+k+1:]
		n--
	}
	return out
}

// parseChunk parses the lines of one part of the file.
func parseChunk(b []byte) ([]line, error) {
	ls := make([]line, 0, len(b)/64+1)
	var f [14][]byte
	for len(b) > 0 {
		end := bytes.IndexByte(b, '\n')
		rec := b
		if end >= 0 {
			rec, b = b[:end], b[end+1:]
		} else {
			b = nil
		}
		rec = bytes.TrimSuffix(rec, []byte{'\r'})
		if len(rec) == 0 {
			continue
		}
		n := 0
		for n < 13 {
			k := bytes.IndexByte(rec, ',')
			if k < 0 {
				return nil, fmt.Errorf("refeval: short line %q", rec)
			}
			f[n], rec = rec[:k], rec[k+1:]
			n++
		}
		f[13] = rec
		l := line{id: f[0], assure: f[1], date: f[3], poste: f[4], taux: -1, optam: string(f[12]) == "oui"}
		var err error
		l.day, err = parseDate(f[3])
		if err == nil {
			l.naissance, err = parseDate(f[9])
		}
		if err == nil {
			l.adh, err = parseDate(f[10])
		}
		if err != nil {
			return nil, err
		}
		if l.frais, err = parseCents(f[5]); err != nil {
			return nil, err
		}
		if len(f[6]) > 0 {
			if l.base, err = parseCents(f[6]); err != nil {
				return nil, err
			}
		}
		if len(f[7]) > 0 {
			t, err := strconv.Atoi(string(f[7]))
			if err != nil {
				return nil, err
			}
			l.taux = int32(t)
		}
		q, err := strconv.Atoi(string(f[8]))
		if err != nil {
			return nil, err
		}
		l.quantite = int64(q)
		code, ok := posteCodes[string(f[4])]
		if !ok {
			return nil, fmt.Errorf("refeval: poste %s is not handled", f[4])
		}
		l.code = code
		h := fnv.New32a()
		h.Write(f[1])
		l.shard = h.Sum32()
		ls = append(ls, l)
	}
	return ls, nil
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
func appendResult(b []byte, l *line, ligne int) []byte {
	b = append(b, l.id...)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(ligne), 10)
	b = append(b, ',')
	b = append(b, l.assure...)
	b = append(b, ',')
	b = append(b, l.date...)
	b = append(b, ',')
	b = append(b, l.poste...)
	for _, c := range [...]int64{l.frais, l.brut, l.pf, l.ro, l.rc, l.frais - l.ro - l.rc, l.rc} {
		b = append(b, ',')
		b = appendCents(b, c)
	}
	b = append(b, ',')
	if l.regle > 0 {
		b = append(b, "equilibre.garantie:"...)
		b = strconv.AppendInt(b, int64(l.regle), 10)
	}
	b = append(b, ',')
	b = append(b, l.motif...)
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
