package claims

// The fast path of the parser: most records are plain, their fields
// without quotes, spaces around them, control or non-ASCII characters,
// and their values valid. decodePlain reads such a record in one pass,
// each field parsed where it lies, without cutting the record into
// fields first; on anything else it gives up, and the record goes
// through splitRecordAt and decode, which find and word its problems.

// plainPath turns the fast path on; tests turn it off to compare.
var plainPath = true

// plainTables[s][c] is true when byte c may be part of a plain field with
// separator s (0 for ',', 1 for ';'): printable ASCII other than the
// separator and the double quote.
var plainTables = [2][256]bool{plainTable(','), plainTable(';')}

func plainTable(sep byte) (t [256]bool) {
	for c := ' '; c < 0x7f; c++ {
		t[c] = c != rune(sep) && c != '"'
	}
	return t
}

// decodePlain decodes into c the record that starts at b[i], if it is
// plain, and returns the offset just after it and whether it ended with
// a line break. It returns ok false when the record is not plain, or has
// a value decode would reject: c is then partly written.
func (p *parser) decodePlain(c *Claim, b []byte, i int) (next int, ended, ok bool) {
	if !plainPath || p.named != len(p.cols) {
		return 0, false, false
	}
	plain := &plainTables[0]
	if p.sep == ';' {
		plain = &plainTables[1]
	}
	start := i
	c.Quantite, c.Parcours = 1, true
	last := len(p.cols) - 1
	for k, col := range p.cols {
		j := i
		for j < len(b) && plain[b[j]] {
			j++
		}
		v := b[i:j]
		i = j + 1
		switch {
		case k < last:
			if j == len(b) || b[j] != p.sep {
				return 0, false, false
			}
		case j == len(b) || b[j] == '\n':
		case b[j] == '\r' && j+1 < len(b) && b[j+1] == '\n':
			i++ // a CRLF line end
		default:
			return 0, false, false
		}
		if len(v) == 0 {
			if col.required() {
				return 0, false, false
			}
			continue
		}
		if v[0] == ' ' || v[len(v)-1] == ' ' || v[0] == '#' {
			return 0, false, false
		}
		var err error
		switch col {
		case colID:
			c.ID = p.text(v)
		case colAssure:
			c.Assure, _ = p.intern(col, v) // plain text: no error
		case colFamille:
			c.Famille, _ = p.intern(col, v) // plain text: no error
		case colPoste:
			c.Poste, _ = p.intern(col, v) // plain text: no error
		case colDate:
			c.Date, err = parseDate(v)
		case colNaissance:
			c.Naissance, err = parseDate(v)
			c.HasNaiss = true
		case colAdhesion:
			c.Adhesion, err = parseDate(v)
			c.HasAdh = true
		case colFrais:
			c.Frais, err = parseAmount(v)
		case colBase:
			c.Base, err = parseAmount(v)
		case colRO:
			c.RO, err = parseAmount(v)
			c.HasRO = true
		case colPF:
			c.PF, err = parseAmount(v)
			c.HasPF = true
		case colTaux:
			c.Taux, err = parseTaux(v)
			c.HasTaux = true
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
			c.Professionnel, _ = p.intern(col, v) // plain text: no error
		case colEquipement:
			c.Equipement = p.text(v)
		case colVerres:
			c.Verres, err = parseVerres(v)
		case colSejour:
			c.Sejour, _ = p.intern(col, v) // plain text: no error
		case colTypeSejour:
			c.TypeSejour, err = parseTypeSejour(v)
		case colEtranger:
			c.Etranger, err = parseBool(v)
		case colParticipation:
			c.Participation, err = parseAmount(v)
		default:
			return 0, false, false
		}
		if err != nil {
			return 0, false, false
		}
	}
	if i-start > maxRecord || c.HasNaiss && c.Naissance > c.Date || c.Optam && c.Secteur == 3 {
		return 0, false, false
	}
	if i > len(b) {
		return len(b), false, true
	}
	return i, true, true
}
