package whatif

import (
	"testing"

	"garantie/eval/engine"
)

// TestReportTop asks for any number of biggest changes, negative
// included: Report lists at most that many and never panics.
func TestReportTop(t *testing.T) {
	c := NewComparison()
	c.Add([]engine.Result{{Assure: "a1", Reste: 100}, {Assure: "a2", Reste: 50}},
		[]engine.Result{{Assure: "a1", Reste: 70}, {Assure: "a2", Reste: 60}})
	for _, tc := range []struct{ top, want int }{{-1, 0}, {-1 << 62, 0}, {0, 0}, {1, 1}, {2, 2}, {1 << 62, 2}} {
		if got := len(c.Report(tc.top, false).Biggest); got != tc.want {
			t.Errorf("Report(%d): %d changes listed, want %d", tc.top, got, tc.want)
		}
	}
}
