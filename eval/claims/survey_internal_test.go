package claims

import "testing"

// TestPlainField checks the survey's fast path against nthField on lines
// without quotes: fields empty, blank, padded, missing.
func TestPlainField(t *testing.T) {
	lines := []string{"", ",", "a,b,c", " a , b ,c ", "a,,c", "a, ,c", "\t\r", "a;b;c", "a,b", "abc,\t2026-01-02 ,x\r"}
	for _, line := range lines {
		for _, sep := range []byte{',', ';'} {
			for k := range 4 {
				want, _ := nthField([]byte(line), sep, k)
				got := plainField([]byte(line), sep, k)
				if string(got) != string(want) || (got == nil) != (want == nil) {
					t.Errorf("plainField(%q, %q, %d) = %q (nil %v), want %q (nil %v)", line, sep, k, got, got == nil, want, want == nil)
				}
			}
		}
	}
}
