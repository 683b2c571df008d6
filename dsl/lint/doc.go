// Package lint holds the checks that run on a checked program: advice about
// limits and terms that cannot do what they say (codes L2xx), and, for a
// contract that declares itself responsable, the obligations of the contrat
// responsable (Code de la sécurité sociale L871-1 and R871-2, codes R8xx).
//
// Each rule lives in its own file with its code, title, severity and
// documentation; Rules is the registry from which docs/diagnostics.md is
// generated (see WriteDocs). The legal figures come from package regles,
// never from this package.
package lint
