package eval_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval"
)

func TestTrace(t *testing.T) {
	src := contract(
		"consult.specialiste: 200% BRSS",
		"optique.monture: forfait 100€ / 24 mois glissants",
		"medecine_douce: plafond 150€ / annee civile",
		"medecine_douce.osteopathie: 40€ / seance, max 4 seances / annee civile",
	)
	e := mustEngine(t, eval.EngineOptions{Workers: 1, Explain: true}, src)
	res := e.Evaluate(numbered(
		claim("c1", "2026-03-02", "consult.specialiste", "60", base("30")),
		claim("c2", "2026-03-02", "optique.monture", "60"),
		claim("c3", "2026-04-02", "medecine_douce.osteopathie", "60"),
		claim("c4", "2026-04-03", "medecine_douce.osteopathie", "60", qty(4)),
	))
	want := [][]string{
		{
			"RO: 70% of base 30.00 = RO brut 21.00, participation forfaitaire 2.00, RO net 19.00",
			"Test: rule t.garantie:3 (consult.specialiste)",
			"200% BRSS of 30.00: 60.00",
			"y compris RO: 60.00 - 21.00 already paid = 39.00",
			"RC 39.00",
		},
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:4 (optique.monture)",
			"forfait 100€ / 24 mois glissants (t.garantie:4, from 2026-03-02 to 2028-03-01): 100.00 available, 60.00 used, 40.00 left",
			"RC 60.00",
		},
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:6 (medecine_douce.osteopathie)",
			"40€ / seance: 40.00 (60.00 left of frais)",
			"plafond 150€ / annee civile (t.garantie:5, 2026): 150.00 available, 40.00 used, 110.00 left",
			"max 4 seances / annee civile (t.garantie:6, 2026): 1st of 4",
			"RC 40.00",
		},
		{
			"RO: no base, RO net 0.00",
			"Test: rule t.garantie:6 (medecine_douce.osteopathie)",
			"3 of 4 units covered: frais 45.00, base 0.00, RO brut 0.00, already paid 0.00",
			"40€ / seance: 45.00 (45.00 left of frais)",
			"plafond 150€ / annee civile (t.garantie:5, 2026): 110.00 available, 45.00 used, 65.00 left",
			"max 4 seances / annee civile (t.garantie:6, 2026): 2nd to 4th of 4",
			"RC 45.00",
		},
	}
	var got [][]string
	for _, r := range res {
		got = append(got, r.Trace)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("trace (-want +got):\n%s", diff)
	}
	for _, r := range mustEngine(t, eval.EngineOptions{Workers: 1}, src).Evaluate(numbered(claim("c1", "2026-03-02", "optique.monture", "60"))) {
		if r.Trace != nil {
			t.Errorf("trace without Explain: %s", strings.Join(r.Trace, "; "))
		}
	}
}
