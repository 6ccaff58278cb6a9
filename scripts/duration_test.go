package scripts

import (
	"testing"
	"time"
)

func TestParseSpan(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		in     string
		lo, hi time.Duration
		err    error
	}{
		{"30s", 30 * sec, 30 * sec, nil},
		{"1m30s", 90 * sec, 90 * sec, nil},
		{"2m", 2 * time.Minute, 2 * time.Minute, nil},
		{"1h", time.Hour, time.Hour, nil},
		{"1h0m5s", time.Hour + 5*sec, time.Hour + 5*sec, nil},
		{"1.5s", 1500 * ms, 1500 * ms, nil},
		{"0.25m", 15 * sec, 15 * sec, nil},
		{"45", 45 * sec, 45 * sec, nil},
		{"0s", 0, 0, nil},
		{"20-30s", 20 * sec, 30 * sec, nil},
		{"20 - 30s", 20 * sec, 30 * sec, nil},
		{"1-2m", time.Minute, 2 * time.Minute, nil},
		{"1-1m30s", time.Minute, 90 * sec, nil},
		{"45s-1m30s", 45 * sec, 90 * sec, nil},
		{"20-30", 20 * sec, 30 * sec, nil},
		{"99999999999999h", beyond, beyond, nil},
		{"9999999999h", beyond, beyond, nil},
		{"", 0, 0, errNotDuration},
		{"s", 0, 0, errNotDuration},
		{"-5s", 0, 0, errNotDuration},
		{"5", 5 * sec, 5 * sec, nil},
		{"500ms", 0, 0, errNotDuration},
		{"30s1m", 0, 0, errNotDuration},
		{"1m1m", 0, 0, errNotDuration},
		{"1m30", 0, 0, errNotDuration},
		{"1..5s", 0, 0, errNotDuration},
		{"1 m", 0, 0, errNotDuration},
		{"30S", 0, 0, errNotDuration},
		{"1-2-3s", 0, 0, errNotDuration},
		{"1.0001s", 0, 0, errFine},
		{"0.0000000001h", 0, 0, errFine},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseSpan(tc.in)
			if err != tc.err || err == nil && got != (Duration{tc.lo, tc.hi}) {
				t.Errorf("parseSpan(%q): got %v, %v; want %v-%v, %v", tc.in, got, err, tc.lo, tc.hi, tc.err)
			}
		})
	}
}

func TestFormatSpan(t *testing.T) {
	tests := []struct {
		span Duration
		want string
	}{
		{Duration{30 * sec, 30 * sec}, "30s"},
		{Duration{90 * sec, 90 * sec}, "1m30s"},
		{Duration{time.Hour + 500*time.Millisecond, time.Hour + 500*time.Millisecond}, "1h0.5s"},
		{Duration{20 * sec, 30 * sec}, "20-30s"},
		{Duration{time.Minute, 3 * time.Minute}, "1-3m"},
		{Duration{45 * sec, 90 * sec}, "45s-1m30s"},
		{Duration{30 * sec, time.Minute}, "30s-1m"},
		{Duration{0, 30 * sec}, "0-30s"},
		{Duration{1500 * time.Millisecond, 2500 * time.Millisecond}, "1.5-2.5s"},
		{Duration{1234567 * time.Millisecond, 1234567 * time.Millisecond}, "20m34.567s"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := formatSpan(tc.span); got != tc.want {
				t.Errorf("formatSpan(%v): got %q, want %q", tc.span, got, tc.want)
			}
			if back, err := parseSpan(tc.want); err != nil || back != tc.span {
				t.Errorf("parseSpan(%q): got %v, %v; want %v", tc.want, back, err, tc.span)
			}
		})
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want Count
		err  error
	}{
		{"10", Count{10, 10}, nil},
		{"10-12", Count{10, 12}, nil},
		{" 8 - 12 ", Count{8, 12}, nil},
		{"007", Count{7, 7}, nil},
		{"99999999999999999999", Count{tooMany, tooMany}, nil},
		{"", Count{}, errNotCount},
		{"ten", Count{}, errNotCount},
		{"-3", Count{}, errNotCount},
		{"1.5", Count{}, errNotCount},
		{"1-2-3", Count{}, errNotCount},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseCount(tc.in)
			if err != tc.err || err == nil && got != tc.want {
				t.Errorf("parseCount(%q): got %v, %v; want %v, %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	valid := []string{"name", "say", "hold", "reps", "repeat", "steps"}
	tests := []struct{ in, want string }{
		{"hodl", "hold"},
		{"Hold", "hold"},
		{"rep", "reps"},
		{"repaet", "repeat"},
		{"stepss", "steps"},
		{"colour", ""},
		{"x", ""},
	}
	for _, tc := range tests {
		if got := Suggest(tc.in, valid); got != tc.want {
			t.Errorf("Suggest(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
