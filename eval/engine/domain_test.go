package engine_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/claims"
	"garantie/eval/engine"
)

// amounts are the money columns of a result, for compact expectations.
type amounts struct {
	ROBrut, PF, RONet, RC, Reste string
}

func amountsOf(r engine.Result) amounts {
	return amounts{r.ROBrut.String(), r.PF.String(), r.RONet.String(), r.RC.String(), r.Reste.String()}
}

// evalOne evaluates claims under one contract and fails on a rejected line.
func evalAll(t *testing.T, src string, claims ...claims.Claim) []engine.Result {
	t.Helper()
	res := mustEngine(t, engine.Options{Workers: 1}, src).Evaluate(numbered(claims...))
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("line %d (%s) rejected: %s", r.Line, r.ID, r.Err)
		}
		if r.Frais != r.RONet+r.RC+r.Reste {
			t.Fatalf("line %d: frais %s != RO net %s + RC %s + reste %s", r.Line, r.Frais, r.RONet, r.RC, r.Reste)
		}
	}
	return res
}

// TestDomainWorkedExamples reproduces every worked example of DOMAIN.md
// to the cent, with the RO computed from regles (rate and participation
// forfaitaire of the date).
func TestDomainWorkedExamples(t *testing.T) {
	tests := []struct {
		name  string
		rule  string
		claim claims.Claim
		want  amounts
	}{
		{"GP 30/30 100% BRSS", "consult.generaliste: 100% BRSS",
			claim("c1", "2026-03-02", "consult.generaliste", "30", base("30")),
			amounts{"21.00", "2.00", "19.00", "9.00", "2.00"}},
		{"GP 50/30 100% BRSS", "consult.generaliste: 100% BRSS",
			claim("c1", "2026-03-02", "consult.generaliste", "50", base("30")),
			amounts{"21.00", "2.00", "19.00", "9.00", "22.00"}},
		{"specialist 60/30 100% BRSS", "consult.specialiste: 100% BRSS",
			claim("c1", "2026-03-02", "consult.specialiste", "60", base("30")),
			amounts{"21.00", "2.00", "19.00", "9.00", "32.00"}},
		{"specialist 60/30 150% BRSS", "consult.specialiste: 150% BRSS",
			claim("c1", "2026-03-02", "consult.specialiste", "60", base("30")),
			amounts{"21.00", "2.00", "19.00", "24.00", "17.00"}},
		{"specialist 60/30 200% BRSS", "consult.specialiste: 200% BRSS",
			claim("c1", "2026-03-02", "consult.specialiste", "60", base("30")),
			amounts{"21.00", "2.00", "19.00", "39.00", "2.00"}},
		{"2023 GP 50/25 200% BRSS", "consult.generaliste: 200% BRSS",
			claim("c1", "2023-06-01", "consult.generaliste", "50", base("25")),
			amounts{"17.50", "1.00", "16.50", "32.50", "1.00"}},
		{"5% PMSS 2023", "prevention: forfait 5% PMSS / annee civile",
			claim("c1", "2023-06-01", "prevention.bilan", "500"),
			amounts{"0.00", "0.00", "0.00", "183.30", "316.70"}},
		{"5% PMSS 2026", "prevention: forfait 5% PMSS / annee civile",
			claim("c1", "2026-06-01", "prevention.bilan", "500"),
			amounts{"0.00", "0.00", "0.00", "200.25", "299.75"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := evalAll(t, contract(tt.rule), tt.claim)
			if diff := cmp.Diff(tt.want, amountsOf(res[0])); diff != "" {
				t.Errorf("amounts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDomainOsteopathie: 40€ / séance, max 4 séances / année civile; a 60€
// séance gets 40€, the 5th séance of the year gets 0, and the counter
// restarts with the next year.
func TestDomainOsteopathie(t *testing.T) {
	src := contract("medecine_douce.osteopathie: 40€ / seance, max 4 seances / annee civile")
	var cs []claims.Claim
	for i, d := range []string{"2026-01-10", "2026-02-10", "2026-03-10", "2026-04-10", "2026-05-10", "2027-01-05"} {
		cs = append(cs, claim(string(rune('a'+i)), d, "medecine_douce.osteopathie", "60"))
	}
	res := evalAll(t, src, cs...)
	var got []string
	for _, r := range res {
		got = append(got, r.RC.String())
	}
	want := []string{"40.00", "40.00", "40.00", "40.00", "0.00", "40.00"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RC per séance (-want +got):\n%s", diff)
	}
	if m := res[4].Couches[0].Motif; m != engine.MotifMaxAtteint {
		t.Errorf("5th séance motif = %q, want %q", m, engine.MotifMaxAtteint)
	}
}
