package scripts

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// errNotCount says a count's text is not a whole number or a range of them.
var errNotCount = errors.New("not a count")

// tooMany stands for any count too big to matter: every limit is far below
// it, so huge values compare as over the limit instead of overflowing.
const tooMany = 1_000_000_000

// parseCount parses "10" or "10-12" (spaces around the dash allowed).
func parseCount(s string) (Count, error) {
	lo, hi, ok := strings.Cut(s, "-")
	if !ok {
		n, err := parseWhole(s)
		return Count{n, n}, err
	}
	a, err := parseWhole(lo)
	if err != nil {
		return Count{}, err
	}
	b, err := parseWhole(hi)
	return Count{a, b}, err
}

// parseWhole parses a whole number written in decimal digits; numbers
// past tooMany come back as tooMany.
func parseWhole(s string) (int, error) {
	s = strings.TrimSpace(s)
	if !isDigits(s) {
		return 0, errNotCount
	}
	if s = strings.TrimLeft(s, "0"); len(s) > 9 {
		return tooMany, nil
	}
	n, _ := strconv.Atoi("0" + s)
	return n, nil
}

// wholeFloat converts a YAML number to a count: it must be whole; numbers
// past tooMany come back as tooMany, and negative ones as -1.
func wholeFloat(f float64) (int, error) {
	if math.IsNaN(f) || f != math.Trunc(f) && !math.IsInf(f, 0) {
		return 0, errNotCount
	}
	switch {
	case f < 0:
		return -1, nil
	case f > tooMany:
		return tooMany, nil
	}
	return int(f), nil
}

// formatCount writes a count: "10" or "10-12".
func formatCount(c Count) string {
	if !c.IsRange() {
		return strconv.Itoa(c.Lo)
	}
	return strconv.Itoa(c.Lo) + "-" + strconv.Itoa(c.Hi)
}
