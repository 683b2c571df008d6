package refeval

import "errors"

// The RO deductions of 2026 (regles/valeurs.csv), in cents: per unit,
// daily cap (0: none), and the yearly cap (the franchises share one).
var deductions2026 = [5]struct{ unit, jour, an int64 }{
	dPF:          {200, 800, 5000},
	dMedicament:  {100, 0, 5000},
	dParamedical: {100, 400, 5000},
	dTransport:   {400, 800, 5000},
}

const pmss2026 = 400500 // cents

// calc holds the amounts of a line scaled to its covered units.
type calc struct{ frais, base, brut, left int64 }

func newCalc(l *line, brut, covered int64) calc {
	c := calc{frais: l.frais, base: l.base, brut: brut}
	if q := l.quantite; covered < q {
		c.frais = mulDiv(c.frais, covered, q)
		c.base = mulDiv(c.base, covered, q)
		c.brut = mulDiv(c.brut, covered, q)
	}
	c.left = max(0, c.frais-c.brut)
	return c
}

// pct is the percentage part "p% BRSS", RO included, within left.
func (c *calc) pct(p int64) int64 {
	return min(max(0, mulDiv(c.base, p, 100)-c.brut), c.left)
}

// evaluate computes l with the state of its beneficiary b.
func evaluate(l *line, b *ben) error {
	if l.naissance > l.day {
		return errors.New("naissance after the date of care")
	}
	age := yearsBetween(l.naissance, l.day)
	rate, ded := roOf(l)
	if l.taux >= 0 {
		rate = int64(l.taux)
	}
	brut := mulDiv(l.base, rate, 100)
	var pf int64
	if brut > 0 && ded != dNone && age >= 18 {
		d := deductions2026[ded]
		if y := l.day / 10000; b.year != y {
			b.year, b.pfAn, b.franchiseAn = y, 0, 0
		}
		if b.day != l.day {
			b.day, b.jour = l.day, [5]int64{}
		}
		yearly := &b.franchiseAn
		if ded == dPF {
			yearly = &b.pfAn
		}
		due := d.unit * l.quantite
		if d.jour > 0 {
			due = min(due, d.jour-b.jour[ded])
		}
		pf = max(0, min(due, d.an-*yearly))
		pf = min(pf, brut)
		b.jour[ded] += pf
		*yearly += pf
	}
	l.brut, l.pf = brut, pf
	if brut-pf > l.frais {
		return errors.New("RO net above frais")
	}
	all := newCalc(l, brut, l.quantite)
	pctRule := func(regle int16, p int64) {
		l.regle, l.rc = regle, all.pct(p)
	}
	fraisReels := func(regle int16) {
		l.regle, l.rc = regle, all.left
	}
	switch l.code {
	case pHospHonoraires:
		if l.optam {
			pctRule(13, 200)
		} else {
			pctRule(14, 180)
		}
	case pHospSejour:
		pctRule(15, 100)
	case pHospJournalier:
		fraisReels(16)
	case pHospChambre:
		perUnitCounted(l, brut, 17, 5000, 30, &b.chambre)
	case pHospAccompagnant:
		if age < 18 {
			perUnitCounted(l, brut, 18, 2500, 15, &b.accompagnant)
		} else {
			l.motif = mNonCouvert
		}
	case pGeneraliste:
		if l.optam {
			pctRule(21, 150)
		} else {
			pctRule(22, 130)
		}
	case pSpecialiste:
		if l.optam {
			pctRule(23, 200)
		} else {
			pctRule(24, 180)
		}
	case pActesTechniques:
		if l.optam {
			pctRule(25, 150)
		} else {
			pctRule(26, 130)
		}
	case pAuxiliaires, pAnalyses, pPharmacie, pTransport, pMateriel:
		pctRule(29, 100)
	case pImagerie:
		if l.optam {
			pctRule(30, 130)
		} else {
			pctRule(29, 100)
		}
	case pPsychologue:
		l.regle = 31
		start, end, used := civil(&b.psy, l.day)
		covered := min(l.quantite, max(0, 6-used))
		if covered == 0 {
			l.motif = mMaxAtteint
			return nil
		}
		c := newCalc(l, brut, covered)
		p := c.pct(100)
		l.rc = p + min(c.left-p, 2000*covered)
		if l.rc > 0 {
			charge(&b.psy, start, end, covered)
		}
	case pOptique100:
		fraisReels(34)
	case pMonture:
		if age < 16 {
			equipment(l, brut, 37, 8000, 12, &b.montureMax, &b.montureEnfant)
		} else {
			equipment(l, brut, 36, 10000, 24, &b.montureMax, &b.montureAdulte)
		}
	case pVerres:
		if age < 16 {
			equipment(l, brut, 40, 15000, 12, &b.verresMax, &b.verresEnfant)
		} else {
			equipment(l, brut, 39, 20000, 24, &b.verresMax, &b.verresAdulte)
		}
	case pLentilles:
		pctForfaitCivil(l, &all, 41, 100, 10000, &b.lentilles)
	case pChirurgie:
		pctForfaitCivil(l, &all, 42, 0, 25000, &b.chirurgie)
	case pDentSoins:
		pctRule(45, 100)
	case pProthese100:
		fraisReels(46)
	case pProthese:
		pctRule(47, 250)
	case pOrthodontie:
		l.regle = 48
		total := all.pct(200)
		start, end, used := civil(&b.orthodontie, l.day)
		if avail := max(0, 60000-used); total > avail {
			if avail == 0 {
				l.motif = mPlafondAtteint
			}
			total = avail
		}
		l.rc = total
		if total > 0 {
			charge(&b.orthodontie, start, end, total)
		}
	case pImplant:
		if l.day < addMonths(l.adh, 6) {
			l.regle, l.motif = 49, mCarence
			return nil
		}
		perUnitCounted(l, brut, 49, 30000, 2, &b.implant)
	case pAide100:
		fraisReels(52)
	case pAide:
		if age < 20 {
			pctRule(54, 100)
			return nil
		}
		l.regle = 53
		p := all.pct(100)
		start, end, used := glissant(&b.aide, l.day, 48)
		a := min(all.left-p, max(0, 40000-used))
		l.rc = p + a
		if l.rc == 0 && all.left > 0 {
			l.motif = mForfaitEpuise
		}
		if a > 0 {
			charge(&b.aide, start, end, a)
		}
	case pEntretien:
		pctRule(55, 100)
	case pOsteo:
		douce(l, b, 59, 4000, 4, &b.osteo)
	case pChiro:
		douce(l, b, 60, 4000, 4, &b.chiro)
	case pAcupuncture:
		douce(l, b, 61, 3000, 3, &b.acupuncture)
	case pVaccins:
		pctRule(64, 100)
	case pSevrage:
		pctForfaitCivil(l, &all, 65, 0, 5000, &b.sevrage)
	case pNaissance:
		pctForfaitCivil(l, &all, 68, 0, mulDiv(pmss2026, 5, 100), &b.naissance)
	case pCure:
		l.regle, l.motif = 69, mNonCouvert
	default:
		l.motif = mNonCouvert
	}
	return nil
}

// perUnitCounted is "X€ / unit, max N units / annee civile".
func perUnitCounted(l *line, brut int64, regle int16, perUnit, maxUnits int64, counter *env) {
	l.regle = regle
	start, end, used := civil(counter, l.day)
	covered := min(l.quantite, max(0, maxUnits-used))
	if covered == 0 {
		l.motif = mMaxAtteint
		return
	}
	c := newCalc(l, brut, covered)
	l.rc = min(c.left, perUnit*covered)
	if l.rc > 0 {
		charge(counter, start, end, covered)
	}
}

// equipment is "max 1 equipement / 12 mois glissants" with "100% BRSS +
// forfait X€ / N mois glissants".
func equipment(l *line, brut int64, regle int16, forfait int64, months int32, counter, envelope *env) {
	l.regle = regle
	cs, ce, cu := glissant(counter, l.day, 12)
	covered := min(l.quantite, max(0, 1-cu))
	if covered == 0 {
		l.motif = mMaxAtteint
		return
	}
	c := newCalc(l, brut, covered)
	p := c.pct(100)
	fs, fe, fu := glissant(envelope, l.day, months)
	a := min(c.left-p, max(0, forfait-fu))
	l.rc = p + a
	if l.rc == 0 && c.left > 0 {
		l.motif = mForfaitEpuise
	}
	if l.rc > 0 {
		if a > 0 {
			charge(envelope, fs, fe, a)
		}
		charge(counter, cs, ce, covered)
	}
}

// pctForfaitCivil is "p% BRSS + forfait X€ / annee civile" (p may be 0).
func pctForfaitCivil(l *line, c *calc, regle int16, p, forfait int64, envelope *env) {
	l.regle = regle
	var pct int64
	if p > 0 {
		pct = c.pct(p)
	}
	start, end, used := civil(envelope, l.day)
	a := min(c.left-pct, max(0, forfait-used))
	l.rc = pct + a
	if l.rc == 0 && c.left > 0 {
		l.motif = mForfaitEpuise
	}
	if a > 0 {
		charge(envelope, start, end, a)
	}
}

// douce is a médecine douce: "X€ / seance, max N seances / annee civile"
// under the shared "medecine_douce: plafond 150€ / annee civile".
func douce(l *line, b *ben, regle int16, perUnit, maxUnits int64, counter *env) {
	l.regle = regle
	start, end, used := civil(counter, l.day)
	covered := min(l.quantite, max(0, maxUnits-used))
	if covered == 0 {
		l.motif = mMaxAtteint
		return
	}
	c := newCalc(l, l.brut, covered)
	total := min(c.left, perUnit*covered)
	ps, pe, pu := civil(&b.douce, l.day)
	if avail := max(0, 15000-pu); total > avail {
		if avail == 0 {
			l.motif = mPlafondAtteint
		}
		total = avail
	}
	l.rc = total
	if total > 0 {
		charge(&b.douce, ps, pe, total)
		charge(counter, start, end, covered)
	}
}
