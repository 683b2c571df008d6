package engine_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/eval/claims"
	"garantie/eval/date"
)

// pfs evaluates claims under a contract that covers nothing and returns
// the PF withheld on each line.
func pfs(t *testing.T, claims ...claims.Claim) []string {
	t.Helper()
	var out []string
	for _, r := range evalAll(t, contract("prestations: non couvert"), claims...) {
		out = append(out, r.PF.String())
	}
	return out
}

func gp(id, date string, opts ...func(*claims.Claim)) claims.Claim {
	return claim(id, date, "consult.generaliste", "30", append([]func(*claims.Claim){base("30")}, opts...)...)
}

func TestROParticipationForfaitaire(t *testing.T) {
	t.Run("daily cap of 8 euros", func(t *testing.T) {
		// Four participations of 2 € a day with one professional
		// (DOMAIN.md, from 2024-05-15): the fifth visit of the day pays none.
		got := pfs(t, gp("c1", "2024-06-03"), gp("c2", "2024-06-03"), gp("c3", "2024-06-03"), gp("c4", "2024-06-03"), gp("c5", "2024-06-03"), gp("c6", "2024-06-04"))
		if diff := cmp.Diff([]string{"2.00", "2.00", "2.00", "2.00", "0.00", "2.00"}, got); diff != "" {
			t.Error(diff)
		}
	})
	t.Run("yearly cap of 50 euros", func(t *testing.T) {
		var cs []claims.Claim
		for i := range 26 {
			cs = append(cs, gp(fmt.Sprintf("c%02d", i), date.DayOf(2024, 6, 1+i).String()))
		}
		cs = append(cs, gp("next", "2025-01-02"))
		got := pfs(t, cs...)
		if got[24] != "2.00" || got[25] != "0.00" || got[26] != "2.00" {
			t.Errorf("25th, 26th and next year's PF = %v, want 2.00 0.00 2.00", got[24:])
		}
	})
	t.Run("2024-05-15 transition", func(t *testing.T) {
		got := pfs(t, gp("c1", "2024-05-14"), gp("c2", "2024-05-15"))
		if diff := cmp.Diff([]string{"1.00", "2.00"}, got); diff != "" {
			t.Error(diff)
		}
	})
	t.Run("children pay none", func(t *testing.T) {
		got := pfs(t, gp("c1", "2024-06-03", naissance("2010-01-01")), gp("c2", "2024-06-03", naissance("2006-06-03"), assure("a2")))
		if diff := cmp.Diff([]string{"0.00", "2.00"}, got); diff != "" {
			t.Error(diff)
		}
	})
	t.Run("a pf given in the claim counts toward the caps", func(t *testing.T) {
		got := pfs(t,
			gp("c1", "2024-06-03", ro("19"), pf("2")),
			gp("c2", "2024-06-03", pf("1.50")),
			gp("c3", "2024-06-03"),
			gp("c4", "2024-06-03"),
			gp("c5", "2024-06-03"),
		)
		// 2 + 1.50 + 2 + 2 = 7.50 withheld; the 8 € cap leaves 0.50 for c5.
		if diff := cmp.Diff([]string{"2.00", "1.50", "2.00", "2.00", "0.50"}, got); diff != "" {
			t.Error(diff)
		}
	})
	t.Run("per unit of quantite", func(t *testing.T) {
		got := pfs(t, gp("c1", "2024-06-03", qty(3)), gp("c2", "2024-06-04", qty(5)))
		// 3 × 2 €; 5 × 2 € capped at 8 € a day.
		if diff := cmp.Diff([]string{"6.00", "8.00"}, got); diff != "" {
			t.Error(diff)
		}
	})
	t.Run("never above RO brut", func(t *testing.T) {
		res := evalAll(t, contract("prestations: non couvert"), claim("c1", "2024-06-03", "consult.generaliste", "1", base("1")))
		if diff := cmp.Diff(amounts{"0.70", "0.70", "0.00", "0.00", "1.00"}, amountsOf(res[0])); diff != "" {
			t.Error(diff)
		}
	})
}

func TestROFranchises(t *testing.T) {
	// Medicines: no daily cap; all franchises share one yearly cap of 50.
	got := pfs(t,
		claim("c1", "2025-02-01", "soins.pharmacie", "200", base("200"), qty(45)),
		claim("c2", "2025-02-02", "soins.auxiliaires", "20", base("20"), qty(6)),
		claim("c3", "2025-02-03", "soins.auxiliaires", "20", base("20"), qty(6)),
		// Paramedical acts: at most 4 a day.
		claim("c4", "2025-02-01", "soins.auxiliaires", "20", base("20"), qty(6), assure("a2")),
		// Before 2024-03-31 a box is 0.50.
		claim("c5", "2024-03-30", "soins.pharmacie", "20", base("20"), qty(3), assure("a3")),
	)
	if diff := cmp.Diff([]string{"45.00", "4.00", "1.00", "4.00", "1.50"}, got); diff != "" {
		t.Error(diff)
	}
}

func TestRORates(t *testing.T) {
	tests := []struct {
		name  string
		claim claims.Claim
		brut  string
	}{
		{"regime general", gp("c1", "2026-01-05", pf("0")), "21.00"},
		{"hors parcours", gp("c1", "2026-01-05", pf("0"), func(c *claims.Claim) { c.Parcours = false }), "9.00"},
		{"ALD", gp("c1", "2026-01-05", pf("0"), func(c *claims.Claim) { c.ALD = true }), "30.00"},
		{"Alsace-Moselle", gp("c1", "2026-01-05", pf("0"), func(c *claims.Claim) { c.Regime = claims.RegimeAlsaceMoselle }), "27.00"},
		{"rate of the claim", gp("c1", "2026-01-05", pf("0"), taux(55)), "16.50"},
		{"rate in hundredths rounds", gp("c1", "2026-01-05", pf("0"), base("0.05"), func(c *claims.Claim) { c.Taux, c.HasTaux = 7000, true }), "0.04"},
		{"dentaire 2023-10-15", claim("c1", "2023-10-15", "dentaire.soins", "30", base("30")), "18.00"},
		{"dentaire before", claim("c1", "2023-10-14", "dentaire.soins", "30", base("30")), "21.00"},
		{"no RO", claim("c1", "2026-01-05", "medecine_douce.osteopathie", "30", base("30")), "0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := evalAll(t, contract("prestations: non couvert"), tt.claim)
			if got := res[0].ROBrut.String(); got != tt.brut {
				t.Errorf("RO brut = %s, want %s", got, tt.brut)
			}
		})
	}
}
