package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

type exemplesJSON struct {
	Date     string `json:"date"`
	Colonnes []struct {
		Contrats []string `json:"contrats"`
	} `json:"colonnes"`
	Exemples []struct {
		ID        string `json:"id"`
		Situation string `json:"situation"`
		Frais     string `json:"frais"`
		RO        string `json:"ro"`
		Resultats []struct {
			RC      string   `json:"rc"`
			Couches []string `json:"couches"`
			Reste   string   `json:"reste"`
			Regles  []string `json:"regles"`
			Erreur  string   `json:"erreur"`
		} `json:"resultats"`
	} `json:"exemples"`
}

func exemplesOf(t *testing.T, args ...string) exemplesJSON {
	t.Helper()
	status, out, errOut := runCLI(t, "", append([]string{"exemples", "--format", "json"}, args...)...)
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	var r exemplesJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return r
}

// paid is what one example shows in one column.
type paid struct{ frais, ro, rc, reste, regle string }

func (r exemplesJSON) paid(t *testing.T, id string, col int) paid {
	t.Helper()
	for _, e := range r.Exemples {
		if e.ID == id {
			res := e.Resultats[col]
			if res.Erreur != "" {
				t.Fatalf("%s rejected: %s", id, res.Erreur)
			}
			var regles []string
			for _, pos := range res.Regles {
				// The rule by its file and text, not its line: moving a
				// rule must not break the test.
				file, _, _ := strings.Cut(pos, ":")
				regles = append(regles, file+" "+ruleText(t, pos))
			}
			return paid{e.Frais, e.RO, res.RC, res.Reste, strings.Join(regles, " ")}
		}
	}
	t.Fatalf("no example %q", id)
	return paid{}
}

// TestExemplesByHand checks the standard examples on the bundled range
// against figures computed by hand. On 2026-01-01 (the contracts' effet)
// the participation forfaitaire is 2 € and the RO rates are 70% for
// doctors, 60% for optique and aides auditives; optique and aides
// auditives bear no participation forfaitaire.
func TestExemplesByHand(t *testing.T) {
	r := exemplesOf(t, "--compare", "../../exemples/essentiel.garantie", "../../exemples/equilibre.garantie", "../../exemples/serenite.garantie")
	if r.Date != "2026-01-01" || len(r.Colonnes) != 3 {
		t.Fatalf("date %s, %d columns", r.Date, len(r.Colonnes))
	}
	const essentiel, equilibre, serenite = 0, 1, 2
	for _, tc := range []struct {
		id   string
		col  int
		want paid
	}{
		// GP secteur 1, frais 30, base 30: RO brut 30 × 70% = 21.00, PF 2.00,
		// RO 19.00. Équilibre, not OPTAM: 130% × 30 = 39.00, minus RO brut
		// 21.00 = 18.00, capped at frais − RO brut = 9.00. Reste 30 − 19 − 9
		// = 2.00, the PF.
		{"generaliste_secteur_1", equilibre, paid{"30.00", "19.00", "9.00", "2.00", "equilibre.garantie consult.generaliste"}},
		// Essentiel, consult: 100% BRSS: 30.00 − 21.00 = 9.00; reste 2.00.
		{"generaliste_secteur_1", essentiel, paid{"30.00", "19.00", "9.00", "2.00", "essentiel.garantie consult"}},
		// GP OPTAM, frais 40, base 30, Équilibre "si optam" 150%: 45.00 −
		// 21.00 = 24.00, capped at 40 − 21 = 19.00; reste 40 − 19 − 19 = 2.00.
		{"generaliste_optam", equilibre, paid{"40.00", "19.00", "19.00", "2.00", "equilibre.garantie consult.generaliste si optam"}},
		// GP non-OPTAM, frais 50: Équilibre 130%: 39 − 21 = 18.00 (under
		// 50 − 21 = 29); reste 50 − 19 − 18 = 13.00.
		{"generaliste_non_optam", equilibre, paid{"50.00", "19.00", "18.00", "13.00", "equilibre.garantie consult.generaliste"}},
		// Essentiel 100%: 9.00; reste 50 − 19 − 9 = 22.00.
		{"generaliste_non_optam", essentiel, paid{"50.00", "19.00", "9.00", "22.00", "essentiel.garantie consult"}},
		// Sérénité 200%: 60 − 21 = 39.00, capped at 29.00; reste 2.00.
		{"generaliste_non_optam", serenite, paid{"50.00", "19.00", "29.00", "2.00", "serenite.garantie consult.generaliste"}},
		// Glasses classe A, 115.00, base 34.50: RO 34.50 × 60% = 20.70, no
		// PF. Frais réels on the 100% Santé poste: 115 − 20.70 = 94.30,
		// reste 0, in every contract.
		{"lunettes_classe_a", essentiel, paid{"115.00", "20.70", "94.30", "0.00", "essentiel.garantie optique.equipement_100_sante"}},
		{"lunettes_classe_a", equilibre, paid{"115.00", "20.70", "94.30", "0.00", "equilibre.garantie optique.equipement_100_sante"}},
		{"lunettes_classe_a", serenite, paid{"115.00", "20.70", "94.30", "0.00", "serenite.garantie optique.equipement_100_sante"}},
		// Hearing aid classe I, 950.00, base 400: RO 400 × 60% = 240.00;
		// frais réels 950 − 240 = 710.00, reste 0.
		{"aide_auditive_classe_1", equilibre, paid{"950.00", "240.00", "710.00", "0.00", "equilibre.garantie audiologie.aide_100_sante"}},
		// Hearing aid classe II, 1500.00, base 400, RO 240.00. Essentiel
		// 100% BRSS: 400 − 240 = 160.00; reste 1500 − 240 − 160 = 1100.00.
		{"aide_auditive_classe_2", essentiel, paid{"1500.00", "240.00", "160.00", "1100.00", "essentiel.garantie audiologie.aide"}},
		// Équilibre 100% BRSS + forfait 400: 160 + 400 = 560.00; reste 700.00.
		{"aide_auditive_classe_2", equilibre, paid{"1500.00", "240.00", "560.00", "700.00", "equilibre.garantie audiologie.aide"}},
		// Sérénité 100% BRSS + forfait 1000: 160 + 1000 = 1160.00; reste 100.00.
		{"aide_auditive_classe_2", serenite, paid{"1500.00", "240.00", "1160.00", "100.00", "serenite.garantie audiologie.aide"}},
	} {
		if got := r.paid(t, tc.id, tc.col); got != tc.want {
			t.Errorf("%s in %s: got %+v, want %+v", tc.id, r.Colonnes[tc.col].Contrats[0], got, tc.want)
		}
	}
}

// TestExemplesLayers checks a surcomplémentaire on top of its base: the
// non-OPTAM GP at 50.00 (RO brut 21.00, RO 19.00). Essentiel pays 9.00
// (100% BRSS); Surco "200% BRSS" in déduction counts the RO brut and
// Essentiel's 9.00: 60.00 − 30.00 = 30.00, capped at 50 − 30 = 20.00.
// RC 29.00, reste 50 − 19 − 29 = 2.00.
func TestExemplesLayers(t *testing.T) {
	r := exemplesOf(t, "../../exemples/essentiel.garantie", "../../exemples/surco.garantie")
	for _, e := range r.Exemples {
		if e.ID != "generaliste_non_optam" {
			continue
		}
		res := e.Resultats[0]
		if res.RC != "29.00" || res.Reste != "2.00" || strings.Join(res.Couches, " ") != "9.00 20.00" {
			t.Errorf("got rc %s, couches %q, reste %s; want 29.00, [9.00 20.00], 2.00", res.RC, res.Couches, res.Reste)
		}
		return
	}
	t.Fatal("no generaliste_non_optam example")
}

// TestExemplesFormatsAgree checks that every figure of the table, CSV and
// HTML forms equals the JSON form's.
func TestExemplesFormatsAgree(t *testing.T) {
	args := []string{"--compare", "../../exemples/essentiel.garantie", "../../exemples/serenite.garantie"}
	r := exemplesOf(t, args...)
	euros := func(s string) string { // "1160.00" -> "1 160,00 €"
		units, cents, _ := strings.Cut(s, ".")
		var b strings.Builder
		for i, c := range units {
			if i > 0 && (len(units)-i)%3 == 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(c)
		}
		return b.String() + "," + cents + " €"
	}

	_, page, _ := runCLI(t, "", append([]string{"exemples", "--format", "html"}, args...)...)
	doc := parseHTML(t, page)
	_, csvOut, _ := runCLI(t, "", append([]string{"exemples", "--format", "csv"}, args...)...)
	records, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := runCLI(t, "", append([]string{"exemples"}, args...)...)
	_, markdown, _ := runCLI(t, "", append([]string{"exemples", "--format", "md"}, args...)...)
	for i, e := range r.Exemples {
		row := doc.row(t, e.Situation)
		want := []string{e.Situation, euros(e.Frais), euros(e.RO)}
		tableWant := []string{e.ID, e.Frais, e.RO}
		for k, res := range e.Resultats {
			want = append(want, euros(res.RC)+" "+strings.Join(res.Regles, " "), euros(res.Reste))
			tableWant = append(tableWant, res.RC, res.Reste)
			rec := records[1+i*len(e.Resultats)+k]
			if rec[0] != e.ID || rec[3] != e.Frais || rec[4] != e.RO || rec[5] != res.RC || rec[7] != res.Reste {
				t.Errorf("CSV row %q differs from the JSON %s column %d", rec, e.ID, k)
			}
		}
		for j := range want {
			if j >= len(row) || !strings.HasPrefix(row[j], want[j]) {
				t.Errorf("HTML row %q, want %q", row, want)
				break
			}
		}
		if !containsInOrder(table, tableWant) {
			t.Errorf("table has no line with %q in order:\n%s", tableWant, table)
		}
		mdWant := "| " + e.Situation + " | " + euros(e.Frais) + " | " + euros(e.RO)
		for _, res := range e.Resultats {
			mdWant += " | " + euros(res.RC) + " | " + euros(res.Reste)
		}
		if !strings.Contains(markdown, mdWant+" |\n") {
			t.Errorf("Markdown has no line %q:\n%s", mdWant+" |", markdown)
		}
	}
}

// containsInOrder reports whether some line of text holds the words in
// this order.
func containsInOrder(text string, words []string) bool {
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		j := 0
		for _, w := range f {
			if j < len(words) && w == words[j] {
				j++
			}
		}
		if j == len(words) {
			return true
		}
	}
	return false
}

func TestExemplesUsage(t *testing.T) {
	noEffet := writeFile(t, "n.garantie", "contrat \"Sans effet\"\nconsult: 100% BRSS\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"exemples"}, "need a contract"},
		{[]string{"exemples", "--format", "xml", "../../exemples/essentiel.garantie"}, "--format"},
		{[]string{"exemples", noEffet}, "has no effet: give the date of the examples with --date"},
		{[]string{"exemples", "--date", "2026-13-01", noEffet}, "not a YYYY-MM-DD date"},
		{[]string{"exemples", "--date", "2019-01-01", noEffet}, "no example in force on 2019-01-01"},
	} {
		status, _, errOut := runCLI(t, "", tc.args...)
		if status != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: status %d, stderr %q, want %d and %q", tc.args, status, errOut, exitUsage, tc.want)
		}
	}
	// With a date, a contract without effet works; the forfait journalier
	// of March 2026 is 23 € (valeurs.csv).
	r := exemplesOf(t, "--date", "2026-03-01", noEffet)
	if got := r.paid(t, "forfait_journalier", 0); got.frais != "23.00" || got.rc != "0.00" || got.reste != "23.00" {
		t.Errorf("forfait journalier on 2026-03-01: %+v, want frais 23.00 not covered", got)
	}
}
