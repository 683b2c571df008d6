package engine

// traceLaw explains what the law of the contrat responsable did on a
// layer, in words an agent can repeat to a member.
func (w *worker) traceLaw() {
	t := &w.run
	lr := &t.law
	if pf := w.line.pf; pf > 0 {
		w.note("contrat responsable: the participation forfaitaire or franchise %s withheld by the RO is not paid", pf)
	}
	switch lr.floorKind {
	case floorSante100:
		if lr.final > lr.contract {
			w.note("100%% Santé: paid up to the legal price limit by law: the lesser of frais and the limit %s, minus %s, is %s (the rules paid %s)",
				lr.limit, w.prevWords(), lr.floor, lr.contract)
		}
	case floorTM:
		if lr.final > lr.contract {
			w.note("contrat responsable: the ticket modérateur is paid in full by law: %s (the rules paid %s)", lr.floor, lr.contract)
		}
	case floorFPU:
		if lr.final > lr.contract {
			w.note("contrat responsable: the forfait patient urgences withheld by the RO is paid in full by law: %s (the rules paid %s)", lr.floor, lr.contract)
		}
	}
	if lr.ceilKind != ceilingNone {
		w.note("%s: %s at most, %s after %s: RC cut from %s to %s", ceilingText[lr.ceilKind], lr.ceilOf, lr.ceiling, w.ceilingPrev(), max(lr.contract, lr.floor), lr.final)
	}
	if lr.final != t.total {
		w.note("RC %s", lr.final)
	}
}

// ceilingText names each legal ceiling.
var ceilingText = [...]string{
	ceilingHonoraires: "contrat responsable, non-OPTAM doctor's fees: RO and RC within 200% of the base",
	ceilingClasseII:   "contrat responsable, classe II hearing aid: RO and RC within 1,700 € per ear",
	ceilingClasseB:    "contrat responsable, classe B equipment: RC within the grid of its lenses",
	ceilingMonture:    "contrat responsable, classe B frame: RC within 100 €",
}

// prevWords says what prev is on the whole line: "RO brut 21.00" and the
// earlier layers in a later layer.
func (w *worker) prevWords() string {
	brut := w.line.brut + w.run.law.majoration
	return w.prevText(brut, brut+w.line.paid, " and ")
}

// ceilingPrev says what a ceiling's room was computed after.
func (w *worker) ceilingPrev() string {
	switch w.run.law.ceilKind {
	case ceilingClasseB, ceilingMonture:
		return "what was paid on the equipment"
	}
	return w.prevWords()
}
