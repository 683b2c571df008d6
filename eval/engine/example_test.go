package engine_test

import (
	"fmt"
	"strings"

	"garantie/dsl/check"
	"garantie/dsl/parser"
	"garantie/eval/claims"
	"garantie/eval/engine"
)

// Example evaluates claims with the engine used as a library: parse and
// check a contract, build an Engine, read claims, evaluate them. The
// engine is a pure function of the checked contracts, the claims and the
// reference data of regles: no clock, no environment.
func Example() {
	src := `contrat "Exemple"
consult.specialiste si optam: 200% BRSS
consult.specialiste:          150% BRSS
medecine_douce.osteopathie:   40€ / seance, max 4 seances / annee civile
`
	file, diags := parser.Parse("exemple.garantie", []byte(src))
	prog, cdiags := check.Check(file, check.Regles())
	if diags = append(diags, cdiags...); diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	eng, err := engine.New([]*check.Program{prog}, engine.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}

	lines, err := claims.ReadAll(strings.NewReader(`id,assure,date,poste,frais,base,optam
c1,a1,2026-03-02,consult.specialiste,60.00,30.00,oui
c2,a1,2026-03-09,consult.specialiste,60.00,30.00,non
c3,a1,2026-04-01,medecine_douce.osteopathie,60.00,,
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range eng.Evaluate(lines) {
		fmt.Printf("%s frais %s RO %s RC %s reste %s (%s)\n", r.ID, r.Frais, r.RONet, r.RC, r.Reste, r.Couches[0].Regle)
	}
	// Output:
	// c1 frais 60.00 RO 19.00 RC 39.00 reste 2.00 (exemple.garantie:2)
	// c2 frais 60.00 RO 19.00 RC 24.00 reste 17.00 (exemple.garantie:3)
	// c3 frais 60.00 RO 0.00 RC 40.00 reste 20.00 (exemple.garantie:4)
}
