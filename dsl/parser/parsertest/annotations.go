package parsertest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"garantie/dsl/diag"
)

// wantRE matches the annotation naming the diagnostics expected on its
// line: "# want E109" or "# want R801 L202".
var wantRE = regexp.MustCompile(`#.*\bwant((?:\s+[A-Z]\d{3})+)\s*$`)

// Wanted returns the sorted, distinct "line:code" pairs that the "# want"
// annotations of an annotated test file expect.
func Wanted(src []byte) []string {
	var out []string
	for i, line := range strings.Split(string(src), "\n") {
		if m := wantRE.FindStringSubmatch(line); m != nil {
			for _, code := range strings.Fields(m[1]) {
				out = append(out, fmt.Sprintf("%d:%s", i+1, code))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Got returns the sorted, distinct "line:code" pairs of diagnostics, to
// compare with Wanted.
func Got(ds diag.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d:%s", d.Range.Start.Line, d.Code))
	}
	slices.Sort(out)
	return slices.Compact(out)
}
