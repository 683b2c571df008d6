package suppress

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"garantie/dsl/diag"
)

// on returns a diagnostic of code at the start of line.
func on(line int, code diag.Code, sev diag.Severity) diag.Diagnostic {
	return diag.Diagnostic{File: "f.garantie", Range: diag.Range{Start: diag.Pos{Line: line, Col: 1}, End: diag.Pos{Line: line, Col: 5}}, Severity: sev, Code: code, Message: "m"}
}

// summary lists the diagnostics as "LINE:COL CODE".
func summary(ds diag.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d:%d %s", d.Range.Start.Line, d.Range.Start.Col, d.Code))
	}
	return out
}

func TestApply(t *testing.T) {
	src := strings.Join([]string{
		`contrat "A # garantie:ignore R813 inside a string"`, // 1: not a comment
		`responsable  # garantie:ignore R813 dental care is in the surco`,
		`consult.generaliste: 100% BRSS  # garantie:ignore R808,R812 both, on purpose`,
		`optique.monture: forfait 10€ / an  # garantie:ignore L201 L203 reason here`,
		`dentaire: 100% BRSS  # garantie:ignore R801`,
		`audiologie: 100% BRSS  # garantie:ignore E109 I know`,
		`soins: 100% BRSS  # garantie: prose, not a directive`,
		`prevention: 100% BRSS  # garantie:disable L201 typo`,
		`hospitalisation: 100% BRSS  # garantie:ignore because`,
		`# garantie:ignore L201 a comment line suppresses only its own line`,
		`consult: 100% BRSS`,
	}, "\n") + "\n"
	ds := diag.Diagnostics{
		on(1, "R813", diag.Warning),
		on(2, "R813", diag.Warning), // suppressed
		on(2, "R801", diag.Error),   // another code: kept
		on(3, "R812", diag.Warning), // suppressed; R808 unused
		on(4, "L203", diag.Warning), // suppressed; L201 unused
		on(5, "R801", diag.Error),   // no reason: kept
		on(6, "E109", diag.Error),   // unsuppressible: kept
		on(8, "L201", diag.Warning), // unknown directive: kept
		on(11, "L201", diag.Warning),
	}
	got := Apply("f.garantie", []byte(src), ds, true)
	want := []string{
		"1:1 R813", "2:1 R801", "5:1 R801", "6:1 E109", "8:1 L201", "11:1 L201",
		"5:22 S902", "6:24 S902", "8:24 S902", "9:29 S902",
		"3:33 S901", "4:36 S901", "10:1 S901",
	}
	if diff := cmp.Diff(want, summary(got)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	messages := map[string]string{}
	for _, d := range got {
		messages[fmt.Sprintf("%d %s", d.Range.Start.Line, d.Code)] = d.Message
	}
	for key, want := range map[string]string{
		"3 S901":  "this suppression of R808 suppresses nothing",
		"5 S902":  "garantie:ignore R801 gives no reason",
		"6 S902":  "E109 cannot be suppressed",
		"8 S902":  "unknown directive garantie:disable",
		"9 S902":  "names no code",
		"10 S901": "suppression of L201 suppresses nothing",
	} {
		if !strings.Contains(messages[key], want) {
			t.Errorf("%s: message %q, want it to contain %q", key, messages[key], want)
		}
	}
	// The column of a comment counts characters: "€" is one.
	for _, d := range got {
		if d.Range.Start.Line == 4 && d.Code == CodeUnused && (d.Range.End.Col != 1+len([]rune(`optique.monture: forfait 10€ / an  # garantie:ignore L201 L203 reason here`))) {
			t.Errorf("end of the comment on line 4: %v", d.Range.End)
		}
	}

	// Without reportUnused (a file whose lint rules did not run), unused
	// suppressions are not reported; malformed ones still are.
	got = Apply("f.garantie", []byte(src), slices.Clone(ds), false)
	if n := slices.IndexFunc(got, func(d diag.Diagnostic) bool { return d.Code == CodeUnused }); n >= 0 {
		t.Errorf("unused suppression reported without reportUnused: %v", got[n])
	}
	if n := len(got); n != 10 {
		t.Errorf("%d diagnostics, want 10: %v", n, summary(got))
	}
}

func TestApplyLeavesOtherFilesAndCleanSources(t *testing.T) {
	ds := diag.Diagnostics{on(1, "L201", diag.Warning)}
	ds[0].File = "other.garantie"
	src := []byte("consult: 100% BRSS  # garantie:ignore L201 on purpose\n")
	if got := Apply("f.garantie", src, ds, false); len(got) != 1 || got[0].File != "other.garantie" {
		t.Errorf("a diagnostic of another file was suppressed: %v", got)
	}
	if got := Apply("f.garantie", []byte("consult: 100% BRSS  # a comment\n"), ds, true); len(got) != 1 {
		t.Errorf("a file without directives changed the diagnostics: %v", got)
	}
}

// TestExamples checks that the documented example of each code gives it.
func TestExamples(t *testing.T) {
	for _, info := range Codes() {
		got := Apply("example.garantie", []byte(info.Example+"\n"), nil, true)
		if !slices.ContainsFunc(got, func(d diag.Diagnostic) bool { return d.Code == info.Code }) {
			t.Errorf("the example of %s does not give it: %v", info.Code, summary(got))
		}
	}
}
