package engine

import (
	"fmt"
	"slices"

	"garantie/dsl/check"
	"garantie/regles"
)

// posteInfo describes a poste that claims may name: one of the nomenclature
// or one declared by a layer.
type posteInfo struct {
	code string
	// deduction is what the RO withholds per unit, from the poste or its
	// nearest ancestor in the nomenclature.
	deduction regles.Deduction
	// hasRO is false for a declared poste with no ancestor in the
	// nomenclature: it has no legal RO rate, so its rate is 0. Otherwise
	// roCode is the poste or its nearest ancestor in the nomenclature, and
	// roFamily the family of its legal rate.
	hasRO    bool
	roCode   string
	roFamily regles.ROFamily
	// mixedRate is true for a family whose postes have different RO rates
	// (soins, prevention) and the postes declared under it: a claim that
	// names it gives no rate to default to.
	mixedRate bool
	// law is what the contrat responsable requires on the poste (law.go).
	law posteLaw
	// basket is the poste index of the 100% Santé basket the poste is or
	// falls under, -1 for none; lensTyped tells the optique basket,
	// whose price limits depend on the claim's verres.
	basket    int32
	lensTyped bool
}

// selection is the rule-selection table of one poste in one layer (LANGUAGE.md
// §3 step 2), as indexes into layerPlan.rules.
type selection struct {
	// formulas are the formula rules of the poste and its ancestors, deepest
	// poste first and, within a poste, in an order where a rule comes before
	// every rule whose region strictly contains its own: the first one whose
	// conditions hold is the formula rule.
	formulas []int32
	// limits are the limit-only rules of the poste and its ancestors, from
	// the most to the least specific poste.
	limits []int32
	// guarded are the rules of the poste and its ancestors that need the age
	// or an adhesion date, checked before anything is evaluated.
	guarded []int32
}

// buildPostes indexes the nomenclature and the postes declared by the
// layers.
func buildPostes(layers []*check.Program) (map[string]int32, []posteInfo) {
	index := map[string]int32{}
	var infos []posteInfo
	add := func(code string) {
		if _, ok := index[code]; ok {
			return
		}
		info := posteInfo{code: code}
		for c := code; c != ""; c = regles.Parent(c) {
			if p, ok := regles.LookupPoste(c); ok {
				info.deduction, info.hasRO, info.roCode, info.roFamily = p.Deduction, true, p.Code, p.RO
				break
			}
		}
		if info.hasRO && info.roFamily == regles.RONone {
			for _, child := range regles.Postes() {
				if regles.Parent(child.Code) == info.roCode && child.RO != regles.RONone {
					info.mixedRate = true
					break
				}
			}
		}
		index[code] = int32(len(infos))
		infos = append(infos, info)
	}
	for _, p := range regles.Postes() {
		add(p.Code)
	}
	sansRO := map[string]bool{}
	for _, prog := range layers {
		for _, d := range prog.Declared {
			add(d.Code)
			sansRO[d.Code] = sansRO[d.Code] || d.SansRO
		}
	}
	for i := range infos {
		info := &infos[i]
		info.basket, info.law = -1, lawOf(info.code)
		if sansRO[info.code] {
			// Declared "sans RO" (by any layer: the RO is the claim's,
			// not a contract's): no legal rate, no deduction, and no
			// obligation of the law.
			info.hasRO, info.deduction, info.mixedRate, info.law = false, regles.NoDeduction, false, posteLaw{}
			continue
		}
		for c := info.code; c != ""; c = regles.Parent(c) {
			if p, ok := regles.LookupPoste(c); ok && p.Sante100 {
				info.basket, info.lensTyped = index[c], p.Family == "optique"
				break
			}
		}
	}
	return index, infos
}

// buildSelection fills l.sel for every poste. A rule on a poste that no
// claim can name is an error: the checker reports unknown postes.
func buildSelection(l *layerPlan, index map[string]int32, postes []posteInfo) error {
	byPoste := map[string][]int32{}
	for i, r := range l.rules {
		if _, ok := index[r.poste]; !ok {
			return fmt.Errorf("rule %s: unknown poste %q", r.where, r.poste)
		}
		byPoste[r.poste] = append(byPoste[r.poste], int32(i))
	}
	for p := range byPoste {
		byPoste[p] = bySpecificity(l.rules, byPoste[p])
	}
	l.sel = make([]selection, len(postes))
	for pi, info := range postes {
		s := &l.sel[pi]
		for c := info.code; c != ""; c = regles.Parent(c) {
			for _, ri := range byPoste[c] {
				r := &l.rules[ri]
				if r.kind == check.LimitRule {
					s.limits = append(s.limits, ri)
				} else {
					s.formulas = append(s.formulas, ri)
				}
				if r.cond.NeedsAge || r.needsAdh {
					s.guarded = append(s.guarded, ri)
				}
			}
		}
	}
	return nil
}

// bySpecificity orders the rules of one poste so that no rule comes after a
// rule whose region it is strictly contained in; rules in no such relation
// keep their source order.
func bySpecificity(rules []rulePlan, idx []int32) []int32 {
	rest := slices.Clone(idx)
	out := make([]int32, 0, len(idx))
	for len(rest) > 0 {
		pick := 0
		for i, a := range rest {
			if !hasStrictSubset(rules, a, rest) {
				pick = i
				break
			}
		}
		out = append(out, rest[pick])
		rest = slices.Delete(rest, pick, pick+1)
	}
	return out
}

// hasStrictSubset reports whether a rule of among has a region strictly
// contained in the region of rule a.
func hasStrictSubset(rules []rulePlan, a int32, among []int32) bool {
	ra := rules[a].cond
	for _, b := range among {
		rb := rules[b].cond
		if b != a && rb.SubsetOf(ra) && !ra.SubsetOf(rb) {
			return true
		}
	}
	return false
}
