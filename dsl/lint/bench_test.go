package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"garantie/dsl/check"
	"garantie/dsl/diag"
	"garantie/dsl/lint"
	"garantie/dsl/parser"
	"garantie/regles"
)

// generatedContract returns a contract of n rules spread over the
// standard postes, each poste with up to eight overlapping but
// unambiguous conditions, so the ambiguity check has real work to do.
func generatedContract(n int) []byte {
	conditions := []string{"", " si enfant", " si reseau", " si enfant et reseau", " si senior", " si senior et reseau", " si age < 10", " si age < 10 et reseau"}
	var postes []string
	for _, p := range regles.Postes() {
		if strings.Contains(p.Code, ".") {
			postes = append(postes, p.Code)
		}
	}
	var b strings.Builder
	b.WriteString("contrat \"Généré\"\norganisme \"Bench\"\neffet 2026-01-01\n")
	for i := range n {
		poste := postes[i/len(conditions)%len(postes)]
		cond := conditions[i%len(conditions)]
		fmt.Fprintf(&b, "%s%s: %d%% BRSS + %d€ / acte, max %d actes / annee civile, plafond %d€ / 24 mois glissants\n",
			poste, cond, 100+i%300, 10+i%50, 1+i%12, 500+i)
	}
	return []byte(b.String())
}

// BenchmarkCheck measures parse, check and lint of a 300-rule contract:
//
//	go test ./dsl/lint -run '^$' -bench BenchmarkCheck -benchmem
func BenchmarkCheck(b *testing.B) {
	src := generatedContract(300)
	f, ds := parser.Parse("bench.garantie", src)
	p, cds := check.Check(f, check.Regles())
	if ds = append(ds, cds...); ds.HasErrors() {
		b.Fatalf("generated contract has errors: %v", ds)
	}
	if len(p.Rules) != 300 {
		b.Fatalf("got %d rules, want 300", len(p.Rules))
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		f, _ := parser.Parse("bench.garantie", src)
		p, _ := check.Check(f, check.Regles())
		lint.Run(p)
	}
}

// BenchmarkCheckLint measures check and lint alone on the parsed
// 300-rule contract, without the parser.
func BenchmarkCheckLint(b *testing.B) {
	f, _ := parser.Parse("bench.garantie", generatedContract(300))
	for b.Loop() {
		p, _ := check.Check(f, check.Regles())
		lint.Run(p)
	}
}

// family is one section of a realistic contract: a comment heading, the
// postes it covers and, for each, a formula with %d standing for an
// amount that varies from rule to rule.
type family struct {
	heading string
	rules   []familyRule
}

type familyRule struct {
	poste   string
	formula string
	base    int // the smallest amount %d takes
	step    int
}

// ageLadder are conditions that nest or are disjoint, so rules of one
// poste never conflict: the most specific one always exists.
var ageLadder = []string{"", " si reseau", " si senior et reseau", " si senior", " si age < 16 et reseau", " si age < 16", " si age < 6 et reseau", " si age < 6"}

// optamLadder are the conditions of doctors' fees, OPTAM rules paying at
// least 20 points more than the others.
var optamLadder = []string{" si optam", "", " si enfant et optam", " si enfant", " si senior et optam", " si senior", " si age < 6 et optam", " si age < 6"}

var families = []family{
	{"# Hospitalisation: dépassements better with OPTAM doctors.", []familyRule{
		{"hospitalisation.honoraires", "%d%% BRSS", 150, 10},
		{"hospitalisation.frais_sejour", "%d%% BRSS", 100, 10},
		{"hospitalisation.forfait_journalier", "frais reels", 0, 0},
		{"hospitalisation.chambre_particuliere", "%d€ / jour, max 30 jours / annee civile", 40, 5},
		{"hospitalisation.accompagnant", "%d€ / jour, max 15 jours / annee civile", 20, 5},
	}},
	{"# Consultations et soins courants.", []familyRule{
		{"consult.generaliste", "%d%% BRSS", 130, 10},
		{"consult.specialiste", "%d%% BRSS", 150, 10},
		{"consult.actes_techniques", "%d%% BRSS", 130, 10},
		{"soins.auxiliaires", "%d%% BRSS", 100, 10},
		{"soins.analyses", "%d%% BRSS", 100, 10},
		{"soins.imagerie", "%d%% BRSS", 100, 10},
		{"soins.pharmacie", "%d%% BRSS", 100, 0},
		{"soins.transport", "%d%% BRSS", 100, 0},
		{"soins.materiel_medical", "%d%% BRSS", 100, 0},
		{"soins.psychologue", "100%% BRSS + %d€ / seance", 20, 5},
	}},
	{"# Optique: one equipment every two years, every year under 16.", []familyRule{
		{"optique.equipement_100_sante", "frais reels", 0, 0},
		{"optique.monture", "forfait %d€ / 24 mois glissants", 50, 5},
		{"optique.verres", "forfait %d€ / 24 mois glissants", 150, 25},
		{"optique.lentilles", "100%% BRSS + forfait %d€ / annee civile", 100, 20},
		{"optique.chirurgie_refractive", "forfait %d€ / annee civile", 250, 50},
	}},
	{"# Dentaire: implants after a waiting period.", []familyRule{
		{"dentaire.soins", "%d%% BRSS", 100, 0},
		{"dentaire.prothese_100_sante", "frais reels", 0, 0},
		{"dentaire.prothese", "%d%% BRSS", 250, 25},
		{"dentaire.orthodontie", "%d%% BRSS", 200, 25},
		{"dentaire.implant", "%d€ / acte, max 2 actes / annee civile, carence 6 mois", 300, 50},
	}},
	{"# Aides auditives: one device per ear every four years.", []familyRule{
		{"audiologie.aide_100_sante", "frais reels", 0, 0},
		{"audiologie.aide", "forfait %d€ / 48 mois glissants", 400, 50},
		{"audiologie.entretien", "%d%% BRSS", 100, 0},
	}},
	{"# Médecines douces: a yearly cap shared by all practitioners.", []familyRule{
		{"medecine_douce.osteopathie", "%d€ / seance, max 4 seances / annee civile", 30, 5},
		{"medecine_douce.chiropraxie", "%d€ / seance, max 4 seances / annee civile", 30, 5},
		{"medecine_douce.acupuncture", "%d€ / seance, max 3 seances / annee civile", 30, 5},
		{"medecine_douce.sophrologie", "%d€ / seance, max 3 seances / annee civile", 25, 5},
	}},
	{"# Prévention et prestations.", []familyRule{
		{"prevention.vaccins", "%d%% BRSS", 100, 0},
		{"prevention.sevrage_tabagique", "forfait %d€ / annee civile", 50, 10},
		{"prevention.bilan", "forfait %d€ / 24 mois glissants", 100, 10},
		{"prestations.cure_thermale", "forfait %d€ / annee civile", 150, 10},
	}},
}

// realisticContract returns a contrat responsable of exactly lines lines
// in the style of exemples/*.garantie: a header, commented sections,
// blank lines, aligned rules with up to two conditions, formulas with
// forfaits, limits and periods. Each poste gets rules under nested
// conditions, so the contract is unambiguous and checks clean; variant
// shifts the amounts so that generated files differ.
func realisticContract(lines, variant int) []byte {
	out := []string{
		"# Formule Générée : contrat responsable, many rules per poste.",
		`contrat "Générée 2026"`,
		`organisme "Mutuelle Exemple"`,
		"effet 2026-01-01",
		"responsable",
		"medecine_douce: plafond 300€ / annee civile",
		"",
		"# One counter per poste, whichever age rule applies (L207).",
		"hospitalisation.chambre_particuliere: max 30 jours / annee civile",
		"hospitalisation.accompagnant: max 15 jours / annee civile",
		"optique.monture: max 1 equipement / 12 mois glissants",
		"optique.verres: max 1 equipement / 12 mois glissants",
		"optique.lentilles: max 1 equipement / annee civile",
		"optique.chirurgie_refractive: plafond 400€ / annee civile",
		"dentaire.implant: max 2 actes / annee civile",
		"audiologie.aide: max 2 oreilles / 48 mois glissants",
		"medecine_douce.osteopathie: max 4 seances / annee civile",
		"medecine_douce.chiropraxie: max 4 seances / annee civile",
		"medecine_douce.acupuncture: max 3 seances / annee civile",
		"medecine_douce.sophrologie: max 3 seances / annee civile",
		"prevention.sevrage_tabagique: plafond 80€ / annee civile",
		"prevention.bilan: plafond 130€ / 24 mois glissants",
		"prestations.cure_thermale: plafond 180€ / annee civile",
	}
	for round := 0; len(out) < lines; round++ {
		for _, fam := range families {
			out = append(out, "", fam.heading)
			for i, r := range fam.rules {
				ladder := ageLadder
				if strings.HasPrefix(r.poste, "consult") || r.poste == "hospitalisation.honoraires" {
					ladder = optamLadder
				}
				if round >= len(ladder) {
					continue
				}
				cond, formula := ladder[round], r.formula
				if strings.Contains(formula, "%d") {
					amount := r.base + r.step*((round+i+variant)%4)
					if strings.Contains(cond, "optam") {
						amount += 100
					}
					formula = fmt.Sprintf(formula, amount)
				}
				out = append(out, fmt.Sprintf("%-48s %s", r.poste+cond+":", formula))
			}
		}
	}
	return []byte(strings.Join(out[:lines], "\n") + "\n")
}

// checkFile is what garantie check does with one file (analyse in
// cmd/garantie/load.go): parse, check, lint a file without errors, and
// drop duplicates.
func checkFile(path string, src []byte) diag.Diagnostics {
	f, ds := parser.Parse(path, src)
	p, cds := check.Check(f, check.Regles())
	if ds = append(ds, cds...); !ds.HasErrors() {
		ds = append(ds, lint.Run(p)...)
	}
	return ds.Dedup()
}

func TestRealisticContractChecksClean(t *testing.T) {
	for _, lines := range []int{200, 300} {
		src := realisticContract(lines, lines)
		if got := strings.Count(string(src), "\n"); got != lines {
			t.Errorf("realisticContract(%d) has %d lines", lines, got)
		}
		if ds := checkFile("realistic.garantie", src); len(ds) > 0 {
			t.Errorf("realisticContract(%d) has diagnostics:\n%v", lines, ds)
		}
	}
}

// BenchmarkCheckRealistic measures parse, check and lint of a realistic
// 300-line contract, as garantie check runs them on one file:
//
//	go test ./dsl/lint -run '^$' -bench BenchmarkCheckRealistic -benchmem -count 5
func BenchmarkCheckRealistic(b *testing.B) {
	src := realisticContract(300, 0)
	if ds := checkFile("realistic.garantie", src); len(ds) > 0 {
		b.Fatalf("realistic contract has diagnostics:\n%v", ds)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		checkFile("realistic.garantie", src)
	}
}

// BenchmarkCheck100Files measures garantie check on 100 files of 200 lines:
// each iteration reads and analyses every file on GOMAXPROCS goroutines,
// as the command does, keeping the results in argument order.
//
//	go test ./dsl/lint -run '^$' -bench BenchmarkCheck100Files -benchmem -count 5
func BenchmarkCheck100Files(b *testing.B) {
	dir := b.TempDir()
	paths := make([]string, 100)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("contrat%03d.garantie", i))
		if err := os.WriteFile(paths[i], realisticContract(200, i), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for i, ds := range checkFiles(paths) {
		if len(ds) > 0 {
			b.Fatalf("%s has diagnostics:\n%v", paths[i], ds)
		}
	}
	for b.Loop() {
		checkFiles(paths)
	}
}

// checkFiles reads and analyses the files on GOMAXPROCS goroutines and
// returns their diagnostics in the order of paths.
func checkFiles(paths []string) []diag.Diagnostics {
	out := make([]diag.Diagnostics, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := range next {
				src, err := os.ReadFile(paths[i])
				if err != nil {
					panic(err)
				}
				out[i] = checkFile(paths[i], src)
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
