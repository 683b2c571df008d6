package claims

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"unicode/utf8"
	"unsafe"
)

const (
	// internSlots is the size of a parser's cache of text values.
	internSlots = 4096
	// arenaChunk is the size of the blocks of memory that hold the text
	// values of claims: one allocation for about a thousand lines, rather
	// than one per value.
	arenaChunk = 32 << 10
)

// internSlot is a cached text value: the n bytes at offset off of the
// arena block numbered gen, valid while that block is the parser's. It
// holds no pointer, so that the cache keeps no old block alive.
type internSlot struct {
	off, n, gen uint32
}

// parser decodes the records of blocks into claims. It is not safe for
// concurrent use: each goroutine parsing blocks has its own.
type parser struct {
	sep     byte
	cols    []column
	idCol   int     // position of the id column in a record
	named   int     // number of columns before the header's trailing unnamed ones
	fs      []field // fields of the current record
	scratch []byte  // the current field with its "" pairs undone
	// strs caches the recent assure, famille, poste, professionnel and sejour values by hash, so
	// that equal values share one string without the cost of a map.
	strs [internSlots]internSlot
	seed maphash.Seed
	// arena holds the text values of claims; its bytes are never written
	// again once a string refers to them. gen counts its blocks: the
	// cache only serves values of the current block, so that it never
	// keeps an old block alive.
	arena []byte
	gen   uint32
	// interned measures, per column, how often the cache holds a value
	// (see intern).
	interned [numColumns]internStat
	// unterminated is the position of the field whose quote is not
	// closed in the current record, -1 if none.
	unterminated int
}

func newParser(sep byte, cols []column) *parser {
	p := &parser{sep: sep, cols: cols, seed: maphash.MakeSeed()}
	for i, c := range cols {
		if c == colID {
			p.idCol = i
		}
		if c != colNone {
			p.named = i + 1
		}
	}
	return p
}

// internStat is how the cache served the values of one column in the
// current block: looked up, found. off is true while the column skips
// the cache, for a block after one where it found few values.
type internStat struct {
	looked, found, skipped uint32
	off                    bool
}

// internSample is how often a column that skips the cache still looks a
// value up in it, so that the hit rate of the next block is known.
const internSample = 32

// parse appends the claims of the records of b to dst. The first byte of b
// is on line `line`; the first record of b gets the index `index`. parse
// returns the claims and the number of line breaks of b.
func (p *parser) parse(dst []Claim, b []byte, line, index int) ([]Claim, int) {
	first := line
	p.adaptInterning()
	for i := 0; i < len(b); {
		j := i
		for j < len(b) && isSpace(b[j]) {
			j++
		}
		if j == len(b) {
			break
		}
		if b[j] == '\n' {
			i = j + 1
			line++
			continue
		}
		var breaks int
		var ended bool
		start := i
		dst = append(dst, Claim{Line: line, Index: index})
		c := &dst[len(dst)-1]
		if next, end, ok := p.decodePlain(c, b, i); ok {
			i, ended = next, end
			index++
			if ended {
				line++
			}
			continue
		}
		*c = Claim{Line: line, Index: index}
		p.fs, i, breaks, ended = splitRecordAt(b, i, p.sep, p.fs[:0], true)
		p.decode(c)
		switch {
		case breaks > 0:
			c.Err = p.spanError(b[start:i], start, line, breaks)
		case i-start > maxRecord:
			c.Err = fmt.Errorf("the line is %d bytes long, more than the %d KiB a claims line may have", len(bytes.TrimRight(b[start:i], "\r\n")), maxRecord>>10)
			if len(c.ID) > 100 {
				c.ID = "" // not echoed into the results
			}
		case c.Err != nil && p.unterminated >= 0:
			c.Err = fmt.Errorf("%s: the quote opened at column %d is never closed (a stray quote?)",
				p.fieldName(p.unterminated), columnOf(b[start:p.fs[p.unterminated].quote]))
		}
		index++
		line += breaks
		if ended {
			line++
		}
	}
	return dst, line - first
}

// decode fills c from the fields of the current record. The first problem
// found becomes c.Err: quoting, then the number of fields, then the
// values, the id first and the others in file order, then the checks
// across columns.
func (p *parser) decode(c *Claim) {
	c.Quantite, c.Parcours = 1, true
	p.unterminated = -1
	for k := range p.fs {
		if f := &p.fs[k]; f.problem != quoteOK {
			p.fail(c, "%s: %s", p.fieldName(k), f.problem)
			if f.problem == quoteUnterminated {
				p.unterminated = k
			}
			break
		}
	}
	if len(p.fs) < p.named || len(p.fs) > len(p.cols) {
		if p.idCol < len(p.fs) && p.fs[p.idCol].problem == quoteOK {
			p.decodeField(c, colID, &p.fs[p.idCol])
		}
		msg := fmt.Sprintf("line has %d fields, header has %d", len(p.fs), len(p.cols))
		if p.sep == ',' && len(p.fs) > len(p.cols) {
			msg += ` (with "," as separator, a decimal comma needs quotes: "12,50")`
		}
		p.fail(c, "%s", msg)
		return
	}
	p.decodeField(c, colID, &p.fs[p.idCol])
	for k := range p.fs {
		switch f := &p.fs[k]; {
		case k >= p.named:
			if len(bytes.TrimSpace(f.val)) > 0 {
				p.fail(c, "%s: %q %v", p.fieldName(k), shorten(f.val), errUnnamed)
			}
		case k != p.idCol:
			p.decodeField(c, p.cols[k], f)
		}
	}
	if c.HasNaiss && c.Err == nil && c.Naissance > c.Date {
		p.fail(c, "naissance: %s is after the date of care %s", c.Naissance, c.Date)
	}
	if c.Optam && c.Secteur == 3 {
		p.fail(c, "optam: an OPTAM doctor is in secteur 1 or 2, never in secteur 3: fix the optam or the secteur column")
	}
}

// spanError is the reason a record spread over several lines is
// rejected. rec is the record, at offset start of its block, starting on
// line line.
func (p *parser) spanError(rec []byte, start, line, breaks int) error {
	e := &SpanError{First: line, Last: line + breaks}
	for k, f := range p.fs {
		if f.quote < start || bytes.IndexByte(f.val, '\n') < 0 {
			continue
		}
		at := rec[:f.quote-start]
		e.Column = p.fieldName(k)
		e.QuoteLine = line + bytes.Count(at, []byte{'\n'})
		if nl := bytes.LastIndexByte(at, '\n'); nl >= 0 {
			at = at[nl+1:]
		}
		e.QuoteCol = columnOf(at)
		e.CloseLine = e.QuoteLine + bytes.Count(f.val, []byte{'\n'})
		break
	}
	return e
}

// columnOf returns the column, counted in characters from 1, of the byte
// that follows the text before it on its line.
func columnOf(before []byte) int { return utf8.RuneCount(before) + 1 }

// fieldName names the k-th field of a record in messages: its column, or
// its position past the header's named columns.
func (p *parser) fieldName(k int) string {
	if k < p.named {
		return p.cols[k].String()
	}
	return fmt.Sprintf("field %d", k+1)
}

// fail makes a problem the reason c is rejected, unless it has one.
func (p *parser) fail(c *Claim, format string, args ...any) {
	if c.Err == nil {
		c.Err = fmt.Errorf(format, args...)
	}
}

// decodeField decodes the value of column col into c.
func (p *parser) decodeField(c *Claim, col column, f *field) {
	v := f.val
	if f.escaped {
		p.scratch = unescape(p.scratch[:0], v)
		v = p.scratch
	}
	if len(v) == 0 {
		if col.required() {
			p.fail(c, "missing %s", col)
		}
		return
	}
	if v[0] == '#' && isExcelError(v) {
		p.fail(c, "%s: %q %v", col, v, errExcelError)
		return
	}
	var err error
	switch col {
	case colID:
		if err = checkText(v); err == nil {
			c.ID = p.text(v)
		}
	case colAssure:
		c.Assure, err = p.intern(col, v)
	case colFamille:
		c.Famille, err = p.intern(col, v)
	case colPoste:
		c.Poste, err = p.intern(col, v)
	case colDate:
		c.Date, err = parseDate(v)
	case colNaissance:
		c.Naissance, err = parseDate(v)
		c.HasNaiss = err == nil
	case colAdhesion:
		c.Adhesion, err = parseDate(v)
		c.HasAdh = err == nil
	case colFrais:
		c.Frais, err = parseAmount(v)
	case colBase:
		c.Base, err = parseAmount(v)
	case colRO:
		c.RO, err = parseAmount(v)
		c.HasRO = err == nil
	case colPF:
		c.PF, err = parseAmount(v)
		c.HasPF = err == nil
	case colTaux:
		c.Taux, err = parseTaux(v)
		c.HasTaux = err == nil
	case colQuantite:
		c.Quantite, err = parseQuantite(v)
	case colReseau:
		c.Reseau, err = parseBool(v)
	case colOptam:
		c.Optam, err = parseBool(v)
	case colParcours:
		c.Parcours, err = parseBool(v)
	case colALD:
		c.ALD, err = parseBool(v)
	case colSecteur:
		c.Secteur, err = parseSecteur(v)
	case colRegime:
		c.Regime, err = parseRegime(v)
	case colProfessionnel:
		c.Professionnel, err = p.intern(col, v)
	case colEquipement:
		if err = checkText(v); err == nil {
			c.Equipement = p.text(v)
		}
	case colVerres:
		c.Verres, err = parseVerres(v)
	case colSejour:
		c.Sejour, err = p.intern(col, v)
	case colTypeSejour:
		c.TypeSejour, err = parseTypeSejour(v)
	case colEtranger:
		c.Etranger, err = parseBool(v)
	case colParticipation:
		c.Participation, err = parseAmount(v)
	}
	if err != nil {
		if h := hint(col, v); h != "" {
			p.fail(c, "%s: %q %v: %s", col, shorten(v), err, h)
		} else {
			p.fail(c, "%s: %q %v", col, shorten(v), err)
		}
	}
}

// adaptInterning decides, for each column, whether the values of the
// next block are looked up in the cache: not when fewer than half of
// those of the last block were found there, as with the ids of
// beneficiaries and families, which have too many distinct values for
// the cache. Hashing them would cost more than copying them.
func (p *parser) adaptInterning() {
	for k := range p.interned {
		st := &p.interned[k]
		if st.looked >= 64 {
			st.off = 2*st.found < st.looked
			st.looked, st.found, st.skipped = 0, 0, 0
		}
	}
}

// intern returns v, a value of column col, as a string: the same string
// as for an equal value seen recently, unless the column skips the cache
// (see adaptInterning).
func (p *parser) intern(col column, v []byte) (string, error) {
	st := &p.interned[col]
	if st.off {
		if st.skipped++; st.skipped%internSample != 0 {
			if err := checkText(v); err != nil {
				return "", err
			}
			return p.text(v), nil
		}
	}
	st.looked++
	slot := &p.strs[maphash.Bytes(p.seed, v)%internSlots]
	if slot.gen == p.gen && int(slot.n) == len(v) && string(p.arena[slot.off:slot.off+slot.n]) == string(v) {
		st.found++
		return unsafe.String(&p.arena[slot.off], len(v)), nil
	}
	if err := checkText(v); err != nil {
		return "", err
	}
	s := p.text(v)
	*slot = internSlot{off: uint32(len(p.arena) - len(v)), n: uint32(len(v)), gen: p.gen}
	return s, nil
}

// text returns a string equal to v, stored in the arena.
func (p *parser) text(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	if len(v) > cap(p.arena)-len(p.arena) {
		p.arena = make([]byte, 0, max(arenaChunk, len(v)))
		p.gen++
	}
	start := len(p.arena)
	p.arena = append(p.arena, v...)
	return unsafe.String(&p.arena[start], len(v))
}

// checkText accepts the value of a text column: valid UTF-8 without
// control characters, such as the line break of a quoted field.
func checkText(v []byte) error {
	ascii := true
	for _, c := range v {
		if c < ' ' || c == 0x7f {
			return errors.New("contains a control character or a line break")
		}
		ascii = ascii && c < utf8.RuneSelf
	}
	if !ascii && !utf8.Valid(v) {
		return errors.New("is not valid UTF-8 text")
	}
	return nil
}

// shorten returns v cut to a length fit for an error message.
func shorten(v []byte) string {
	const limit = 40
	if len(v) <= limit {
		return string(v)
	}
	cut := limit
	for cut > 0 && v[cut]&0xC0 == 0x80 {
		cut--
	}
	return string(v[:cut]) + "…"
}
