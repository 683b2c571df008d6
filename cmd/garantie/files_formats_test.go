package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"garantie/eval/claims"
	"garantie/eval/parquet"
)

// evalRecord is a record of eval --format json.
type evalRecord struct {
	ID      string   `json:"id"`
	Ligne   int      `json:"ligne"`
	Assure  string   `json:"assure"`
	Date    string   `json:"date"`
	Poste   string   `json:"poste"`
	Frais   string   `json:"frais"`
	ROBrut  string   `json:"ro_brut"`
	PF      string   `json:"pf"`
	RO      string   `json:"ro"`
	RC      string   `json:"rc"`
	Reste   string   `json:"reste"`
	Couches []string `json:"couches"`
	Regles  []string `json:"regles"`
	Erreur  string   `json:"erreur"`
}

type evalDoc struct {
	Resultats []evalRecord    `json:"resultats"`
	Totaux    json.RawMessage `json:"totaux"`
}

// formatClaims is a generated claims file with a line appended that every
// contract rejects.
func formatClaims(t *testing.T) string {
	t.Helper()
	_, out, _ := runCLI(t, "", "gen", "--claims", "2000", "--beneficiaries", "150", "--seed", "5")
	return writeFile(t, "soins.csv", out+"zz1,b0000001,2026-12-31,optique.verre,10.00,,,,,,,,,,,,\n")
}

func evalJSON(t *testing.T, args ...string) evalDoc {
	t.Helper()
	status, out, errOut := runCLI(t, "", append(args, "--format", "json")...)
	if status != exitFail && status != exitOK {
		t.Fatalf("eval: %d %s", status, errOut)
	}
	var doc evalDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// sameAmount reports whether a spreadsheet's number is the JSON amount.
func sameAmount(cell, amount string) bool {
	a, err1 := decimal.NewFromString(cell)
	b, err2 := decimal.NewFromString(amount)
	return err1 == nil && err2 == nil && a.Equal(b)
}

func TestEvalXLSXEqualsJSON(t *testing.T) {
	soins := formatClaims(t)
	args := []string{"eval", exemple + "essentiel.garantie", exemple + "surco.garantie", "--claims", soins}
	doc := evalJSON(t, args...)
	out := filepath.Join(t.TempDir(), "resultats.xlsx")
	if status, _, errOut := runCLI(t, "", append(args, "--format", "xlsx", "-o", out)...); status != exitFail {
		t.Fatalf("status %d (one line is rejected): %s", status, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Lignes", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0], ",")
	if head != "id,ligne,assure,date,poste,libellé,frais,ro_brut,pf,ro,rc,reste,rc_1,regle_1,motif_1,rc_2,regle_2,motif_2,erreur" {
		t.Fatalf("header %s", head)
	}
	if len(rows)-1 != len(doc.Resultats) {
		t.Fatalf("%d rows, %d results", len(rows)-1, len(doc.Resultats))
	}
	cell := func(row []string, i int) string {
		if i < len(row) {
			return row[i]
		}
		return ""
	}
	for i, r := range doc.Resultats {
		row := rows[i+1]
		if cell(row, 0) != r.ID || cell(row, 1) != strconv.Itoa(r.Ligne) || cell(row, 2) != r.Assure || cell(row, 4) != r.Poste {
			t.Fatalf("row %d %v, result %+v", i+2, row, r)
		}
		if r.Erreur != "" {
			if cell(row, 18) != r.Erreur {
				t.Errorf("row %d error %q, JSON %q", i+2, cell(row, 18), r.Erreur)
			}
			continue
		}
		serial, _ := strconv.ParseFloat(cell(row, 3), 64)
		d, err := excelize.ExcelDateToTime(serial, false)
		if err != nil || d.Format("2006-01-02") != r.Date {
			t.Errorf("row %d date %s (%v), JSON %s", i+2, cell(row, 3), d, r.Date)
		}
		for k, want := range []string{r.Frais, r.ROBrut, r.PF, r.RO, r.RC, r.Reste, r.Couches[0], "", "", r.Couches[1]} {
			if want != "" && !sameAmount(cell(row, 6+k), want) {
				t.Errorf("row %d column %s = %s, JSON %s", i+2, rows[0][6+k], cell(row, 6+k), want)
			}
		}
		if cell(row, 13) != r.Regles[0] && r.Regles[0] != "" {
			t.Errorf("row %d rule %s, JSON %s", i+2, cell(row, 13), r.Regles[0])
		}
	}
	if typ, _ := f.GetCellType("Lignes", "G2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("frais is not a number: %v", typ)
	}
	if p, _ := f.GetPanes("Lignes"); !p.Freeze || p.YSplit != 1 {
		t.Errorf("header not frozen: %+v", p)
	}
	filters := 0
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm._FilterDatabase" {
			filters++
		}
	}
	if filters != 2 {
		t.Errorf("%d autofilters, want one per sheet", filters)
	}
	// The TOTAL row of the postes equals the JSON totals.
	var tot map[string]any
	json.Unmarshal(doc.Totaux, &tot)
	postes, _ := f.GetRows("Postes", excelize.Options{RawCellValue: true})
	last := postes[len(postes)-1]
	if last[0] != "TOTAL" || !sameAmount(last[3], tot["frais"].(string)) || !sameAmount(last[4], tot["ro"].(string)) || !sameAmount(last[5], tot["rc"].(string)) || !sameAmount(last[6], tot["reste"].(string)) {
		t.Errorf("TOTAL %v, JSON %v", last, tot)
	}
	if postes[1][1] == "" {
		t.Errorf("no label beside %s", postes[1][0])
	}
}

func TestDiffXLSXEqualsJSON(t *testing.T) {
	soins := reportClaims(t, 2000)
	args := []string{"diff", exemple + "essentiel.garantie", exemple + "equilibre.garantie", "--claims", soins}
	js := jsonFigures(t, mustRun(t, append(args, "--format", "json")...))
	out := filepath.Join(t.TempDir(), "diff.xlsx")
	mustRun(t, append(args, "--format", "xlsx", "-o", out)...)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	postes, _ := f.GetRows("Postes", excelize.Options{RawCellValue: true})
	fields := []string{"lignes", "frais", "rc_a", "rc_b", "ecart", "", "reste_a", "reste_b"}
	for _, row := range postes[1:] {
		key := "postes." + row[0] + "."
		if row[0] == "TOTAL" {
			key = "total."
		}
		for k, field := range fields {
			if field != "" && !sameAmount(row[2+k], js[key+field]) {
				t.Errorf("%s%s = %s, JSON %s", key, field, row[2+k], js[key+field])
			}
		}
	}
	benef, _ := f.GetRows("Bénéficiaires", excelize.Options{RawCellValue: true})
	if len(benef)-1 != countPrefix(js, "par_beneficiaire.", ".assure") || len(benef) < 50 {
		t.Errorf("%d beneficiaries in the workbook, %d in JSON", len(benef)-1, countPrefix(js, "par_beneficiaire.", ".assure"))
	}
	for _, row := range benef[1:] {
		key := "par_beneficiaire." + row[0] + "."
		for k, field := range []string{"reste_a", "reste_b", "variation"} {
			if !sameAmount(row[4+k], js[key+field]) {
				t.Errorf("%s%s = %s, JSON %s", key, field, row[4+k], js[key+field])
			}
		}
	}
}

func countPrefix(m map[string]string, prefix, suffix string) int {
	n := 0
	for k := range m {
		if strings.HasPrefix(k, prefix) && strings.HasSuffix(k, suffix) {
			n++
		}
	}
	return n
}

// A generated file written as Parquet evaluates as its CSV does, and the
// results written as Parquet read back as the JSON output.
func TestParquetRoundTrip(t *testing.T) {
	soins := formatClaims(t)
	src, _ := os.ReadFile(soins)
	cs, err := claims.ReadAll(strings.NewReader(string(src)))
	if err != nil {
		t.Fatal(err)
	}
	valid := cs[:len(cs)-1] // the rejected line has nothing to write
	pqPath := filepath.Join(t.TempDir(), "soins.parquet")
	csvPath := writeFile(t, "valid.csv", string(src[:strings.LastIndex(strings.TrimSuffix(string(src), "\n"), "\n")+1]))
	f, err := os.Create(pqPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := parquet.WriteClaims(f, valid); err != nil {
		t.Fatal(err)
	}
	f.Close()

	contracts := []string{exemple + "essentiel.garantie", exemple + "surco.garantie"}
	fromCSV := mustRun(t, append(append([]string{"eval"}, contracts...), "--claims", csvPath, "--format", "jsonl")...)
	fromParquet := mustRun(t, append(append([]string{"eval"}, contracts...), "--claims", pqPath, "--format", "jsonl")...)
	if fromCSV != fromParquet {
		t.Fatal("the Parquet file does not evaluate as its CSV")
	}
	if strings.Count(fromCSV, "\n") != len(valid) {
		t.Fatalf("%d results for %d claims", strings.Count(fromCSV, "\n"), len(valid))
	}

	args := append(append([]string{"eval"}, contracts...), "--claims", soins)
	doc := evalJSON(t, args...)
	out := filepath.Join(t.TempDir(), "resultats.parquet")
	if status, _, errOut := runCLI(t, "", append(args, "--format", "parquet", "-o", out)...); status != exitFail {
		t.Fatalf("status %d: %s", status, errOut)
	}
	type couche struct {
		RC    int64   `parquet:"rc,decimal(2:18)"`
		Regle *string `parquet:"regle,optional"`
		Motif *string `parquet:"motif,optional"`
	}
	type row struct {
		ID      string   `parquet:"id"`
		Ligne   int64    `parquet:"ligne"`
		Assure  string   `parquet:"assure"`
		Date    *int32   `parquet:"date,optional,date"`
		Poste   string   `parquet:"poste"`
		Frais   *int64   `parquet:"frais,optional,decimal(2:18)"`
		ROBrut  *int64   `parquet:"ro_brut,optional,decimal(2:18)"`
		PF      *int64   `parquet:"pf,optional,decimal(2:18)"`
		RO      *int64   `parquet:"ro,optional,decimal(2:18)"`
		RC      *int64   `parquet:"rc,optional,decimal(2:18)"`
		Reste   *int64   `parquet:"reste,optional,decimal(2:18)"`
		Couches []couche `parquet:"couches,list"`
		Erreur  *string  `parquet:"erreur,optional"`
	}
	rows, err := pq.ReadFile[row](out)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(doc.Resultats) {
		t.Fatalf("%d rows, %d results", len(rows), len(doc.Resultats))
	}
	cents := func(v *int64) string {
		if v == nil {
			return ""
		}
		return decimal.New(*v, -2).StringFixed(2)
	}
	for i, r := range doc.Resultats {
		got := rows[i]
		if got.ID != r.ID || int(got.Ligne) != r.Ligne || got.Poste != r.Poste {
			t.Fatalf("row %d %+v, JSON %+v", i, got, r)
		}
		if r.Erreur != "" {
			if got.Erreur == nil || *got.Erreur != r.Erreur || got.Frais != nil {
				t.Errorf("row %d: a rejected line with its error and no amounts: %+v", i, got)
			}
			continue
		}
		d := claimsDay(t, r.Date)
		if got.Date == nil || *got.Date != d {
			t.Errorf("row %d date %v, JSON %s", i, got.Date, r.Date)
		}
		for k, pair := range [][2]string{{cents(got.Frais), r.Frais}, {cents(got.ROBrut), r.ROBrut}, {cents(got.PF), r.PF}, {cents(got.RO), r.RO}, {cents(got.RC), r.RC}, {cents(got.Reste), r.Reste}} {
			if pair[0] != pair[1] {
				t.Errorf("row %d amount %d: %s, JSON %s", i, k, pair[0], pair[1])
			}
		}
		for k, c := range got.Couches {
			if cents(&c.RC) != r.Couches[k] {
				t.Errorf("row %d layer %d: %s, JSON %s", i, k, cents(&c.RC), r.Couches[k])
			}
		}
	}
}

// claimsDay is the day number of a YYYY-MM-DD date, read by package claims.
func claimsDay(t *testing.T, s string) int32 {
	t.Helper()
	cs, err := claims.ReadAll(strings.NewReader("id,assure,date,poste,frais\nx,a," + s + ",consult,1\n"))
	if err != nil || cs[0].Err != nil {
		t.Fatalf("%s: %v %v", s, err, cs[0].Err)
	}
	return int32(cs[0].Date)
}

// A Parquet file as pandas writes one (amounts as DOUBLE, dates as
// TIMESTAMP, optional columns, booleans) reads as the CSV it stands for.
func TestParquetPandasTypes(t *testing.T) {
	type row struct {
		ID        string    `parquet:"id"`
		Assure    string    `parquet:"assure"`
		Date      time.Time `parquet:"date,timestamp(millisecond)"`
		Poste     string    `parquet:"poste"`
		Frais     float64   `parquet:"frais"`
		Base      *float64  `parquet:"base,optional"`
		Taux      *int64    `parquet:"taux,optional"`
		Naissance *string   `parquet:"naissance,optional"`
		Optam     *bool     `parquet:"optam,optional"`
		Secteur   *int32    `parquet:"secteur,optional"`
	}
	f64 := func(v float64) *float64 { return &v }
	i64 := func(v int64) *int64 { return &v }
	str := func(v string) *string { return &v }
	yes, no := true, false
	tenth := 0.1 // at run time, 0.1 + 0.2 is 0.30000000000000004
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	rows := []row{
		{"c1", "paul", day("2026-01-08"), "consult.generaliste", 30, f64(30), nil, str("1981-04-12"), &no, nil},
		{"c2", "paul", day("2026-01-20"), "consult.specialiste", 60.5, f64(30), i64(70), str("1981-04-12"), &yes, func() *int32 { v := int32(2); return &v }()},
		{"c3", "lea", day("2026-03-15"), "optique.monture", 120.1, f64(0.05), i64(60), nil, nil, nil},
		{"c4", "lea", day("2026-03-16"), "optique.verres", tenth + 0.2, nil, nil, nil, nil, nil}, // rejected: more than two decimals
	}
	dir := t.TempDir()
	pqPath := filepath.Join(dir, "pandas.parquet")
	if err := pq.WriteFile(pqPath, rows); err != nil {
		t.Fatal(err)
	}
	csvPath := writeFile(t, "pandas.csv", `id,assure,date,poste,frais,base,taux,naissance,optam,secteur
c1,paul,2026-01-08,consult.generaliste,30,30,,1981-04-12,non,
c2,paul,2026-01-20,consult.specialiste,60.5,30,70,1981-04-12,oui,2
c3,lea,2026-03-15,optique.monture,120.1,0.05,60,,,
c4,lea,2026-03-16,optique.verres,0.30000000000000004,,,,,
`)
	args := []string{"eval", exemple + "equilibre.garantie", "--format", "jsonl", "--claims"}
	s1, fromCSV, _ := runCLI(t, "", append(args, csvPath)...)
	s2, fromParquet, errOut := runCLI(t, "", append(args, pqPath)...)
	if s1 != exitFail || s2 != exitFail || fromCSV != fromParquet {
		t.Fatalf("status %d %d\nCSV:\n%s\nParquet:\n%s%s", s1, s2, fromCSV, fromParquet, errOut)
	}
	if !strings.Contains(fromParquet, `"frais":"60.50"`) || !strings.Contains(fromParquet, `"id":"c4","ligne":5,"erreur"`) {
		t.Errorf("results:\n%s", fromParquet)
	}
}
