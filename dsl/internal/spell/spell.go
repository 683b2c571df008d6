// Package spell finds the word a misspelt one was meant to be, for the
// "did you mean" hints of the parser and the checker, in time linear in
// the length of the words and never more than MaxLen runes of them.
package spell

import "unicode/utf8"

// MaxLen is the longest word, in runes, for which a suggestion is looked
// for. Every keyword and standard poste code is shorter; a longer word is
// not a typo of one, and comparing it would cost time for nothing.
const MaxLen = 80

// Distance returns the edit distance between a and b in runes, where a
// swap of two adjacent characters counts as one edit (optimal string
// alignment: "forfiat" is one edit from "forfait"), when it is at most
// limit; otherwise it returns limit+1. It gives up early: at once when
// the lengths differ by more than limit or a word is longer than MaxLen,
// and as soon as every alignment of a prefix costs more than limit.
func Distance(a, b string, limit int) int {
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if limit < 0 || na > MaxLen || nb > MaxLen || abs(na-nb) > limit {
		return limit + 1
	}
	var bufA, bufB [MaxLen]rune
	ra, rb := runes(bufA[:0], a), runes(bufB[:0], b)
	// prev2, prev and cur are the rows i-2, i-1 and i of the dynamic
	// programme over prefixes of a and b.
	var rows [3][MaxLen + 1]int
	prev2, prev, cur := rows[0][:nb+1], rows[1][:nb+1], rows[2][:nb+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= na; i++ {
		cur[0] = i
		best := i
		for j := 1; j <= nb; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[nb], limit+1)
}

// runes appends the runes of s to buf.
func runes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
