package regles

import (
	"strings"
	"testing"
)

// TestPriceLimit covers each lens type, each age split and each first
// date of sante100.csv: the amounts are those of DOMAIN.md and of the
// comments of the file, typed here by hand.
func TestPriceLimit(t *testing.T) {
	tests := []struct {
		name, poste, date string
		age               int
		variante          string
		limite, brss      string // "" when no limit applies
	}{
		{"optique simple", "optique.equipement_100_sante", "2025-06-01", 40, "simple", "115", "34.50"},
		{"optique simple first day", "optique.equipement_100_sante", "2020-01-01", 40, "simple", "115", "34.50"},
		{"optique simple before 100% Santé", "optique.equipement_100_sante", "2019-12-31", 40, "simple", "", ""},
		{"optique complexe", "optique.equipement_100_sante", "2025-06-01", 60, "complexe", "210", "63"},
		{"optique tres_complexe has no confirmed limit", "optique.equipement_100_sante", "2025-06-01", 60, "tres_complexe", "", ""},
		{"optique frame alone", "optique.equipement_100_sante", "2020-01-01", 10, "monture", "30", "9"},
		{"optique without verres", "optique.equipement_100_sante", "2025-06-01", 40, "", "", ""},
		{"optique unknown age: same for all ages", "optique.equipement_100_sante", "2025-06-01", -1, "simple", "115", "34.50"},
		{"optique declared sub-poste", "optique.equipement_100_sante.enfant", "2025-06-01", 8, "simple", "115", "34.50"},
		{"dental crown", "dentaire.prothese_100_sante", "2020-01-01", 50, "", "500", "120"},
		{"dental crown before", "dentaire.prothese_100_sante", "2019-12-31", 50, "", "", ""},
		{"dental zircone", "dentaire.prothese_100_sante", "2024-01-01", 50, "couronne_zircone", "440", "120"},
		{"dental metal", "dentaire.prothese_100_sante", "2024-01-01", 50, "couronne_metallique", "290", "120"},
		{"dental unknown act", "dentaire.prothese_100_sante", "2024-01-01", 50, "bridge", "", ""},
		{"hearing aid 20 years", "audiologie.aide_100_sante", "2021-01-01", 20, "", "950", "400"},
		{"hearing aid 80 years", "audiologie.aide_100_sante", "2026-01-01", 80, "", "950", "400"},
		{"hearing aid 19 years", "audiologie.aide_100_sante", "2021-01-01", 19, "", "1400", "1400"},
		{"hearing aid newborn", "audiologie.aide_100_sante", "2024-01-01", 0, "", "1400", "1400"},
		{"hearing aid before 2021", "audiologie.aide_100_sante", "2020-12-31", 40, "", "", ""},
		{"hearing aid unknown age", "audiologie.aide_100_sante", "2024-01-01", -1, "", "", ""},
		{"not a basket", "optique.verres", "2024-01-01", 40, "simple", "", ""},
		{"unknown poste", "astrologie", "2024-01-01", 40, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := PriceLimit(tt.poste, day(tt.date), tt.age, tt.variante)
			if tt.limite == "" {
				if ok {
					t.Fatalf("PriceLimit = %+v, want none", got)
				}
				return
			}
			if !ok {
				t.Fatal("PriceLimit: none, want one")
			}
			if !got.Limite.Equal(dec(tt.limite)) || !got.BRSS.Equal(dec(tt.brss)) {
				t.Errorf("PriceLimit = limite %s brss %s, want %s and %s", got.Limite, got.BRSS, tt.limite, tt.brss)
			}
		})
	}
}

// TestPriceLimitRO checks the worked figure of DOMAIN.md: the RO pays 60%
// of the 400 € base of an adult's classe I aid, 240 €, and the RC the 710 €
// left to the 950 € limit.
func TestPriceLimitRO(t *testing.T) {
	l, ok := PriceLimit("audiologie.aide_100_sante", day("2026-01-01"), 45, "")
	if !ok {
		t.Fatal("no limit")
	}
	taux, err := Taux(RateQuery{Poste: "audiologie.aide_100_sante", Date: day("2026-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	ro := l.BRSS.Mul(taux).Div(dec("100"))
	if !ro.Equal(dec("240")) || !l.Limite.Sub(ro).Equal(dec("710")) {
		t.Errorf("RO %s, RC within the limit %s, want 240 and 710", ro, l.Limite.Sub(ro))
	}
}

func TestParseSante100Errors(t *testing.T) {
	header := strings.Join(sante100Header, ";") + "\n"
	const src = ";src;oui;\n"
	for _, tt := range []struct{ name, input, want string }{
		{"empty", "", "no data"},
		{"header", "poste;since\n", "header"},
		{"fields", header + "audiologie.aide_100_sante;;;;2021-01-01;400;950\n", "wrong number of fields"},
		{"not a basket", header + "optique.verres;simple;;;2021-01-01;1;2" + src, "not a 100% Santé poste"},
		{"optique variante", header + "optique.equipement_100_sante;progressif;;;2021-01-01;1;2" + src, `variante "progressif"`},
		{"age", header + "audiologie.aide_100_sante;;vingt;;2021-01-01;1;2" + src, "whole number of years"},
		{"age order", header + "audiologie.aide_100_sante;;20;10;2021-01-01;1;2" + src, "below age_min"},
		{"date", header + "audiologie.aide_100_sante;;;;2021-02-30;1;2" + src, "valid YYYY-MM-DD"},
		{"comma", header + "audiologie.aide_100_sante;;;;2021-01-01;1,5;2" + src, "not a non-negative decimal"},
		{"base above limit", header + "audiologie.aide_100_sante;;;;2021-01-01;3;2" + src, "above the limit"},
		{"no source", header + "audiologie.aide_100_sante;;;;2021-01-01;1;2; ;oui;\n", "has no source"},
		{"confirme", header + "audiologie.aide_100_sante;;;;2021-01-01;1;2;src;peut-être;\n", "write oui"},
		{"unconfirmed without note", header + "audiologie.aide_100_sante;;;;2021-01-01;1;2;src;non;\n", "has no note"},
		{"order", header + "audiologie.aide_100_sante;;;;2021-01-01;1;2" + src + "audiologie.aide_100_sante;;;;2020-01-01;1;2" + src, "not after its previous line"},
		{"overlap", header + "audiologie.aide_100_sante;;20;;2021-01-01;1;2" + src + "audiologie.aide_100_sante;;0;20;2021-01-01;1;2" + src, "overlap"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseSante100("s.csv", strings.NewReader(tt.input))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseSante100 error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
