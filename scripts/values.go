package scripts

import (
	"errors"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// dose says what a duration or count may be, for one key.
type dose struct {
	key     string
	ranges  bool   // a range ("20-30s") is allowed
	zero    bool   // zero is allowed (it means none)
	example string // a valid value, for messages
	limit   string // what the maximum applies to ("one hold"), for messages
}

// want describes the values a duration key takes.
func (d dose) want() string {
	return "a duration like " + examples(d)
}

// examples lists valid ways to write d's value.
func examples(d dose) string {
	if d.ranges {
		return "30s, 1m30s, 2m or 20-30s"
	}
	return d.example + ", 1m30s or 2m"
}

// least says what the smallest value is, with an example.
func (d dose) least() string {
	if d.zero {
		return "0s or more, e.g. " + d.example
	}
	return "more than 0s, e.g. " + d.example
}

// span reads a duration, or a range of them when d allows.
func (p *parser) span(n *yaml.Node, d dose) (Duration, bool) {
	if !p.scalar(d.key, n, d.want()) {
		return Duration{}, false
	}
	var s Duration
	var err error
	switch n.ShortTag() {
	case "!!str":
		s, err = parseSpan(n.Value)
	case "!!int", "!!float":
		s, err = numberSpan(n)
	default:
		p.errorf(n, ErrType, "%s: got %s, want %s", d.key, show(n), d.want())
		return Duration{}, false
	}
	if !p.checkSpan(n, d, s, err) {
		return Duration{}, false
	}
	return s, true
}

// numberSpan reads a YAML number as a number of seconds.
func numberSpan(n *yaml.Node) (Duration, error) {
	var f float64
	if err := n.Decode(&f); err != nil {
		return Duration{}, errNotDuration
	}
	if f < 0 {
		return Duration{-1, -1}, nil
	}
	v, err := secondsMillis(f)
	return Duration{v, v}, err
}

// checkSpan reports what is wrong with a span read from n, if anything.
func (p *parser) checkSpan(n *yaml.Node, d dose, s Duration, err error) bool {
	switch {
	case errors.Is(err, errFine):
		p.errorf(n, ErrDuration, "%s: %s is finer than a millisecond (want e.g. 1.5s)", d.key, show(n))
	case err != nil:
		p.errorf(n, ErrDuration, "%s: %s is not a duration (want e.g. %s)", d.key, show(n), strings.Replace(examples(d), " or ", ", ", 1))
	case s.IsRange() && !d.ranges:
		p.errorf(n, ErrDuration, "%s: %s is a range (want one duration, e.g. %s)", d.key, show(n), d.example)
	case s.Lo < 0:
		p.errorf(n, ErrRange, "%s: %s is negative (want %s)", d.key, show(n), d.least())
	case s.Lo > s.Hi:
		p.errorf(n, ErrRange, "%s: %s has its low end above its high end (want e.g. 20-30s)", d.key, show(n))
	case s.Hi > MaxHold:
		p.errorf(n, ErrLimit, "%s: %s is over the %s limit for %s (want at most %s)",
			d.key, show(n), formatDuration(MaxHold), d.limit, formatDuration(MaxHold))
	case s.Lo == 0 && !d.zero:
		p.errorf(n, ErrRange, "%s: %s is zero (want %s)", d.key, show(n), d.least())
	default:
		return true
	}
	return false
}

// duration reads a single duration.
func (p *parser) duration(n *yaml.Node, d dose) (time.Duration, bool) {
	d.ranges = false
	s, ok := p.span(n, d)
	return s.Lo, ok
}

// count reads a whole number, or a range of them when ranges is true,
// from 1 to max. what names the thing counted ("reps").
func (p *parser) count(key string, n *yaml.Node, ranges bool, max int, what string) (Count, bool) {
	want := "a number of " + what + " like 10 or 10-12"
	if !ranges {
		want = "a number of " + what + " like 3"
	}
	if !p.scalar(key, n, want) {
		return Count{}, false
	}
	var c Count
	var err error
	switch n.ShortTag() {
	case "!!str":
		c, err = parseCount(n.Value)
	case "!!int", "!!float":
		var f float64
		if err = n.Decode(&f); err == nil {
			c.Lo, err = wholeFloat(f)
			c.Hi = c.Lo
		}
	default:
		err = errNotCount
	}
	if !p.checkCount(key, n, c, err, ranges, max, want) {
		return Count{}, false
	}
	return c, true
}

// checkCount reports what is wrong with a count read from n, if anything.
func (p *parser) checkCount(key string, n *yaml.Node, c Count, err error, ranges bool, max int, want string) bool {
	switch {
	case err != nil:
		p.errorf(n, ErrType, "%s: got %s, want %s", key, show(n), want)
	case c.IsRange() && !ranges:
		p.errorf(n, ErrType, "%s: %s is a range (want %s)", key, show(n), want)
	case c.Lo < 0:
		p.errorf(n, ErrRange, "%s: %s is negative (want 1 to %d)", key, show(n), max)
	case c.Lo > c.Hi:
		p.errorf(n, ErrRange, "%s: %s has its low end above its high end (want e.g. 10-12)", key, show(n))
	case c.Hi > max:
		p.errorf(n, ErrLimit, "%s: %s is over the limit (want 1 to %d)", key, show(n), max)
	case c.Lo == 0:
		p.errorf(n, ErrRange, "%s: %s is zero (want 1 to %d)", key, show(n), max)
	default:
		return true
	}
	return false
}
