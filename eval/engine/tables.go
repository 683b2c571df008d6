package engine

import (
	"fmt"
	"strconv"

	"garantie/dsl/check"
	"garantie/eval/date"
	"garantie/eval/money"
)

// The constructs of real tables (docs/language.md §10): named enveloppes
// shared by rules of any poste, "porte a" raises of an envelope's amount,
// plafonds per unit, "limite FORMULE pendant N mois" and "au-dela
// FORMULE" after a plafond. The participation withheld by the RO is in
// ro.go and layer.go (prev), the conditions in choose.go, "sans RO" in
// plan_select.go.

// raisePlan is a "porte a X si CONDITION" of an envelope.
type raisePlan struct {
	amount amountPlan
	cond   check.Region
	text   string
}

// unitCapPlan is a "plafond X€ / UNIT": at most X × the covered units on
// each line (less the prev with roInclus), with no state.
type unitCapPlan struct {
	cents    money.Cents
	roInclus bool
	text     string
}

// linePlan is a formula paid per line: the terms of "au-dela FORMULE" or
// "limite FORMULE pendant …" (no forfait).
type linePlan struct {
	pct    []pctTerm
	money  []moneyTerm
	text   string
	hasPLV bool
}

// limitePlan is "limite FORMULE pendant N mois|jours".
type limitePlan struct {
	dur     check.Duration
	formula linePlan
	text    string
}

// unitCapRun is what a plafond per unit or a limite did on a line, for
// explanations: the most the rule could pay, and what it took off.
type unitCapRun struct {
	text      string
	room, cut money.Cents
}

// compileEnveloppes compiles the named enveloppes of prog, one envelope
// id each, shared by every term "forfait NAME" of the layer.
func compileEnveloppes(prog *check.Program, file string, nextID *int32) (map[*check.Enveloppe]envelopePlan, error) {
	envs := map[*check.Enveloppe]envelopePlan{}
	newID := func() int32 { id := *nextID; *nextID++; return id }
	for _, e := range prog.Enveloppes {
		text := "forfait " + e.Name
		owner := file + ":" + strconv.Itoa(e.Range.Start.Line)
		env, err := compileEnvelope(e.Amount, e.Period, e.ParFamille, e.ROInclus, text, owner, newID)
		if err != nil {
			return nil, fmt.Errorf("enveloppe %s: %w", e.Name, err)
		}
		if env.raises, err = compileRaises(e.Raises, text); err != nil {
			return nil, err
		}
		envs[e] = env
	}
	return envs, nil
}

// compileRaises compiles the "porte a" clauses of an envelope.
func compileRaises(rs []check.Raise, text string) ([]raisePlan, error) {
	var out []raisePlan
	for _, r := range rs {
		a, err := compileAmount(r.Amount)
		if err != nil {
			return nil, fmt.Errorf("%s: porte a: %w", text, err)
		}
		out = append(out, raisePlan{amount: a, cond: r.Cond, text: text})
	}
	return out, nil
}

// compileUnitCap compiles "plafond X€ / UNIT".
func compileUnitCap(lim check.Limit, text string) (unitCapPlan, error) {
	if lim.Amount.IsPMSS {
		return unitCapPlan{}, fmt.Errorf("%s: a plafond per unit is in euros", text)
	}
	c, err := money.CentsOf(lim.Amount.Euros)
	if err != nil {
		return unitCapPlan{}, fmt.Errorf("%s: %w", text, err)
	}
	return unitCapPlan{cents: c, roInclus: lim.ROInclus, text: text}, nil
}

// compileLimite compiles "limite FORMULE pendant N mois|jours".
func compileLimite(lim check.Limit, text string) (limitePlan, error) {
	if lim.Duration.Months < 0 || lim.Duration.Days < 0 {
		return limitePlan{}, fmt.Errorf("%s: negative duration", text)
	}
	f, err := compileLine(lim.Terms, text)
	return limitePlan{dur: lim.Duration, formula: f, text: text}, err
}

// compileLine compiles a formula paid per line.
func compileLine(ts []check.Term, text string) (linePlan, error) {
	f := linePlan{text: text}
	for _, t := range ts {
		tt := termText(t)
		switch t.Kind {
		case check.PercentBRSS, check.PercentTM, check.PercentFR, check.PercentPLV:
			rt, err := money.PercentRate(t.Percent)
			if err != nil {
				return f, fmt.Errorf("%s: %w", tt, err)
			}
			f.pct = append(f.pct, pctTerm{kind: t.Kind, rate: rt, text: tt})
			f.hasPLV = f.hasPLV || t.Kind == check.PercentPLV
		case check.FraisReels:
			f.money = append(f.money, moneyTerm{kind: t.Kind, text: tt})
		case check.PerUnit:
			a, err := compileAmount(t.Amount)
			if err != nil {
				return f, fmt.Errorf("%s: %w", tt, err)
			}
			f.money = append(f.money, moneyTerm{kind: t.Kind, perUnit: a, text: tt})
		default:
			return f, fmt.Errorf("%s: %s: a formula paid per line has no forfait", text, tt)
		}
	}
	return f, nil
}

// raisedAmount returns the amount of envelope p for a line dated day of a
// beneficiary who joined on adh: that of the last "porte a" whose
// conditions (age, seniority) hold, else the written one.
func (w *worker) raisedAmount(p *envelopePlan, day, adh date.Day) amountPlan {
	a := p.amount
	if len(p.raises) == 0 {
		return a
	}
	pt := check.Point{Age: w.age, HasAge: w.hasAge, Parcours: true}
	if adh != 0 && adh <= day {
		pt.Anciennete, pt.HasAnc = date.YearsBetween(adh, day), true
	}
	for i := range p.raises {
		if p.raises[i].cond.Match(pt) {
			a = p.raises[i].amount
		}
	}
	return a
}

// lineFormula returns what formula f pays on the current line of the
// layer run, with the same prev and left as the rule's own formula (§3
// step 5), without recording anything.
func (w *worker) lineFormula(mode check.Mode, f *linePlan, day date.Day) (money.Cents, *Rejection) {
	t := &w.run
	var bf, tm money.Cents
	for i := range f.pct {
		pt := &f.pct[i]
		of := t.percentOf(pt.kind)
		if pt.kind == check.PercentTM {
			tm = money.AddSat(tm, pt.rate.Of(of))
		} else {
			bf = money.AddSat(bf, pt.rate.Of(of))
		}
	}
	p := bf
	if mode == check.Deduction {
		p = max(0, bf-t.prev)
	}
	p = min(money.AddSat(p, tm), t.left)
	rem, total := t.left-p, p
	for i := range f.money {
		mt := &f.money[i]
		var a money.Cents
		switch mt.kind {
		case check.FraisReels:
			a = rem
		case check.PerUnit:
			per, err := w.e.amountAt(mt.perUnit, day)
			if err != nil {
				return 0, err
			}
			a = min(rem, money.Cents(money.MulDivRound(int64(per), t.covered, 1)))
		}
		rem -= a
		total += a
	}
	return total, nil
}

// applyUnitCaps caps total by each plafond per unit of the applying rules
// (after step 6): at most X × covered units, less the prev with RO
// inclus. Nothing is charged.
func (w *worker) applyUnitCaps(r *rulePlan, total money.Cents, pct *money.Cents) money.Cents {
	t := &w.run
	for _, a := range w.applying {
		for i := range a.unitCaps {
			u := &a.unitCaps[i]
			room := money.Cents(money.MulDivRound(int64(u.cents), t.covered, 1))
			if u.roInclus {
				room = max(0, room-t.prev)
			}
			run := unitCapRun{text: u.text, room: room}
			if total > room {
				run.cut = total - room
				t.cut(run.cut, pct, len(r.money))
				total = room
			}
			t.unitCaps = append(t.unitCaps, run)
		}
	}
	return total
}

// applyLimites caps total, for care dated before adhesion + N, by what
// each "limite FORMULE pendant N" of the applying rules pays on the line.
func (w *worker) applyLimites(r *rulePlan, mode check.Mode, day, adh date.Day, total money.Cents, pct *money.Cents) (money.Cents, *Rejection) {
	t := &w.run
	for _, a := range w.applying {
		for i := range a.limites {
			lp := &a.limites[i]
			if day >= after(adh, lp.dur) {
				continue
			}
			room, err := w.lineFormula(mode, &lp.formula, day)
			if err != nil {
				return 0, err
			}
			run := unitCapRun{text: lp.text + " (care before " + after(adh, lp.dur).String() + ")", room: room}
			if total > room {
				run.cut = total - room
				t.cut(run.cut, pct, len(r.money))
				total = room
			}
			t.unitCaps = append(t.unitCaps, run)
		}
	}
	return total, nil
}

// traceUnitCaps explains the plafonds per unit and the limites.
func (w *worker) traceUnitCaps() {
	for _, u := range w.run.unitCaps {
		if u.cut > 0 {
			w.note("%s: at most %s on this line: %s less", u.text, u.room, u.cut)
		} else {
			w.note("%s: at most %s on this line", u.text, u.room)
		}
	}
}
