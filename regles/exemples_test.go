package regles

import (
	"strings"
	"testing"
	"time"
)

func TestExemplesStandardByDate(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(dateLayout, s); return d }
	if got := ExemplesStandard(day("2025-12-31")); len(got) != 0 {
		t.Errorf("2025-12-31: %d examples, want none (the list starts in 2026)", len(got))
	}
	jan := ExemplesStandard(day("2026-01-01"))
	mar := ExemplesStandard(day("2026-03-01"))
	if len(jan) != len(mar) || len(jan) < 15 {
		t.Fatalf("examples: %d in January, %d in March, want the same count and at least 15", len(jan), len(mar))
	}
	// The forfait journalier follows valeurs.csv: 20 € then 23 € from 2026-03-01.
	if jan[0].ID != "forfait_journalier" || jan[0].Lignes[0].Frais.String() != "20" || mar[0].Lignes[0].Frais.String() != "23" {
		t.Errorf("forfait journalier: %+v then %+v", jan[0], mar[0])
	}
	for _, e := range jan {
		if e.ID == "lunettes_classe_b" && len(e.Lignes) != 2 {
			t.Errorf("lunettes_classe_b has %d lines, want the frame and the lenses", len(e.Lignes))
		}
	}
	jan[0].Lignes[0].Poste = "changed"
	if ExemplesStandard(day("2026-01-01"))[0].Lignes[0].Poste == "changed" {
		t.Error("ExemplesStandard returns the package's own lines")
	}
}

func TestParseExemplesErrors(t *testing.T) {
	header := strings.Join(exemplesHeader, ";") + "\n"
	for _, tc := range []struct{ body, want string }{
		{"a;2026-01-01;S;;nope.poste;1;0;;1;40;;;;src;oui;\n", `unknown poste "nope.poste"`},
		{"a;2026-01-01;S;;consult;1,5;0;;1;40;;;;src;oui;\n", `frais "1,5"`},
		{"a;2026-01-01;S;;consult;1;0;;1;40;;;;src;non;\n", "say why in its note"},
		{"a;2026-01-01;S;;consult;1;0;;1;40;;;;src;oui;\na;2026-01-01;T;;consult;1;0;;1;40;;;;src;oui;\n", "situation"},
		{"a;2026-01-01;S;;optique.verres;1;0;;1;40;;;double;src;oui;\n", `verres "double"`},
		{"a;2026-02-01;S;;consult;1;0;;1;40;;;;src;oui;\nb;2026-01-01;S;;consult;1;0;;1;40;;;;src;oui;\na;2026-01-01;S;;consult;1;0;;1;40;;;;src;oui;\n", "not after"},
	} {
		_, err := ParseExemples("x.csv", strings.NewReader(header+tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.body, err, tc.want)
		}
	}
}
