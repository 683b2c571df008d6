package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// reportClaims returns a generated claims file of n lines, with enough
// optique, dentaire and audiologie lines for a scenario to move some.
func reportClaims(t *testing.T, n int) string {
	t.Helper()
	status, out, errOut := runCLI(t, "", "gen", "--claims", strconv.Itoa(n), "--beneficiaries", strconv.Itoa(n/15), "--seed", "11")
	if status != exitOK {
		t.Fatalf("gen: %d %s", status, errOut)
	}
	return writeFile(t, "soins.csv", out)
}

const exemple = "../../exemples/"

// mustRun runs the CLI and fails the test unless it exits with status 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	status, out, errOut := runCLI(t, "", args...)
	if status != exitOK {
		t.Fatalf("garantie %s: status %d\n%s", strings.Join(args, " "), status, errOut)
	}
	return out
}

var figRE = regexp.MustCompile(`<span data-fig="([^"]*)">([^<]*)</span>`)

// htmlFigures returns the figures of a report page by their data-fig key,
// in the form of the JSON output: "1 234,56 €" is "1234.56", "+12,5 %" is
// "12.5", "n/a" is "null".
func htmlFigures(t *testing.T, page string) map[string]string {
	t.Helper()
	figs := map[string]string{}
	for _, m := range figRE.FindAllStringSubmatch(page, -1) {
		key, v := html.UnescapeString(m[1]), canonicalFigure(html.UnescapeString(m[2]))
		if old, dup := figs[key]; dup && old != v {
			t.Errorf("figure %s is %q and %q in the page", key, old, v)
		}
		figs[key] = v
	}
	return figs
}

func canonicalFigure(s string) string {
	if s == "n/a" {
		return "null"
	}
	s = strings.NewReplacer("\u00a0", "", " ", "", "€", "", "%", "", ",", ".").Replace(s)
	return strings.TrimPrefix(s, "+")
}

// flatten returns the figures of a JSON document by path, arrays of
// objects indexed by their key field (poste, assure, p, profil) or their
// position.
func flatten(prefix string, v any, out map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			flatten(prefix+k+".", x, out)
		}
	case []any:
		for i, x := range v {
			key := strconv.Itoa(i)
			if m, ok := x.(map[string]any); ok {
				for _, id := range []string{"poste", "assure", "profil", "p"} {
					if s, ok := m[id]; ok {
						key = strings.TrimSuffix(strings.TrimSuffix(mustJSON(s), `"`), `"`)
						key = strings.TrimPrefix(key, `"`)
						break
					}
				}
			}
			flatten(prefix+key+".", x, out)
		}
	case nil:
		out[strings.TrimSuffix(prefix, ".")] = "null"
	case string:
		out[strings.TrimSuffix(prefix, ".")] = v
	default:
		out[strings.TrimSuffix(prefix, ".")] = mustJSON(v)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func jsonFigures(t *testing.T, doc string) map[string]string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	out := map[string]string{}
	flatten("", v, out)
	return out
}

// diffFigureKey maps a key of the diff JSON onto the page's.
func diffFigureKey(k string) string {
	k = strings.Replace(k, "plus_fortes_variations.", "variations.", 1)
	k = strings.Replace(k, "quantiles_variation_reste.", "quantiles.", 1)
	return strings.TrimSuffix(k, ".valeur")
}

// checkFigures checks that every figure of the page equals the JSON's,
// and that the page shows every JSON figure whose key matches shown.
func checkFigures(t *testing.T, page, js map[string]string, shown *regexp.Regexp) {
	t.Helper()
	if len(page) == 0 {
		t.Fatal("no figure in the page")
	}
	for k, v := range page {
		if w, ok := js[k]; !ok {
			t.Errorf("page figure %s = %q is not in the JSON output", k, v)
		} else if v != w {
			t.Errorf("page figure %s = %q, JSON %q", k, v, w)
		}
	}
	for k, w := range js {
		if shown.MatchString(k) {
			if _, ok := page[k]; !ok {
				t.Errorf("JSON figure %s = %q is not in the page", k, w)
			}
		}
	}
}

var diffShown = regexp.MustCompile(`^(scenario\.lignes_deplacees|par_age\..*|par_taille_famille\..*|lignes|rejetees_.|total\.(rc_a|rc_b|ecart|ecart_pct|reste_a|reste_b)|postes\..*\.(lignes|rc_a|rc_b|ecart|ecart_pct|reste_a|reste_b)|beneficiaires\..*|quantiles\.\d+|variations\..*\.(reste_a|reste_b|variation))$`)

func diffJSONForPage(t *testing.T, js string) map[string]string {
	raw := jsonFigures(t, js)
	out := map[string]string{}
	for k, v := range raw {
		out[diffFigureKey(k)] = v
	}
	return out
}

func TestDiffHTMLFiguresEqualJSON(t *testing.T) {
	claims := reportClaims(t, 3000)
	sc := exemple + "reseau.scenario"
	for _, extra := range [][]string{nil, {"--scenario", sc}} {
		args := append([]string{"diff", exemple + "essentiel.garantie", exemple + "equilibre.garantie", "--claims", claims}, extra...)
		js := mustRun(t, append(args, "--format", "json")...)
		out := filepath.Join(t.TempDir(), "rapport.html")
		mustRun(t, append(args, "--format", "html", "-o", out)...)
		page, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		want := diffJSONForPage(t, js)
		groupFigures(t, claims, want)
		checkFigures(t, htmlFigures(t, string(page)), want, diffShown)
		for _, want := range []string{"<svg", "Essentiel 2026", "Équilibre 2026", "Mutuelle Exemple", "2026-01-01", "Verres", "optique.verres", "Par tranche d'âge", "Par taille de famille"} {
			if !strings.Contains(string(page), want) {
				t.Errorf("the page lacks %q", want)
			}
		}
		if extra != nil && !strings.Contains(string(page), "Réseau de soins") {
			t.Error("the page does not name the scenario")
		}
	}
}

var compareShown = regexp.MustCompile(`^scenario\.lignes_deplacees$|^colonnes\.\d+\.(total|profils\.[a-z_]+|postes\.[a-z_.0-9]+)\.(lignes|rc|reste|part_sans_reste)$`)

func TestCompareHTMLFiguresEqualJSON(t *testing.T) {
	claims := reportClaims(t, 3000)
	args := []string{"compare", exemple + "essentiel.garantie", exemple + "equilibre.garantie", exemple + "serenite.garantie", "--claims", claims, "--scenario", exemple + "reseau.scenario"}
	js := mustRun(t, append(args, "--format", "json")...)
	page := mustRun(t, append(args, "--format", "html")...)
	jf := jsonFigures(t, js)
	// Profiles without beneficiaries are not shown.
	for k, v := range jf {
		if strings.HasSuffix(k, ".beneficiaires") && v == "0" {
			prefix := strings.TrimSuffix(k, "beneficiaires")
			for k2 := range jf {
				if strings.HasPrefix(k2, prefix) {
					delete(jf, k2)
				}
			}
		}
	}
	checkFigures(t, htmlFigures(t, page), jf, compareShown)
	if jf["colonnes.3.scenario"] != "true" || jf["colonnes.0.scenario"] != "false" || jf["scenario.lignes_deplacees"] == "0" {
		t.Errorf("with a scenario, 3 columns as is then 3 with the scenario, some lines moved: %v %v %v", jf["colonnes.3.scenario"], jf["colonnes.0.scenario"], jf["scenario.lignes_deplacees"])
	}
}

// A scenario and its seed give the same bytes whatever the number of
// workers; diff A A with a scenario is the network's pure effect.
func TestScenarioDeterministic(t *testing.T) {
	claims := reportClaims(t, 6000)
	sc := exemple + "reseau.scenario"
	a := exemple + "equilibre.garantie"
	var first, diffOut string
	for _, w := range []string{"1", "2", "5"} {
		out := mustRun(t, "diff", a, a, "--claims", claims, "--scenario", sc, "--format", "json", "--workers", w)
		cmpOut := mustRun(t, "compare", exemple+"essentiel.garantie", a, "--claims", claims, "--scenario", sc, "--format", "json", "--workers", w)
		if first == "" {
			first, diffOut = out+cmpOut, out
			continue
		}
		if out+cmpOut != first {
			t.Fatalf("--workers %s changes the output", w)
		}
	}
	var d struct {
		Total map[string]any `json:"total"`
	}
	if err := json.Unmarshal([]byte(diffOut), &d); err != nil {
		t.Fatal(err)
	}
	if d.Total["reste_b"] == d.Total["reste_a"] || d.Total["frais"] == nil {
		t.Errorf("the network changes nothing: %v", d.Total)
	}
	// Without a scenario, A against A changes nothing.
	out := mustRun(t, "diff", a, a, "--claims", claims, "--format", "json")
	if !strings.Contains(out, `"ecart": "0.00"`) || strings.Contains(out, `"hausse": 1`) {
		t.Errorf("A against A without scenario:\n%s", out[:400])
	}
}

func TestScenarioErrors(t *testing.T) {
	bad := writeFile(t, "bad.scenario", "optique.verre: 40% des lignes, prix -30%\n")
	status, _, errOut := runCLI(t, "", "diff", exemple+"essentiel.garantie", exemple+"equilibre.garantie", "--claims", exemple+"equilibre.csv", "--scenario", bad)
	if status != exitUsage || !strings.Contains(errOut, "bad.scenario:1:1: error: unknown poste") || !strings.Contains(errOut, "S002") {
		t.Errorf("status %d\n%s", status, errOut)
	}
}

// The French CSV of diff is the CSV with ';', decimal commas, a BOM and
// CRLF, and nothing else changed.
func TestDiffCSVFrench(t *testing.T) {
	args := []string{"diff", exemple + "essentiel.garantie", exemple + "equilibre.garantie", "--claims", exemple + "equilibre.csv", "--format", "csv"}
	plain := mustRun(t, args...)
	fr := mustRun(t, append(args, "--csv-fr")...)
	if !strings.HasPrefix(fr, "\uFEFFposte;libelle;lignes;frais;rc_a;") || !strings.Contains(fr, "\r\n") || strings.Contains(strings.ReplaceAll(fr, "\r\n", ""), "\n") {
		t.Fatalf("not the French flavour:\n%q", fr[:120])
	}
	if !strings.Contains(plain, "optique.verres,Verres,1,450.00,39.82,209.82,170.00,426.9,395.46,225.46\n") {
		t.Errorf("optique.verres row:\n%s", plain)
	}
	if !strings.Contains(fr, "optique.verres;Verres;1;450,00;39,82;209,82;170,00;426,9;395,46;225,46\r\n") {
		t.Errorf("optique.verres row in French:\n%s", fr)
	}
	back := strings.NewReplacer("\uFEFF", "", "\r\n", "\n").Replace(fr)
	var b bytes.Buffer
	for _, line := range strings.SplitAfter(back, "\n") {
		fields := strings.Split(line, ";")
		for i, f := range fields {
			if i > 0 {
				b.WriteByte(',')
			}
			if i >= 3 {
				f = strings.Replace(f, ",", ".", 1)
			}
			b.WriteString(f)
		}
	}
	if b.String() != plain {
		t.Errorf("the French CSV read back differs:\n%s\n%s", b.String(), plain)
	}
}

// The scenario of docs/scenarios.md is exemples/reseau.scenario, and the
// worked example's totals are what diff prints.
func TestScenarioDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/scenarios.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := fencedBlocks(t, "../../docs/scenarios.md")
	file, _ := os.ReadFile(exemple + "reseau.scenario")
	found := false
	for _, b := range blocks {
		if b.info == "scenario" {
			found = true
			if b.text != string(file) {
				t.Errorf("%s differs from exemples/reseau.scenario", b.where)
			}
		}
	}
	if !found {
		t.Fatal("no ```scenario block in docs/scenarios.md")
	}
	a := exemple + "equilibre.garantie"
	status, out, errOut := runCLI(t, "", "diff", a, a, "--claims", exemple+"equilibre.csv", "--scenario", exemple+"reseau.scenario")
	if status != exitOK {
		t.Fatal(errOut)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "TOTAL") || strings.HasPrefix(line, "optique.monture") || strings.HasPrefix(line, "audiologie.aide") {
			if !strings.Contains(string(doc), line+"\n") {
				t.Errorf("docs/scenarios.md lacks the line %q", line)
			}
		}
	}
	if !strings.Contains(errOut, "moved 5 of 20 lines") {
		t.Errorf("stderr %q", errOut)
	}
}

// The terminal tables of eval and diff give the label of each poste.
func TestTablesLabelPostes(t *testing.T) {
	evalOut := mustRun(t, "eval", exemple+"equilibre.garantie", "--claims", exemple+"equilibre.csv")
	diffOut := mustRun(t, "diff", exemple+"essentiel.garantie", exemple+"equilibre.garantie", "--claims", exemple+"equilibre.csv")
	cmpOut := mustRun(t, "compare", exemple+"essentiel.garantie", exemple+"equilibre.garantie", "--claims", exemple+"equilibre.csv")
	re := regexp.MustCompile(`optique\.verres +Verres\n`)
	if !re.MatchString(evalOut) || !re.MatchString(diffOut) {
		t.Errorf("no label for optique.verres:\n%s\n%s", evalOut, diffOut)
	}
	if !strings.Contains(cmpOut, "optique.verres — Verres") {
		t.Errorf("compare table:\n%s", cmpOut)
	}
}

// A formula BASE+SURCO is the base with the surcomplémentaire on top: its
// total RC is eval's with both layers.
func TestCompareStackedFormula(t *testing.T) {
	soins := exemple + "essentiel+surco.csv"
	stack := exemple + "essentiel.garantie+" + exemple + "surco.garantie"
	js := jsonFigures(t, mustRun(t, "compare", exemple+"essentiel.garantie", stack, "--claims", soins, "--format", "json"))
	ev := jsonFigures(t, mustRun(t, "eval", exemple+"essentiel.garantie", exemple+"surco.garantie", "--claims", soins, "--format", "json"))
	one := jsonFigures(t, mustRun(t, "eval", exemple+"essentiel.garantie", "--claims", soins, "--format", "json"))
	if js["colonnes.1.total.rc"] != ev["totaux.rc"] || js["colonnes.1.total.reste"] != ev["totaux.reste"] || js["colonnes.0.total.rc"] != one["totaux.rc"] {
		t.Errorf("compare %s %s, eval %s %s", js["colonnes.0.total.rc"], js["colonnes.1.total.rc"], one["totaux.rc"], ev["totaux.rc"])
	}
	if js["colonnes.1.formule"] != "Essentiel 2026 + Surco Dépassements 2026" {
		t.Errorf("name %q", js["colonnes.1.formule"])
	}
}

// groupFigures adds to js the figures of the breakdowns by age band and
// by family size, computed here from the claims file and the JSON's
// par_beneficiaire figures, independently of package compare: ages in
// whole years on each beneficiary's first date of care, families by the
// famille column (or the beneficiary alone), sizes by beneficiaries seen.
func groupFigures(t *testing.T, claimsPath string, js map[string]string) {
	t.Helper()
	f, err := os.Open(claimsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	first, birth, family := map[string]string{}, map[string]string{}, map[string]string{}
	members := map[string]map[string]bool{}
	for _, r := range records[1:] {
		a, d := r[col["assure"]], r[col["date"]]
		if old, ok := first[a]; !ok || d < old {
			first[a] = d
		}
		if n := r[col["naissance"]]; n != "" {
			birth[a] = n
		}
		fam := r[col["famille"]]
		if fam == "" {
			fam = a
		}
		family[a] = fam
		if members[fam] == nil {
			members[fam] = map[string]bool{}
		}
		members[fam][a] = true
	}
	type sums struct {
		n      int
		ra, rb decimal.Decimal
	}
	groups := map[string]*sums{}
	add := func(key, assure string) {
		g := groups[key]
		if g == nil {
			g = &sums{}
			groups[key] = g
		}
		g.n++
		g.ra = g.ra.Add(decimal.RequireFromString(js["par_beneficiaire."+assure+".reste_a"]))
		g.rb = g.rb.Add(decimal.RequireFromString(js["par_beneficiaire."+assure+".reste_b"]))
	}
	for k := range js {
		assure, ok := strings.CutPrefix(k, "par_beneficiaire.")
		if !ok || !strings.HasSuffix(assure, ".reste_a") {
			continue
		}
		assure = strings.TrimSuffix(assure, ".reste_a")
		band := "inconnu"
		if b, ok := birth[assure]; ok {
			age := ageOn(b, first[assure])
			for _, bd := range []struct {
				label string
				to    int
			}{{"0–17", 17}, {"18–25", 25}, {"26–39", 39}, {"40–59", 59}, {"60–74", 74}, {"75+", 1 << 30}} {
				if age <= bd.to {
					band = bd.label
					break
				}
			}
		}
		add("par_age."+band, assure)
		size := strconv.Itoa(len(members[family[assure]]))
		if len(members[family[assure]]) >= 5 {
			size = "5+"
		}
		add("par_taille_famille."+size, assure)
	}
	if len(groups) < 4 {
		t.Fatalf("only %d groups: the claims do not exercise the breakdowns", len(groups))
	}
	for k, g := range groups {
		js[k+".beneficiaires"] = strconv.Itoa(g.n)
		js[k+".reste_a"] = g.ra.StringFixed(2)
		js[k+".reste_b"] = g.rb.StringFixed(2)
		js[k+".variation"] = g.rb.Sub(g.ra).StringFixed(2)
	}
}

// ageOn returns the whole years from birth to day (both YYYY-MM-DD); a
// 29 February birthday falls on 28 February in other years.
func ageOn(birth, day string) int {
	by, _ := strconv.Atoi(birth[:4])
	dy, _ := strconv.Atoi(day[:4])
	bmd, dmd := birth[5:], day[5:]
	leap := dy%4 == 0 && (dy%100 != 0 || dy%400 == 0)
	if bmd == "02-29" && !leap {
		bmd = "02-28"
	}
	age := dy - by
	if dmd < bmd {
		age--
	}
	return age
}

// A claims file in the French CSV flavour reads as the plain one: gen
// --csv-fr evaluates to the same results.
func TestGenFrenchCSV(t *testing.T) {
	dir := t.TempDir()
	plain, fr := filepath.Join(dir, "soins.csv"), filepath.Join(dir, "soins-fr.csv")
	mustRun(t, "gen", "--claims", "500", "--beneficiaries", "40", "-o", plain)
	mustRun(t, "gen", "--claims", "500", "--beneficiaries", "40", "-o", fr, "--csv-fr")
	b, _ := os.ReadFile(fr)
	if !bytes.HasPrefix(b, []byte("\uFEFFid;")) || !bytes.Contains(b, []byte("\r\n")) || !regexp.MustCompile(`;\d+,\d\d;`).Match(b) {
		t.Fatalf("not the French flavour: %q", b[:200])
	}
	a := mustRun(t, "eval", exemple+"equilibre.garantie", "--claims", plain, "--format", "jsonl")
	c := mustRun(t, "eval", exemple+"equilibre.garantie", "--claims", fr, "--format", "jsonl")
	if a != c {
		t.Error("the French CSV does not evaluate as the plain one")
	}
}

// gen -o FILE.parquet writes the claims typed; eval reads them back as the
// CSV's.
func TestGenParquet(t *testing.T) {
	dir := t.TempDir()
	csvPath, pqPath := filepath.Join(dir, "soins.csv"), filepath.Join(dir, "soins.parquet")
	// --columns full: professionnel, equipement and verres go through too
	// (Sérénité pays optique by lens type).
	mustRun(t, "gen", "--claims", "800", "--beneficiaries", "60", "--columns", "full", "-o", csvPath)
	mustRun(t, "gen", "--claims", "800", "--beneficiaries", "60", "--columns", "full", "-o", pqPath)
	b, _ := os.ReadFile(pqPath)
	if !bytes.HasPrefix(b, []byte("PAR1")) {
		t.Fatal("not a Parquet file")
	}
	a := mustRun(t, "eval", exemple+"serenite.garantie", "--claims", csvPath, "--format", "jsonl")
	c := mustRun(t, "eval", exemple+"serenite.garantie", "--claims", pqPath, "--format", "jsonl")
	if a != c || strings.Count(a, "\n") != 800 {
		t.Error("the Parquet claims do not evaluate as the CSV")
	}
}
