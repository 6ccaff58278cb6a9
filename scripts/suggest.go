package scripts

import "strings"

// Suggest returns the valid word closest to a mistyped one: within two
// edits, ignoring case, or one starting with it (or it with them). It
// returns "" when nothing is close.
func Suggest(got string, valid []string) string {
	if got == "" || len(got) > 64 {
		return ""
	}
	low := strings.ToLower(got)
	best, bestDist := "", 3
	for _, v := range valid {
		d := distance(low, v)
		if d > 2 && len(low) >= 2 && (strings.HasPrefix(v, low) || strings.HasPrefix(low, v)) {
			d = 2
		}
		if d < bestDist && d < len(v) {
			best, bestDist = v, d
		}
	}
	return best
}

// didYouMean returns ` (did you mean "x"?; ` or ` (` to open a hint.
func didYouMean(got string, valid []string) string {
	if s := Suggest(got, valid); s != "" {
		return ` (did you mean "` + s + `"?; `
	}
	return " ("
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
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
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
