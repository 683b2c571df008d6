package engine

import (
	"fmt"
	"path"
	"path/filepath"
	"strconv"

	"garantie/dsl/check"
	"garantie/eval/date"
	"garantie/eval/money"
)

// layerPlan is one checked contract (a layer) compiled for evaluation:
// amounts in cents, percentages as exact fractions, envelopes and counters
// numbered densely, and a rule-selection table per poste.
type layerPlan struct {
	name     string // the contract's name, for explanations
	mode     check.Mode
	effet    date.Day // the default adhesion date, when hasEffet
	hasEffet bool
	// surco tells a surcomplémentaire (a layer after the first): nobody
	// joins it before its effet.
	surco bool
	// responsable tells a contract that declares "responsable": the
	// engine applies the law of the contrat responsable to it (law.go).
	responsable bool
	// usesAnciennete tells that a condition looks at the seniority, which
	// is then computed for each line.
	usesAnciennete bool
	rules          []rulePlan
	// sel holds the selection table of each poste, by poste index.
	sel []selection
}

// rulePlan is a compiled rule.
type rulePlan struct {
	where    string // "file:line", as results and explanations name it
	poste    string
	kind     check.RuleKind
	cond     check.Region
	needsAdh bool // seniority, a carence or an annee contrat period
	pct      []pctTerm
	money    []moneyTerm
	maxes    []counterPlan
	plafonds []envelopePlan
	carences []carencePlan
	// unitCaps are the plafonds per unit ("plafond X€ / UNIT"), limites
	// the reduced covers of the first months (tables.go).
	unitCaps []unitCapPlan
	limites  []limitePlan
	// hasPLV tells a formula with an N% PLV term, which needs the line's
	// 100% Santé price limit.
	hasPLV bool
}

// pctTerm is a percentage term: N% of BRSS, TM, FR or PLV.
type pctTerm struct {
	kind check.TermKind
	rate money.Rate
	text string
}

// moneyTerm is a money term: frais reels, a per-unit amount or a forfait.
type moneyTerm struct {
	kind    check.TermKind
	perUnit amountPlan   // for PerUnit: euros, or a rate of the PMSS on the date of care
	env     envelopePlan // for Forfait
	text    string
}

// envelopePlan is an envelope of money renewed each period: a forfait or
// a plafond.
type envelopePlan struct {
	id         int32
	amount     amountPlan
	period     check.Period
	parFamille bool
	// roInclus: the amount includes the line's prev and what the earlier
	// terms of the formula paid (LANGUAGE.md §1, "RO inclus").
	roInclus bool
	text     string
	owner    string // "file:line" of the rule, for explanations
	// raises are the "porte a" amounts, the last that holds winning
	// (tables.go); auDela is what a plafond's rule pays beyond it, nil
	// without.
	raises []raisePlan
	auDela *linePlan
}

// amountPlan is an amount: fixed cents, or a rate of the PMSS in force on
// the first day of an envelope's period (or on the date of care, for a
// per-unit amount).
type amountPlan struct {
	cents  money.Cents
	pmss   money.Rate
	isPMSS bool
}

// counterPlan is a "max N UNIT / PERIOD" counter of units.
type counterPlan struct {
	id     int32
	count  int64
	period check.Period
	text   string
	owner  string // "file:line" of the rule, for explanations
	unit   string // the unit, plural unless count is 1, for explanations
	// equip: the counter is in equipement and counts distinct equipments
	// (LANGUAGE.md §3 step 4).
	equip bool
}

// carencePlan is a waiting period after the adhesion date.
type carencePlan struct {
	dur  check.Duration
	text string
}

// compileLayer compiles prog. Envelope and counter ids start at *nextID,
// which is advanced past the ones the layer uses.
func compileLayer(prog *check.Program, nextID *int32) (*layerPlan, error) {
	// Rules are named by the contract's file name without its directory,
	// as in LANGUAGE.md §5 ("equilibre.garantie:7"), so results do not
	// depend on where the contract was read from.
	file := ""
	if prog.File != nil {
		file = path.Base(filepath.ToSlash(prog.File.Name))
	}
	envs, err := compileEnveloppes(prog, file, nextID)
	if err != nil {
		return nil, err
	}
	l := &layerPlan{name: prog.Name, mode: prog.Mode, responsable: prog.Responsable}
	if prog.Mode != check.Deduction && prog.Mode != check.Complement {
		return nil, fmt.Errorf("unknown mode %d", int(prog.Mode))
	}
	if prog.Effet != nil {
		l.effet, l.hasEffet = date.DayFromTime(*prog.Effet), true
	}
	for _, r := range prog.Rules {
		where := file + ":" + strconv.Itoa(r.Line)
		rp, err := compileRule(r, where, envs, nextID)
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", where, err)
		}
		l.rules = append(l.rules, rp)
		l.usesAnciennete = l.usesAnciennete || r.Cond.NeedsAnciennete
	}
	return l, nil
}

func compileRule(r *check.Rule, where string, envs map[*check.Enveloppe]envelopePlan, nextID *int32) (rulePlan, error) {
	if r == nil {
		return rulePlan{}, fmt.Errorf("nil rule")
	}
	rp := rulePlan{where: where, poste: r.Poste, kind: r.Kind, cond: r.Cond, needsAdh: r.NeedsAdhesion()}
	newID := func() int32 { id := *nextID; *nextID++; return id }
	for _, t := range r.Terms {
		text := termText(t)
		switch t.Kind {
		case check.PercentBRSS, check.PercentTM, check.PercentFR, check.PercentPLV:
			rt, err := money.PercentRate(t.Percent)
			if err != nil {
				return rp, fmt.Errorf("%s: %w", text, err)
			}
			rp.pct = append(rp.pct, pctTerm{kind: t.Kind, rate: rt, text: text})
			rp.hasPLV = rp.hasPLV || t.Kind == check.PercentPLV
		case check.FraisReels:
			rp.money = append(rp.money, moneyTerm{kind: t.Kind, text: text})
		case check.PerUnit:
			a, err := compileAmount(t.Amount)
			if err != nil {
				return rp, fmt.Errorf("%s: %w", text, err)
			}
			rp.money = append(rp.money, moneyTerm{kind: t.Kind, perUnit: a, text: text})
		case check.Forfait:
			if t.Enveloppe != nil {
				env, ok := envs[t.Enveloppe]
				if !ok {
					return rp, fmt.Errorf("%s: enveloppe %s not declared", text, t.Enveloppe.Name)
				}
				rp.money = append(rp.money, moneyTerm{kind: t.Kind, env: env, text: text})
				continue
			}
			env, err := compileEnvelope(t.Amount, t.Period, t.ParFamille, t.ROInclus, text, where, newID)
			if err != nil {
				return rp, err
			}
			if env.raises, err = compileRaises(t.Raises, text); err != nil {
				return rp, err
			}
			rp.money = append(rp.money, moneyTerm{kind: t.Kind, env: env, text: text})
		default:
			return rp, fmt.Errorf("unknown term kind %d", int(t.Kind))
		}
	}
	for _, lim := range r.Limits {
		text := limitText(lim)
		switch lim.Kind {
		case check.Max:
			if err := checkPeriod(lim.Period); err != nil {
				return rp, fmt.Errorf("%s: %w", text, err)
			}
			if lim.Count < 0 {
				return rp, fmt.Errorf("%s: invalid count", text)
			}
			rp.maxes = append(rp.maxes, counterPlan{id: newID(), count: lim.Count, period: lim.Period, text: text, owner: where, unit: plural(string(lim.Unit), lim.Count), equip: lim.Unit == check.UnitEquipement})
		case check.Plafond:
			if lim.PerUnit != "" {
				u, err := compileUnitCap(lim, text)
				if err != nil {
					return rp, err
				}
				rp.unitCaps = append(rp.unitCaps, u)
				continue
			}
			env, err := compileEnvelope(lim.Amount, lim.Period, lim.ParFamille, lim.ROInclus, text, where, newID)
			if err != nil {
				return rp, err
			}
			if env.raises, err = compileRaises(lim.Raises, text); err != nil {
				return rp, err
			}
			if lim.AuDela != nil {
				f, err := compileLine(lim.AuDela, text)
				if err != nil {
					return rp, err
				}
				env.auDela = &f
				rp.hasPLV = rp.hasPLV || f.hasPLV
			}
			rp.plafonds = append(rp.plafonds, env)
		case check.Limite:
			lp, err := compileLimite(lim, text)
			if err != nil {
				return rp, err
			}
			rp.limites = append(rp.limites, lp)
			rp.hasPLV = rp.hasPLV || lp.formula.hasPLV
		case check.Carence:
			if lim.Duration.Months < 0 || lim.Duration.Days < 0 {
				return rp, fmt.Errorf("%s: negative duration", text)
			}
			rp.carences = append(rp.carences, carencePlan{dur: lim.Duration, text: text})
		default:
			return rp, fmt.Errorf("unknown limit kind %d", int(lim.Kind))
		}
	}
	return rp, nil
}

func compileEnvelope(a check.Amount, p check.Period, parFamille, roInclus bool, text, owner string, newID func() int32) (envelopePlan, error) {
	env := envelopePlan{period: p, parFamille: parFamille, roInclus: roInclus, text: text, owner: owner}
	if err := checkPeriod(p); err != nil {
		return env, fmt.Errorf("%s: %w", text, err)
	}
	var err error
	if env.amount, err = compileAmount(a); err != nil {
		return env, fmt.Errorf("%s: %w", text, err)
	}
	env.id = newID()
	return env, nil
}

// compileAmount compiles euros to cents, or a share of the PMSS to a rate.
func compileAmount(a check.Amount) (amountPlan, error) {
	if a.IsPMSS {
		rt, err := money.PercentRate(a.PMSSPercent)
		return amountPlan{pmss: rt, isPMSS: true}, err
	}
	c, err := money.CentsOf(a.Euros)
	return amountPlan{cents: c}, err
}

func checkPeriod(p check.Period) error {
	switch p.Kind {
	case check.AnneeCivile, check.AnneeContrat:
		return nil
	case check.Glissant:
		if p.Months > 0 {
			return nil
		}
	case check.Sejour:
		return nil
	}
	return fmt.Errorf("invalid period")
}
