package scripts

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Reasons a duration's text is refused; the caller words the message.
var (
	errNotDuration = errors.New("not a duration")
	errFine        = errors.New("finer than a millisecond")
)

// beyond stands for any duration too long to matter: every limit is far
// below it, so huge values compare as over the limit instead of overflowing.
const beyond = 10000 * time.Hour

// units are the duration units a script may use, largest first, in
// milliseconds.
var units = []struct {
	name string
	ms   int64
}{{"h", 3600_000}, {"m", 60_000}, {"s", 1000}}

// parseSpan parses a duration or a range: "30s", "20-30s", "1-2m",
// "45s-1m30s", or a bare number of seconds ("30", "20-30"). When only the
// high end has a unit, the low end takes its first unit: "1-1m30s" is
// 1m to 1m30s.
func parseSpan(s string) (Duration, error) {
	lo, hi, ok := strings.Cut(s, "-")
	if !ok {
		d, err := parseDuration(s)
		return Duration{d, d}, err
	}
	lo, hi = strings.TrimSpace(lo), strings.TrimSpace(hi)
	if lo == "" || isDigits(strings.ReplaceAll(lo, ".", "")) {
		lo += firstUnit(hi)
	}
	a, err := parseDuration(lo)
	if err != nil {
		return Duration{}, err
	}
	b, err := parseDuration(hi)
	return Duration{a, b}, err
}

// firstUnit returns the unit of the first part of a duration: "m" for
// "1m30s", "" for a bare number.
func firstUnit(s string) string {
	i := strings.IndexAny(s, "hms")
	if i < 0 {
		return ""
	}
	return s[i : i+1]
}

// parseDuration parses one duration: parts like "1h", "2m", "30s" or
// "1.5s", largest unit first, each unit at most once; or a bare number of
// seconds. The result is whole milliseconds; anything longer than beyond
// is returned as beyond.
func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s != "" && strings.Trim(s, "0123456789.") == "" {
		s += "s"
	}
	var total int64 // milliseconds
	next := 0       // index in units of the smallest unit still allowed
	for s != "" {
		num := strings.TrimLeft(s, "0123456789.")
		digits := s[:len(s)-len(num)]
		i := unitIndex(num, next)
		if digits == "" || i < 0 {
			return 0, errNotDuration
		}
		ms, err := decimalMillis(digits, units[i].ms)
		if err != nil {
			return 0, err
		}
		total = min(total+ms, int64(beyond/time.Millisecond))
		s, next = num[len(units[i].name):], i+1
	}
	if total == 0 && next == 0 {
		return 0, errNotDuration
	}
	return time.Duration(total) * time.Millisecond, nil
}

// unitIndex returns the index in units of the unit s starts with, if it is
// at or after from and not followed by another letter ("ms" is refused).
func unitIndex(s string, from int) int {
	for i := from; i < len(units); i++ {
		u := units[i].name
		if strings.HasPrefix(s, u) && !startsWithLetter(s[len(u):]) {
			return i
		}
	}
	return -1
}

func startsWithLetter(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z')
}

// decimalMillis returns digits ("90", "1.5") times unit milliseconds,
// exactly, or errFine if that is not a whole number of milliseconds.
// Values past beyond come back as beyond.
func decimalMillis(digits string, unit int64) (int64, error) {
	whole, frac, _ := strings.Cut(digits, ".")
	if strings.Contains(frac, ".") || whole == "" && frac == "" {
		return 0, errNotDuration
	}
	whole = strings.TrimLeft(whole, "0")
	frac = strings.TrimRight(frac, "0")
	limit := int64(beyond / time.Millisecond)
	if len(whole) > 12 {
		return limit, nil
	}
	w, _ := strconv.ParseInt("0"+whole, 10, 64)
	if w > limit/unit {
		return limit, nil
	}
	if len(frac) > 9 {
		return 0, errFine
	}
	f, _ := strconv.ParseInt("0"+frac, 10, 64)
	scale := int64(math.Pow10(len(frac)))
	if f*unit%scale != 0 {
		return 0, errFine
	}
	return w*unit + f*unit/scale, nil
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// secondsMillis converts a number of seconds written as a YAML number to
// a duration, or errFine if it is not a whole number of milliseconds.
// Values past beyond come back as beyond; the caller refuses negatives.
func secondsMillis(sec float64) (time.Duration, error) {
	if math.IsNaN(sec) {
		return 0, errNotDuration
	}
	if sec > beyond.Seconds() {
		return beyond, nil
	}
	ms := sec * 1000
	r := math.Round(ms)
	if math.Abs(ms-r) > 1e-6 {
		return 0, errFine
	}
	return time.Duration(r) * time.Millisecond, nil
}

// formatDuration writes d the way a script would: "30s", "1m30s", "2m",
// "1h5m", "1.5s". Zero is "0s".
func formatDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	var b strings.Builder
	if h := d / time.Hour; h > 0 {
		b.WriteString(strconv.FormatInt(int64(h), 10) + "h")
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		b.WriteString(strconv.FormatInt(int64(m), 10) + "m")
		d -= m * time.Minute
	}
	if d > 0 {
		b.WriteString(strconv.FormatInt(int64(d/time.Second), 10))
		if ms := (d % time.Second) / time.Millisecond; ms > 0 {
			b.WriteString(strings.TrimRight(fmt.Sprintf(".%03d", ms), "0"))
		}
		b.WriteString("s")
	}
	return b.String()
}

// formatSpan writes a span: "30s", "20-30s", "1-3m", "45s-1m30s".
func formatSpan(s Duration) string {
	lo, hi := formatDuration(s.Lo), formatDuration(s.Hi)
	if !s.IsRange() {
		return lo
	}
	u := hi[len(hi)-1:]
	if lo[len(lo)-1:] == u && oneUnit(lo) && oneUnit(hi) {
		return lo[:len(lo)-1] + "-" + hi
	}
	return lo + "-" + hi
}

// oneUnit reports whether a formatted duration has a single part ("90s"
// is never formatted; "1m30s" has two).
func oneUnit(s string) bool { return strings.IndexAny(s, "hms") == len(s)-1 }
