package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// Three specialist consultations (frais 60, base 30, RO net 19) for two
// beneficiaries: A pays 100% BRSS (9 a line), B 200% BRSS (39 a line).
const diffClaims = `id,assure,date,poste,frais,base
c1,a1,2026-01-10,consult.specialiste,60.00,30.00
c2,a1,2026-02-10,consult.specialiste,60.00,30.00
c3,a2,2026-03-10,consult.specialiste,60.00,30.00
c4,a2,2026-03-11,optique.monture,100.00,0.05
`

func TestDiff(t *testing.T) {
	a := writeFile(t, "a.garantie", "contrat \"A\"\nconsult.specialiste: 100% BRSS\n")
	b := writeFile(t, "b.garantie", "contrat \"B\"\nconsult.specialiste: 200% BRSS\noptique.monture: forfait 50€ / 24 mois glissants\n")
	claims := writeFile(t, "claims.csv", diffClaims)

	status, out, errOut := runCLI(t, "", "diff", a, b, "--claims", claims, "--format", "json")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	var doc struct {
		Postes []map[string]any `json:"postes"`
		Total  map[string]any   `json:"total"`
		Benef  map[string]int   `json:"beneficiaires"`
		Var    []map[string]any `json:"plus_fortes_variations"`
		Quant  []map[string]any `json:"quantiles_variation_reste"`
		All    []map[string]any `json:"par_beneficiaire"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	spec := doc.Postes[0]
	if spec["poste"] != "consult.specialiste" || spec["rc_a"] != "27.00" || spec["rc_b"] != "117.00" || spec["ecart"] != "90.00" || spec["ecart_pct"] != "333.3" {
		t.Errorf("consult.specialiste: %v", spec)
	}
	if spec["reste_a"] != "96.00" || spec["reste_b"] != "6.00" {
		t.Errorf("reste under A and B: %v", spec)
	}
	monture := doc.Postes[1]
	if monture["rc_a"] != "0.00" || monture["rc_b"] != "50.00" || monture["ecart_pct"] != nil {
		t.Errorf("optique.monture (A pays nothing, so no percentage): %v", monture)
	}
	if doc.Total["rc_a"] != "27.00" || doc.Total["rc_b"] != "167.00" {
		t.Errorf("total %v", doc.Total)
	}
	// a1's reste falls by 60 (2 × 30), a2's by 80 (30 + 50).
	if doc.Benef["total"] != 2 || doc.Benef["baisse"] != 2 || doc.Benef["hausse"] != 0 {
		t.Errorf("beneficiaries %v", doc.Benef)
	}
	if len(doc.Var) != 2 || doc.Var[0]["assure"] != "a2" || doc.Var[0]["variation"] != "-80.00" || doc.Var[1]["variation"] != "-60.00" {
		t.Errorf("biggest changes %v", doc.Var)
	}
	if len(doc.All) != 2 || doc.All[0]["assure"] != "a1" || doc.All[0]["reste_a"] != "64.00" || doc.All[0]["reste_b"] != "4.00" || doc.All[1]["variation"] != "-80.00" {
		t.Errorf("every beneficiary, by id: %v", doc.All)
	}
	if doc.Quant[0]["valeur"] != "-80.00" || doc.Quant[len(doc.Quant)-1]["valeur"] != "-60.00" {
		t.Errorf("quantiles %v", doc.Quant)
	}

	status, out, _ = runCLI(t, "", "diff", a, b, "--claims", claims)
	if status != exitOK || !strings.Contains(out, "+333.3%") || !strings.Contains(out, "falls for 2") {
		t.Errorf("table: status %d\n%s", status, out)
	}
}

// TestDiffBase compares two surcomplémentaires on top of a shared base.
func TestDiffBase(t *testing.T) {
	base := writeFile(t, "base.garantie", "contrat \"Base\"\nconsult.specialiste: 100% BRSS\n")
	a := writeFile(t, "a.garantie", "contrat \"Surco A\"\nconsult.specialiste: 150% BRSS\n")
	b := writeFile(t, "b.garantie", "contrat \"Surco B\"\nconsult.specialiste: 200% BRSS\n")
	claims := writeFile(t, "claims.csv", diffClaims)
	status, out, errOut := runCLI(t, "", "diff", a, b, "--base", base, "--claims", claims, "--format", "json")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	var doc struct {
		Total map[string]any `json:"total"`
	}
	json.Unmarshal([]byte(out), &doc)
	// Per line the base pays 9; surco A 45 − 30 = 15, surco B 60 − 30 = 30.
	if doc.Total["rc_a"] != "72.00" || doc.Total["rc_b"] != "117.00" {
		t.Errorf("total with a base layer: %v", doc.Total)
	}
}
