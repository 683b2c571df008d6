package spell

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"forfiat", "forfait", 3, 1}, // a swap is one edit
		{"seanse", "seance", 3, 1},   // a substitution
		{"plafond", "plafond", 3, 0}, // equal
		{"séance", "seance", 3, 1},   // runes, not bytes
		{"ab", "ba", 0, 1},           // over the limit: limit+1
		{"abc", "", 5, 3},            // deletions
		{"kitten", "sitting", 5, 3},  // the classic
		{"kitten", "sitting", 2, 3},  // gives up: limit+1
		{"a", "abcdef", 2, 3},        // lengths too far apart
		{"ca", "abc", 5, 3},          // optimal string alignment, not full Damerau
		{strings.Repeat("a", MaxLen+1), strings.Repeat("a", MaxLen+1), 10, 11}, // too long to compare
		{strings.Repeat("a", MaxLen), strings.Repeat("a", MaxLen-1) + "b", 10, 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
