package check

import "garantie/regles"

// Reference is the reference data the checker needs: which poste codes
// exist in the standard nomenclature, and which ones a misspelt code was
// probably meant to be.
type Reference interface {
	// PosteKnown reports whether code is a family or poste of the
	// nomenclature.
	PosteKnown(code string) bool
	// SuggestPoste returns the nomenclature codes closest to code, best
	// first.
	SuggestPoste(code string) []string
}

// Regles returns the Reference backed by the nomenclature of package
// regles.
func Regles() Reference { return reglesReference{} }

type reglesReference struct{}

func (reglesReference) PosteKnown(code string) bool {
	_, ok := regles.LookupPoste(code)
	return ok
}

func (reglesReference) SuggestPoste(code string) []string { return regles.Suggest(code) }
