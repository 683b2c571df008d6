package engine

import (
	"fmt"

	"garantie/eval/claims"
	"garantie/eval/date"
	"garantie/eval/money"
	"garantie/regles"
)

// roAmounts is what the régime obligatoire paid on a line (LANGUAGE.md §3
// step 1).
type roAmounts struct {
	brut, pf, net money.Cents
	// part is the participation the RO withheld besides pf (the forfait
	// patient urgences, the participation for heavy acts: claim column
	// participation), which contracts may pay.
	part     money.Cents
	kind     regles.Deduction // what pf counts toward
	taux     money.Rate       // the rate applied, when computed
	computed bool             // brut was computed from base and taux
}

// rateKey identifies the legal RO rate of a claim: it depends on the
// poste through its RO family only.
type rateKey struct {
	family regles.ROFamily
	date   date.Day
	flags  uint8 // régime local, hors parcours, ALD
}

// rateValue is a cached legal RO rate, or why there is none.
type rateValue struct {
	taux money.Rate
	err  string
}

// rejection returns a fresh rejection for v's error, nil without one.
func (v *rateValue) rejection() *Rejection {
	if v.err == "" {
		return nil
	}
	return rejection(RejectNoRORate, v.err)
}

// deductionKey identifies a per-unit deduction and its caps.
type deductionKey struct {
	kind regles.Deduction
	date date.Day
}

// deductionValue is a cached deduction amount with its caps, or why there
// is none. A zero jour means no daily cap.
type deductionValue struct {
	unit, jour, an money.Cents
	parProf        bool // the daily cap counts per professional
	err            string
}

// refSlots is the number of entries of the direct-mapped level of a
// refCache, a power of two.
const refSlots = 1024

// refCache memoises the engine's reference data by its inputs, so that a
// claim costs an array lookup instead of decimal arithmetic: a small
// direct-mapped table in front of maps. It is owned by one worker.
type refCache struct {
	ref            regles.Reference
	rateSlots      [refSlots]rateSlot
	deductionSlots [refSlots]deductionSlot
	rates          map[rateKey]rateValue
	deductions     map[deductionKey]deductionValue
}

type rateSlot struct {
	key rateKey
	set bool
	val rateValue
}

type deductionSlot struct {
	key deductionKey
	set bool
	val deductionValue
}

// slot returns the direct-mapped slot of a key.
func slot(date date.Day, a, b int) int {
	h := (uint32(date)*64 + uint32(a)*8 + uint32(b)) * 2654435761
	return int(h >> 22) // the 10 high bits: refSlots entries
}

// rate returns the legal RO rate of a claim on a poste; with parcours, as
// if the care were within the parcours de soins whatever the claim says.
func (rc *refCache) rate(c *claims.Claim, info *posteInfo, parcours bool) (money.Rate, *Rejection) {
	if !info.hasRO {
		return money.NewRate(0, 1), nil
	}
	k := rateKey{family: info.roFamily, date: c.Date}
	if c.Regime == claims.RegimeAlsaceMoselle {
		k.flags |= 1
	}
	horsParcours := !c.Parcours && !parcours
	if horsParcours {
		k.flags |= 2
	}
	if c.ALD {
		k.flags |= 4
	}
	sl := &rc.rateSlots[slot(k.date, int(k.family), int(k.flags))]
	if sl.set && sl.key == k {
		return sl.val.taux, sl.val.rejection()
	}
	v, ok := rc.rates[k]
	if !ok {
		regime := regles.RegimeGeneral
		if c.Regime == claims.RegimeAlsaceMoselle {
			regime = regles.RegimeAlsaceMoselle
		}
		d, err := rc.ref.Taux(regles.RateQuery{Poste: info.roCode, Date: c.Date.Time(), Regime: regime, HorsParcours: horsParcours, ALD: c.ALD})
		if err == nil {
			v.taux, err = money.PercentRate(d)
		}
		if err != nil {
			v.err = err.Error()
		}
		rc.rates[k] = v
	}
	*sl = rateSlot{key: k, set: true, val: v}
	return v.taux, v.rejection()
}

// deduction returns the per-unit amount and caps of kind at date.
func (rc *refCache) deduction(kind regles.Deduction, date date.Day) deductionValue {
	k := deductionKey{kind, date}
	sl := &rc.deductionSlots[slot(date, int(kind), 0)]
	if sl.set && sl.key == k {
		return sl.val
	}
	v, ok := rc.deductions[k]
	if !ok {
		v = loadDeduction(rc.ref, kind, date)
		rc.deductions[k] = v
	}
	*sl = deductionSlot{key: k, set: true, val: v}
	return v
}

func loadDeduction(ref regles.Reference, kind regles.Deduction, date date.Day) deductionValue {
	t := date.Time()
	unit, err := ref.DeductionUnitaire(kind, t)
	if err != nil {
		return deductionValue{err: err.Error()}
	}
	caps, err := ref.Plafonds(kind, t)
	if err != nil {
		return deductionValue{err: err.Error()}
	}
	v := deductionValue{parProf: caps.JourParProfessionnel}
	var errs [3]error
	v.unit, errs[0] = money.CentsOf(unit)
	v.jour, errs[1] = money.CentsOf(caps.Jour)
	v.an, errs[2] = money.CentsOf(caps.An)
	for _, err := range errs {
		if err != nil {
			return deductionValue{err: "regles: deduction of " + kind.String() + ": " + err.Error()}
		}
	}
	return v
}

// computeRO returns the RO amounts of c, or the reason to reject the line.
// It does not record the deduction: the caller does once the line is
// accepted.
func (w *worker) computeRO(c *claims.Claim, poste int32, ben *beneficiaryState) (roAmounts, *Rejection) {
	info := &w.e.postes[poste]
	ro := roAmounts{kind: info.deduction}
	if c.HasRO {
		ro.net, ro.part = c.RO, c.Participation
		if c.HasPF {
			ro.pf = c.PF
		}
		ro.brut = ro.net + ro.pf + ro.part
		return ro, nil
	}
	ro.computed = true
	switch {
	case c.HasTaux:
		ro.taux = money.NewRate(int64(c.Taux), 10000)
	case c.Base == 0:
		// No base, no RO: no rate is needed, and none is looked up.
		ro.taux = money.NewRate(0, 1)
	case info.mixedRate && c.Base > 0:
		return ro, rejection(RejectMixedRORate, fmt.Sprintf("the RO rate of %s depends on the act (its postes have different rates): give taux or ro, or name a finer poste", c.Poste))
	default:
		t, err := w.refs.rate(c, info, false)
		if err != nil {
			return ro, err
		}
		ro.taux = t
	}
	ro.brut = ro.taux.Of(c.Base)
	switch {
	case c.HasPF:
		ro.pf = c.PF
	case ro.brut > 0 && info.deduction != regles.NoDeduction && (!w.hasAge || w.age >= 18):
		pf, err := w.deductionDue(c, info.deduction, ben)
		if err != nil {
			return ro, err
		}
		ro.pf = pf
	}
	ro.pf = min(ro.pf, ro.brut)
	ro.part = min(c.Participation, ro.brut-ro.pf)
	ro.net = ro.brut - ro.pf - ro.part
	return ro, nil
}

// deductionDue returns the participation forfaitaire or franchise withheld
// on c, for an adult (18 or older, or without birth date): the per-unit amount times the quantity, within what the daily and
// yearly caps of the beneficiary have left.
func (w *worker) deductionDue(c *claims.Claim, kind regles.Deduction, ben *beneficiaryState) (money.Cents, *Rejection) {
	v := w.refs.deduction(kind, c.Date)
	if v.err != "" {
		return 0, rejection(RejectNoReference, v.err)
	}
	ded := &ben.ded
	ded.roll(c.Date)
	due := money.Cents(money.MulDivRound(int64(v.unit), c.Quantite, 1))
	switch {
	case v.jour > 0 && v.parProf:
		due = min(due, v.jour-ded.profUsed(c.Professionnel))
	case v.jour > 0:
		due = min(due, v.jour-ded.jour[kind])
	}
	due = min(due, v.an-*ded.yearly(kind))
	return max(due, 0), nil
}
