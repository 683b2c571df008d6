package regles

import (
	"sort"
	"strings"
)

// maxSuggestions is the number of codes Suggest returns at most.
const maxSuggestions = 3

// Suggest returns the nomenclature codes that code was probably meant to be,
// best first, at most three. A code matches when its Damerau-Levenshtein
// distance to code is at most 2, or at most a third of the length of the
// last segment of code when that is longer ("optiqe.monture",
// "consult.generalsite"). A poste whose last segment alone is that close
// also matches, when code names the same family or no family at all
// ("optique.montre", "osteopatie" suggests "medecine_douce.osteopathie").
// Codes are ordered by distance, then codes of the family of code first,
// then by distance of the whole code, then alphabetically. Suggest returns
// nil for a code of the nomenclature or when nothing is close.
func Suggest(code string) []string {
	if _, ok := postesByCode[code]; ok {
		return nil
	}
	in := []rune(strings.ToLower(code))
	inLast := []rune(strings.ToLower(lastSegment(code)))
	inFamily := strings.ToLower(familyOf(code))
	limit := threshold(len(inLast))

	type candidate struct {
		code       string
		dist       int
		sameFamily bool
		fullDist   int
	}
	var found []candidate
	for _, p := range postesSorted {
		full := distance(in, []rune(p.Code))
		d, ok := full, full <= limit
		// The last segment alone: a misspelt segment under a right or
		// missing family ("optique.montre", "montre").
		if last := lastSegment(p.Code); last != p.Code {
			sameOrNoFamily := inFamily == p.Family || !strings.Contains(code, ".")
			if ds := distance(inLast, []rune(last)); sameOrNoFamily && ds <= limit {
				d, ok = min(d, ds), true
			}
		}
		if ok {
			found = append(found, candidate{p.Code, d, p.Family == inFamily, full})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.sameFamily != b.sameFamily {
			return a.sameFamily
		}
		return a.fullDist < b.fullDist
	})
	var out []string
	for _, c := range found {
		if len(out) == maxSuggestions {
			break
		}
		out = append(out, c.code)
	}
	return out
}

// threshold is the largest distance accepted for a misspelt segment of n
// runes.
func threshold(n int) int {
	return max(2, n/3)
}

func lastSegment(code string) string {
	return code[strings.LastIndexByte(code, '.')+1:]
}

// Distance is the Damerau-Levenshtein distance between a and b (optimal
// string alignment: the insertions, deletions, substitutions and
// transpositions of two adjacent characters that turn a into b). Suggest
// ranks poste codes with it, and the other "did you mean" hints of the
// tool (condition words, claims file columns) use it too.
func Distance(a, b string) int {
	return distance([]rune(a), []rune(b))
}

func distance(a, b []rune) int {
	// prev2, prev and cur are the rows i-2, i-1 and i of the dynamic programme.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
