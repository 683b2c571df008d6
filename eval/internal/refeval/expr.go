package refeval

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// exprEnv is what a rule's expressions see.
type exprEnv struct {
	Age      int     `expr:"age"`
	Optam    bool    `expr:"optam"`
	Frais    float64 `expr:"frais"`
	Base     float64 `expr:"base"`
	ROBrut   float64 `expr:"ro_brut"`
	Left     float64 `expr:"left"`
	Covered  float64 `expr:"covered"`
	Pct      float64 `expr:"pct"`
	Avail    float64 `expr:"avail"`
	Quantite float64 `expr:"quantite"`
}

// limit is an envelope (euros) or counter (units) of a rule.
type limit struct {
	name   string  // the key of its state, per beneficiary
	amount float64 // euros, or units for a counter
	months int     // 0: année civile, else mois glissants
}

// exprRule is one rule of the contract: a condition, a percentage
// expression and a money term, with their limits.
type exprRule struct {
	line    int
	cond    string // "" always holds
	pct     string // the percentage part, RO included, within left
	term    string // the money term, given pct and avail (a forfait's)
	forfait *limit
	counter *limit
	plafond []limit
	carence int // months
	none    bool

	condP, pctP, termP *vm.Program
}

// exprRules lists, for each poste, its formula rules most specific first;
// "soins" and "medecine_douce" hold for their children.
var exprRules = map[string][]*exprRule{
	"hospitalisation.honoraires":           {{line: 13, cond: "optam", pct: pctOf(2)}, {line: 14, pct: pctOf(1.8)}},
	"hospitalisation.frais_sejour":         {{line: 15, pct: pctOf(1)}},
	"hospitalisation.forfait_journalier":   {{line: 16, term: "left"}},
	"hospitalisation.chambre_particuliere": {{line: 17, term: "min(left, 50 * covered)", counter: &limit{"chambre", 30, 0}}},
	"hospitalisation.accompagnant":         {{line: 18, cond: "age < 18", term: "min(left, 25 * covered)", counter: &limit{"accompagnant", 15, 0}}},
	"consult.generaliste":                  {{line: 21, cond: "optam", pct: pctOf(1.5)}, {line: 22, pct: pctOf(1.3)}},
	"consult.specialiste":                  {{line: 23, cond: "optam", pct: pctOf(2)}, {line: 24, pct: pctOf(1.8)}},
	"consult.actes_techniques":             {{line: 25, cond: "optam", pct: pctOf(1.5)}, {line: 26, pct: pctOf(1.3)}},
	"soins":                                {{line: 29, pct: pctOf(1)}},
	"soins.imagerie":                       {{line: 30, cond: "optam", pct: pctOf(1.3)}, {line: 29, pct: pctOf(1)}},
	"soins.psychologue":                    {{line: 31, pct: pctOf(1), term: "min(left - pct, 20 * covered)", counter: &limit{"psy", 6, 0}}},
	"optique.equipement_100_sante":         {{line: 34, term: "left"}},
	"optique.monture": {
		{line: 37, cond: "age < 16", pct: pctOf(1), term: "min(left - pct, avail)", forfait: &limit{"monture<16", 80, 12}, counter: &limit{"monture-max", 1, 12}},
		{line: 36, pct: pctOf(1), term: "min(left - pct, avail)", forfait: &limit{"monture", 100, 24}, counter: &limit{"monture-max", 1, 12}},
	},
	"optique.verres": {
		{line: 40, cond: "age < 16", pct: pctOf(1), term: "min(left - pct, avail)", forfait: &limit{"verres<16", 150, 12}, counter: &limit{"verres-max", 1, 12}},
		{line: 39, pct: pctOf(1), term: "min(left - pct, avail)", forfait: &limit{"verres", 200, 24}, counter: &limit{"verres-max", 1, 12}},
	},
	"optique.lentilles":            {{line: 41, pct: pctOf(1), term: "min(left - pct, avail)", forfait: &limit{"lentilles", 100, 0}}},
	"optique.chirurgie_refractive": {{line: 42, term: "min(left, avail)", forfait: &limit{"chirurgie", 250, 0}}},
	"dentaire.soins":               {{line: 45, pct: pctOf(1)}},
	"dentaire.prothese_100_sante":  {{line: 46, term: "left"}},
	"dentaire.prothese":            {{line: 47, pct: pctOf(2.5)}},
	"dentaire.orthodontie":         {{line: 48, pct: pctOf(2), plafond: []limit{{"orthodontie", 600, 0}}}},
	"dentaire.implant":             {{line: 49, term: "min(left, 300 * covered)", counter: &limit{"implant", 2, 0}, carence: 6}},
	"audiologie.aide_100_sante":    {{line: 52, term: "left"}},
	"audiologie.aide": {
		{line: 54, cond: "age < 20", pct: pctOf(1)},
		{line: 53, pct: pctOf(1), term: "min(left - pct, avail)", forfait: &limit{"aide", 400, 48}},
	},
	"audiologie.entretien":         {{line: 55, pct: pctOf(1)}},
	"medecine_douce.osteopathie":   {{line: 59, term: "min(left, 40 * covered)", counter: &limit{"osteo", 4, 0}, plafond: []limit{{"douce", 150, 0}}}},
	"medecine_douce.chiropraxie":   {{line: 60, term: "min(left, 40 * covered)", counter: &limit{"chiro", 4, 0}, plafond: []limit{{"douce", 150, 0}}}},
	"medecine_douce.acupuncture":   {{line: 61, term: "min(left, 30 * covered)", counter: &limit{"acupuncture", 3, 0}, plafond: []limit{{"douce", 150, 0}}}},
	"prevention.vaccins":           {{line: 64, pct: pctOf(1)}},
	"prevention.sevrage_tabagique": {{line: 65, term: "min(left, avail)", forfait: &limit{"sevrage", 50, 0}}},
	"prestations.naissance":        {{line: 68, term: "min(left, avail)", forfait: &limit{"naissance", 0.05 * 4005, 0}}},
	"prestations.cure_thermale":    {{line: 69, none: true}},
}

// pctOf is the expression of "r × 100% BRSS", RO included.
func pctOf(r float64) string {
	return fmt.Sprintf("min(max(0, base * %v - ro_brut), left)", r)
}

// roRates are the legal RO rates of 2026 (regles/taux.csv) and the
// deductions, by poste.
var roRates = map[string]struct {
	rate float64
	ded  string
}{
	"hospitalisation.honoraires": {0.8, ""}, "hospitalisation.frais_sejour": {0.8, ""},
	"consult.generaliste": {0.7, "pf"}, "consult.specialiste": {0.7, "pf"}, "consult.actes_techniques": {0.7, "pf"},
	"soins.auxiliaires": {0.6, "paramedical"}, "soins.analyses": {0.6, "pf"}, "soins.imagerie": {0.7, "pf"},
	"soins.pharmacie": {0.65, "medicament"}, "soins.materiel_medical": {0.6, ""}, "soins.transport": {0.65, "transport"},
	"soins.psychologue": {0.6, ""}, "optique.equipement_100_sante": {0.6, ""}, "optique.monture": {0.6, ""},
	"optique.verres": {0.6, ""}, "optique.lentilles": {0.6, ""}, "dentaire.soins": {0.6, ""},
	"dentaire.prothese_100_sante": {0.6, ""}, "dentaire.prothese": {0.6, ""}, "dentaire.orthodontie": {0.6, ""},
	"audiologie.aide_100_sante": {0.6, ""}, "audiologie.aide": {0.6, ""}, "audiologie.entretien": {0.6, ""},
	"prevention.vaccins": {0.65, ""}, "prestations.cure_thermale": {0.65, ""},
}

// dedCaps are the 2026 deductions in euros: per unit, daily cap, yearly
// cap, and the yearly total they count toward.
var dedCaps = map[string]struct {
	unit, jour, an float64
	yearly         string
}{
	"pf":          {2, 8, 50, "pf"},
	"medicament":  {1, 0, 50, "franchise"},
	"paramedical": {1, 4, 50, "franchise"},
	"transport":   {4, 8, 50, "franchise"},
}

// exprPeriod is the current period of an envelope or counter.
type exprPeriod struct {
	start, end time.Time
	used       float64
}

// exprBen is the state of one beneficiary.
type exprBen struct {
	envs   map[string]*exprPeriod
	year   int
	yearly map[string]float64
	day    time.Time
	jour   map[string]float64
}

func compileRules() error {
	for _, rs := range exprRules {
		for _, r := range rs {
			var err error
			if r.cond != "" {
				if r.condP, err = expr.Compile(r.cond, expr.Env(exprEnv{}), expr.AsBool()); err != nil {
					return err
				}
			}
			if r.pct != "" {
				if r.pctP, err = expr.Compile(r.pct, expr.Env(exprEnv{}), expr.AsFloat64()); err != nil {
					return err
				}
			}
			if r.term != "" {
				if r.termP, err = expr.Compile(r.term, expr.Env(exprEnv{}), expr.AsFloat64()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Expr evaluates the claims file in (a `garantie gen` file, sorted by
// date) with the rules as expr expressions over float64 amounts, reading
// it with encoding/csv, and writes the results as `garantie eval --format
// csv` does, amounts rounded to cents at output.
func Expr(in io.Reader, out io.Writer) error {
	if err := compileRules(); err != nil {
		return err
	}
	r := csv.NewReader(bufio.NewReaderSize(in, 1<<20))
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	w := csv.NewWriter(out)
	if err := w.Write([]string{"id", "ligne", "assure", "date", "poste", "frais", "ro_brut", "pf", "ro", "rc", "reste", "rc_1", "regle_1", "motif_1", "erreur"}); err != nil {
		return err
	}
	state := map[string]*exprBen{}
	var vm vm.VM
	rec := make([]string, 15)
	for ligne := 2; ; ligne++ {
		f, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		day, err := time.Parse(time.DateOnly, f[col["date"]])
		if err != nil {
			return err
		}
		naissance, err := time.Parse(time.DateOnly, f[col["naissance"]])
		if err != nil {
			return err
		}
		adh, err := time.Parse(time.DateOnly, f[col["adhesion"]])
		if err != nil {
			return err
		}
		num := func(name string) (float64, error) {
			s := f[col[name]]
			if s == "" {
				return 0, nil
			}
			return strconv.ParseFloat(s, 64)
		}
		frais, err := num("frais")
		if err != nil {
			return err
		}
		base, err := num("base")
		if err != nil {
			return err
		}
		taux, err := num("taux")
		if err != nil {
			return err
		}
		q, err := num("quantite")
		if err != nil {
			return err
		}
		poste, assure := f[col["poste"]], f[col["assure"]]
		b := state[assure]
		if b == nil {
			b = &exprBen{envs: map[string]*exprPeriod{}, yearly: map[string]float64{}, jour: map[string]float64{}}
			state[assure] = b
		}
		e := exprEnv{Age: years(naissance, day), Optam: f[col["optam"]] == "oui", Frais: frais, Base: base, Quantite: q}

		// RO.
		ro := roRates[poste]
		if f[col["taux"]] != "" {
			ro.rate = taux / 100
		}
		brut := base * ro.rate
		brut = math.Round(brut*100) / 100
		pf := 0.0
		if c, ok := dedCaps[ro.ded]; ok && brut > 0 && e.Age >= 18 {
			if day.Year() != b.year {
				b.year = day.Year()
				clear(b.yearly)
			}
			if !day.Equal(b.day) {
				b.day = day
				clear(b.jour)
			}
			pf = c.unit * q
			if c.jour > 0 {
				pf = math.Min(pf, c.jour-b.jour[ro.ded])
			}
			pf = math.Max(0, math.Min(pf, c.an-b.yearly[c.yearly]))
			pf = math.Min(pf, brut)
			b.jour[ro.ded] += pf
			b.yearly[c.yearly] += pf
		}
		e.ROBrut = brut
		rc, regle, motif := evalExpr(&vm, poste, &e, b, day, adh)
		net := brut - pf
		rec[0], rec[1], rec[2], rec[3], rec[4] = f[col["id"]], strconv.Itoa(ligne), assure, f[col["date"]], poste
		rec[5], rec[6], rec[7], rec[8], rec[9] = euro(frais), euro(brut), euro(pf), euro(net), euro(rc)
		rec[10], rec[11], rec[12], rec[13], rec[14] = euro(frais-net-rc), euro(rc), "", motif, ""
		if regle > 0 {
			rec[12] = "equilibre.garantie:" + strconv.Itoa(regle)
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// evalExpr applies the rule of poste that holds for e, and returns what
// it pays, its line and why it paid nothing.
func evalExpr(m *vm.VM, poste string, e *exprEnv, b *exprBen, day, adh time.Time) (float64, int, string) {
	rs, ok := exprRules[poste]
	if !ok {
		if i := strings.LastIndexByte(poste, '.'); i > 0 {
			rs = exprRules[poste[:i]]
		}
	}
	var r *exprRule
	for _, c := range rs {
		if c.condP == nil {
			r = c
			break
		}
		if v, err := m.Run(c.condP, *e); err == nil && v.(bool) {
			r = c
			break
		}
	}
	if r == nil {
		return 0, 0, "non couvert"
	}
	if r.none {
		return 0, r.line, "non couvert"
	}
	if r.carence > 0 && day.Before(addMonthsTime(adh, r.carence)) {
		return 0, r.line, "carence"
	}
	covered := e.Quantite
	var cStart, cEnd time.Time
	if r.counter != nil {
		var used float64
		cStart, cEnd, used = b.period(r.counter, day)
		covered = math.Min(covered, math.Max(0, r.counter.amount-used))
		if covered == 0 {
			return 0, r.line, "max atteint"
		}
	}
	e.Covered = covered
	if covered < e.Quantite {
		k := covered / e.Quantite
		e.Frais, e.Base, e.ROBrut = e.Frais*k, e.Base*k, e.ROBrut*k
	}
	e.Left = math.Max(0, e.Frais-e.ROBrut)
	e.Pct = 0
	if r.pctP != nil {
		v, _ := m.Run(r.pctP, *e)
		e.Pct = v.(float64)
	}
	var fStart, fEnd time.Time
	if r.forfait != nil {
		var used float64
		fStart, fEnd, used = b.period(r.forfait, day)
		e.Avail = math.Max(0, r.forfait.amount-used)
	}
	term := 0.0
	if r.termP != nil {
		v, _ := m.Run(r.termP, *e)
		term = v.(float64)
	}
	total := e.Pct + term
	uncapped := total
	motif := ""
	type cut struct {
		l          *limit
		start, end time.Time
	}
	var plafonds []cut
	for i := range r.plafond {
		p := &r.plafond[i]
		s, en, used := b.period(p, day)
		total = math.Min(total, math.Max(0, p.amount-used))
		plafonds = append(plafonds, cut{p, s, en})
	}
	switch {
	case uncapped > 0 && total == 0:
		motif = "plafond atteint"
	case uncapped == 0 && e.Left > 0 && r.forfait != nil:
		motif = "forfait épuisé"
	}
	if total > 0 {
		if r.forfait != nil && term > 0 {
			b.charge(r.forfait, fStart, fEnd, term)
		}
		for _, p := range plafonds {
			b.charge(p.l, p.start, p.end, total)
		}
		if r.counter != nil {
			b.charge(r.counter, cStart, cEnd, covered)
		}
	}
	return total, r.line, motif
}

// period returns the period of l holding day and what it used.
func (b *exprBen) period(l *limit, day time.Time) (start, end time.Time, used float64) {
	p := b.envs[l.name]
	if l.months > 0 {
		if p != nil && !day.Before(p.start) && day.Before(p.end) {
			return p.start, p.end, p.used
		}
		return day, addMonthsTime(day, l.months), 0
	}
	start = time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	end = start.AddDate(1, 0, 0)
	if p != nil && p.start.Equal(start) {
		used = p.used
	}
	return start, end, used
}

// charge adds amount to l's period [start, end).
func (b *exprBen) charge(l *limit, start, end time.Time, amount float64) {
	p := b.envs[l.name]
	if p == nil {
		p = &exprPeriod{}
		b.envs[l.name] = p
	}
	if !p.start.Equal(start) || !p.end.Equal(end) {
		p.start, p.end, p.used = start, end, 0
	}
	p.used += amount
}

// addMonthsTime adds months to d, clamping the day to the month's end.
func addMonthsTime(d time.Time, months int) time.Time {
	first := time.Date(d.Year(), d.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d.Day(), last), 0, 0, 0, 0, time.UTC)
}

// years returns the whole years from a to b.
func years(a, b time.Time) int {
	n := b.Year() - a.Year()
	am, ad := a.Month(), a.Day()
	if am == 2 && ad == 29 && time.Date(b.Year(), 3, 0, 0, 0, 0, 0, time.UTC).Day() == 28 {
		ad = 28
	}
	if b.Month() < am || b.Month() == am && b.Day() < ad {
		n--
	}
	return n
}

// euro formats an amount in euros rounded to cents.
func euro(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100+0, 'f', 2, 64)
}
