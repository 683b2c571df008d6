package engine

import (
	"encoding/binary"
	"errors"

	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
)

// The external sort of Stream writes claims and results to temporary
// files in this compact binary form. Only a claim the reader accepted is
// encoded (Err is not); every field of Result is. TestCodecRoundTrip
// fills every field by reflection, so a field added to either type and
// forgotten here fails it.

var errCorrupt = errors.New("eval: corrupt temporary record")

// appendClaim appends the encoding of c, whose Err must be nil.
func appendClaim(b []byte, c *claims.Claim) []byte {
	b = binary.AppendUvarint(b, uint64(c.Line))
	b = binary.AppendUvarint(b, uint64(c.Index))
	b = appendString(b, c.ID)
	b = appendString(b, c.Assure)
	b = appendString(b, c.Famille)
	b = binary.AppendVarint(b, int64(c.Date))
	b = appendString(b, c.Poste)
	b = binary.AppendVarint(b, int64(c.Frais))
	b = binary.AppendVarint(b, int64(c.Base))
	b = binary.AppendVarint(b, int64(c.Taux))
	b = binary.AppendVarint(b, int64(c.RO))
	b = binary.AppendVarint(b, int64(c.PF))
	b = binary.AppendVarint(b, c.Quantite)
	b = binary.AppendVarint(b, int64(c.Naissance))
	b = binary.AppendVarint(b, int64(c.Adhesion))
	var flags uint16
	for i, set := range []bool{c.HasTaux, c.HasRO, c.HasPF, c.HasNaiss, c.HasAdh, c.Reseau, c.Optam, c.Parcours, c.ALD, c.Etranger} {
		if set {
			flags |= 1 << i
		}
	}
	b = binary.AppendUvarint(b, uint64(flags))
	b = appendString(b, c.Professionnel)
	b = appendString(b, c.Equipement)
	b = appendString(b, c.Sejour)
	b = binary.AppendVarint(b, int64(c.Participation))
	return append(b, byte(c.Secteur), byte(c.Regime), byte(c.Verres), byte(c.TypeSejour))
}

// decoder reads the fields of a record in order; the first problem is
// kept in err.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err, d.b = errCorrupt, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err, d.b = errCorrupt, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.err = errCorrupt
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

// string returns the next string; same reuses prev when it has the same
// bytes, which spares an allocation for the fields repeated from line to
// line.
func (d *decoder) string(prev string) string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err, d.b = errCorrupt, nil
		return ""
	}
	s := d.b[:n]
	d.b = d.b[n:]
	if string(s) == prev {
		return prev
	}
	return string(s)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// readClaim decodes a claim encoded by appendClaim into c. The strings
// of c are reused when equal.
func readClaim(b []byte, c *claims.Claim) ([]byte, error) {
	d := decoder{b: b}
	c.Line = int(d.uvarint())
	c.Index = int(d.uvarint())
	c.ID = d.string("")
	c.Assure = d.string(c.Assure)
	c.Famille = d.string(c.Famille)
	c.Date = date.Day(d.varint())
	c.Poste = d.string(c.Poste)
	c.Frais = money.Cents(d.varint())
	c.Base = money.Cents(d.varint())
	c.Taux = int32(d.varint())
	c.RO = money.Cents(d.varint())
	c.PF = money.Cents(d.varint())
	c.Quantite = d.varint()
	c.Naissance = date.Day(d.varint())
	c.Adhesion = date.Day(d.varint())
	flags := d.uvarint()
	for i, f := range []*bool{&c.HasTaux, &c.HasRO, &c.HasPF, &c.HasNaiss, &c.HasAdh, &c.Reseau, &c.Optam, &c.Parcours, &c.ALD, &c.Etranger} {
		*f = flags&(1<<i) != 0
	}
	c.Professionnel = d.string(c.Professionnel)
	c.Equipement = d.string(c.Equipement)
	c.Sejour = d.string(c.Sejour)
	c.Participation = money.Cents(d.varint())
	c.Secteur = int8(d.byte())
	c.Regime = claims.Regime(d.byte())
	c.Verres = claims.Verres(d.byte())
	c.TypeSejour = claims.TypeSejour(d.byte())
	c.Err = nil
	return d.b, d.err
}

// appendResult appends the encoding of r.
func appendResult(b []byte, r *Result) []byte {
	b = binary.AppendUvarint(b, uint64(r.Line))
	b = appendString(b, r.ID)
	b = appendString(b, r.Assure)
	b = binary.AppendVarint(b, int64(r.Date))
	b = appendString(b, r.Poste)
	b = binary.AppendVarint(b, int64(r.Frais))
	if r.Err == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1, byte(r.Err.Code))
		b = appendString(b, r.Err.Message)
	}
	for _, v := range []money.Cents{r.ROBrut, r.PF, r.Participation, r.RONet, r.RC, r.Reste} {
		b = binary.AppendVarint(b, int64(v))
	}
	b = binary.AppendUvarint(b, uint64(len(r.Couches)))
	for _, c := range r.Couches {
		b = binary.AppendVarint(b, int64(c.RC))
		b = appendString(b, c.Regle)
		b = append(b, byte(c.Motif))
	}
	b = binary.AppendUvarint(b, uint64(len(r.Trace)))
	for _, s := range r.Trace {
		b = appendString(b, s)
	}
	return b
}

// readResult decodes a result encoded by appendResult into r, reusing
// its Couches.
func readResult(b []byte, r *Result) ([]byte, error) {
	d := decoder{b: b}
	r.Line = int(d.uvarint())
	r.ID = d.string("")
	r.Assure = d.string(r.Assure)
	r.Date = date.Day(d.varint())
	r.Poste = d.string(r.Poste)
	r.Frais = money.Cents(d.varint())
	r.Err = nil
	if d.byte() == 1 {
		code := RejectCode(d.byte())
		r.Err = rejection(code, d.string(""))
	}
	for _, v := range []*money.Cents{&r.ROBrut, &r.PF, &r.Participation, &r.RONet, &r.RC, &r.Reste} {
		*v = money.Cents(d.varint())
	}
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		return nil, errCorrupt
	}
	// The rule and motif of the result this one reuses are often the
	// same: their strings are kept.
	prev := r.Couches[:cap(r.Couches)]
	r.Couches = r.Couches[:0]
	for k := range int(n) {
		var c, p Couche
		if k < len(prev) {
			p = prev[k]
		}
		c.RC = money.Cents(d.varint())
		c.Regle = d.string(p.Regle)
		c.Motif = Motif(d.byte())
		r.Couches = append(r.Couches, c)
	}
	n = d.uvarint()
	if n > uint64(len(d.b)) {
		return nil, errCorrupt
	}
	r.Trace = nil
	for range n {
		r.Trace = append(r.Trace, d.string(""))
	}
	return d.b, d.err
}
