package regles

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func day(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestValueTransitions checks each change of value on the day before it and
// on its first day.
func TestValueTransitions(t *testing.T) {
	tests := []struct {
		name          Name
		date          string // first day of the new value
		before, after string
	}{
		{PMSS, "2019-01-01", "3311", "3377"},
		{PMSS, "2020-01-01", "3377", "3428"},
		{PMSS, "2023-01-01", "3428", "3666"},
		{PMSS, "2024-01-01", "3666", "3864"},
		{PMSS, "2025-01-01", "3864", "3925"},
		{PMSS, "2026-01-01", "3925", "4005"},
		{PASS, "2019-01-01", "39732", "40524"},
		{PASS, "2020-01-01", "40524", "41136"},
		{PASS, "2023-01-01", "41136", "43992"},
		{PASS, "2024-01-01", "43992", "46368"},
		{PASS, "2025-01-01", "46368", "47100"},
		{PASS, "2026-01-01", "47100", "48060"},
		{ParticipationForfaitaireMontant, "2024-05-15", "1", "2"},
		{ParticipationForfaitairePlafondJour, "2024-05-15", "4", "8"},
		{ParticipationForfaitairePlafondAn, "2024-05-15", "50", "50"},
		{FranchiseMontant, "2024-03-31", "0.50", "1"},
		{FranchiseTransportMontant, "2024-03-31", "2", "4"},
		{FranchisePlafondJourParamedical, "2024-03-31", "2", "4"},
		{FranchisePlafondJourTransport, "2024-03-31", "4", "8"},
		{FranchisePlafondAn, "2024-03-31", "50", "50"},
		{ForfaitJournalier, "2026-03-01", "20", "23"},
		{ForfaitJournalierPsychiatrie, "2026-03-01", "15", "17"},
		{ConsultationG, "2024-12-22", "26.50", "30"},
	}
	for _, tt := range tests {
		t.Run(string(tt.name)+"@"+tt.date, func(t *testing.T) {
			first := day(tt.date)
			for _, c := range []struct {
				date time.Time
				want string
			}{{first.AddDate(0, 0, -1), tt.before}, {first, tt.after}} {
				got, err := Value(tt.name, c.date)
				if err != nil {
					t.Fatalf("Value(%s, %s): %v", tt.name, c.date.Format(dateLayout), err)
				}
				if diff := cmp.Diff(dec(c.want), got); diff != "" {
					t.Errorf("Value(%s, %s) (-want +got):\n%s", tt.name, c.date.Format(dateLayout), diff)
				}
			}
		})
	}
}

func TestValueFirstDates(t *testing.T) {
	tests := []struct {
		name  Name
		first string
		want  string
	}{
		{PMSS, "2018-01-01", "3311"},
		{PASS, "2018-01-01", "39732"},
		{ParticipationForfaitaireMontant, "2008-01-01", "1"},
		{ParticipationForfaitaireNombreJour, "2008-01-01", "4"},
		{ParticipationForfaitairePlafondJour, "2008-01-01", "4"},
		{ParticipationForfaitairePlafondAn, "2008-01-01", "50"},
		{FranchiseMontant, "2008-01-01", "0.5"},
		{FranchiseTransportMontant, "2008-01-01", "2"},
		{FranchisePlafondAn, "2008-01-01", "50"},
		{ForfaitJournalier, "2018-01-01", "20"},
		{ConsultationG, "2023-12-01", "26.5"},
		{OptiqueClasseBSimpleMax, "2020-01-01", "420"},
		{OptiqueClasseBMontureMax, "2020-01-01", "100"},
		{AideAuditiveClasseIIPlafond, "2021-01-01", "1700"},
		{AideAuditiveBaseMoins20, "2021-01-01", "1400"},
		{DepassementNonOptamMax, "2017-01-01", "100"},
		{DepassementEcartMin, "2017-01-01", "20"},
	}
	for _, tt := range tests {
		t.Run(string(tt.name), func(t *testing.T) {
			first := day(tt.first)
			got, err := Value(tt.name, first)
			if err != nil {
				t.Fatalf("Value on first date: %v", err)
			}
			if !got.Equal(dec(tt.want)) {
				t.Errorf("Value on first date = %s, want %s", got, tt.want)
			}
			_, err = Value(tt.name, first.AddDate(0, 0, -1))
			if err == nil {
				t.Fatalf("Value the day before %s: no error", tt.first)
			}
			for _, s := range []string{string(tt.name), tt.first} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

func TestValueUnknownName(t *testing.T) {
	_, err := Value("smic", day("2024-01-01"))
	if err == nil || !strings.Contains(err.Error(), `"smic"`) {
		t.Errorf("Value(smic) error = %v, want one naming smic", err)
	}
	if h := History("smic"); h != nil {
		t.Errorf("History(smic) = %v, want nil", h)
	}
}

func TestEmbeddedValeurs(t *testing.T) {
	got, err := parseValeurs("valeurs.csv", bytes.NewReader(valeursCSV))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(Names()) {
		t.Errorf("valeurs.csv has %d names, want %d", len(got), len(Names()))
	}
	for _, n := range Names() {
		h := History(n)
		if len(h) == 0 {
			t.Errorf("History(%s) is empty", n)
		}
		for i, e := range h {
			if e.Name != n || strings.TrimSpace(e.Source) == "" || e.Amount.IsNegative() {
				t.Errorf("History(%s)[%d] = %+v: want its name, a source and a non-negative amount", n, i, e)
			}
			if i > 0 && !e.Since.After(h[i-1].Since) {
				t.Errorf("History(%s) is not sorted at %d", n, i)
			}
			if e.Since.Location() != time.UTC || e.Since.Hour() != 0 {
				t.Errorf("History(%s)[%d].Since = %v, want UTC midnight", n, i, e.Since)
			}
		}
	}
}

func TestHistoryIsACopy(t *testing.T) {
	h := History(PMSS)
	h[0].Amount = decimal.NewFromInt(1)
	if got, _ := Value(PMSS, day("2020-06-01")); !got.Equal(decimal.NewFromInt(3428)) {
		t.Errorf("modifying History changed Value: %s", got)
	}
}

func TestParseValeursErrors(t *testing.T) {
	const header = "name;since;amount;source;confirme\n"
	var all strings.Builder
	all.WriteString(header)
	for _, n := range names {
		all.WriteString(string(n) + ";2020-01-01;1;src;oui\n")
	}
	tests := []struct {
		name, input, want string
	}{
		{"empty", "", "no data"},
		{"header", "nom;date;montant;source\n", "header"},
		{"old header", "name;since;amount;source\n", "header"},
		{"fields", header + "pmss;2020-01-01;1;src\n", "wrong number of fields"},
		{"semicolon in source", header + "pmss;2020-01-01;1;a; b;oui\n", "needs the field in double quotes"},
		{"unknown name", all.String() + "smic;2020-01-01;1;src;oui\n", `unknown name "smic"`},
		{"date", header + "pmss;2020-02-30;1;src;oui\n", "not a valid YYYY-MM-DD date"},
		{"decimal comma", header + "pmss;2020-01-01;0,50;src;oui\n", "not a non-negative decimal"},
		{"negative", header + "pmss;2020-01-01;-1;src;oui\n", "not a non-negative decimal"},
		{"no source", header + "pmss;2020-01-01;1; ;oui\n", "has no source"},
		{"no confirme", header + "pmss;2020-01-01;1;src;\n", "confirme"},
		{"bad confirme", header + "pmss;2020-01-01;1;src;yes\n", "write oui"},
		{"order", all.String() + "pmss;2019-01-01;1;src;oui\n", "not after its previous line"},
		{"duplicate", all.String() + "pmss;2020-01-01;1;src;non\n", "not after its previous line"},
		{"missing name", header + "pmss;2020-01-01;1;src;oui\n", `no line for "pass"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseValeurs("x.csv", strings.NewReader(tt.input))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseValeurs error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := parseValeurs("x.csv", strings.NewReader("# comment\n\n"+all.String())); err != nil {
		t.Errorf("valid file with comments: %v", err)
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("mustParse did not panic on malformed data")
		}
	}()
	mustParse(parseValeurs("x.csv", strings.NewReader("")))
}
