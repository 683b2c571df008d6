package compare

import (
	"garantie/dsl/check"
	"garantie/regles"
)

// Labels names postes for people: the French label of the nomenclature,
// or the one a contract gave a poste it declared.
type Labels map[string]string

// NewLabels returns the labels of the nomenclature and of the postes the
// programs declare (the first declaration wins).
func NewLabels(progs ...*check.Program) Labels {
	l := Labels{}
	for _, p := range regles.Postes() {
		l[p.Code] = p.Label
	}
	for _, prog := range progs {
		for _, d := range prog.Declared {
			if _, ok := l[d.Code]; !ok {
				l[d.Code] = d.Label
			}
		}
	}
	return l
}

// Of returns the label of poste, "" when it has none.
func (l Labels) Of(poste string) string { return l[poste] }
