package scripts

import (
	"testing"
	"time"
)

func TestSpanAt(t *testing.T) {
	tests := []struct {
		span                   string
		gentle, standard, full time.Duration
	}{
		{"20-30s", 20 * sec, 25 * sec, 30 * sec},
		{"1-3m", time.Minute, 2 * time.Minute, 3 * time.Minute},
		{"30s", 30 * sec, 30 * sec, 30 * sec},
		{"1-2m", time.Minute, 90 * sec, 2 * time.Minute},
		{"20-25s", 20 * sec, 23 * sec, 25 * sec}, // 22.5s rounds half away from zero
		{"1.5-2s", 1500 * time.Millisecond, 2 * sec, 2 * sec},
	}
	for _, tc := range tests {
		t.Run(tc.span, func(t *testing.T) {
			s, err := parseSpan(tc.span)
			if err != nil {
				t.Fatal(err)
			}
			for _, lv := range []struct {
				level Level
				want  time.Duration
			}{{Gentle, tc.gentle}, {Standard, tc.standard}, {Full, tc.full}} {
				if got := s.At(lv.level); got != lv.want {
					t.Errorf("At(%s): got %v, want %v", lv.level, got, lv.want)
				}
			}
		})
	}
}

func TestCountAt(t *testing.T) {
	tests := []struct {
		count                  Count
		gentle, standard, full int
	}{
		{Count{10, 15}, 10, 13, 15},
		{Count{10, 12}, 10, 11, 12},
		{Count{8, 12}, 8, 10, 12},
		{Count{8, 10}, 8, 9, 10},
		{Count{10, 10}, 10, 10, 10},
	}
	for _, tc := range tests {
		t.Run(formatCount(tc.count), func(t *testing.T) {
			for _, lv := range []struct {
				level Level
				want  int
			}{{Gentle, tc.gentle}, {Standard, tc.standard}, {Full, tc.full}} {
				if got := tc.count.At(lv.level); got != lv.want {
					t.Errorf("At(%s): got %d, want %d", lv.level, got, lv.want)
				}
			}
		})
	}
}

func TestParseLevel(t *testing.T) {
	for _, l := range Levels {
		if got, err := ParseLevel(string(l)); got != l || err != nil {
			t.Errorf("ParseLevel(%q): got %q, %v", l, got, err)
		}
	}
	_, err := ParseLevel("hard")
	want := `unknown level "hard" (valid: gentle, standard, full)`
	if err == nil || err.Error() != want {
		t.Errorf("ParseLevel(hard): got %v, want %s", err, want)
	}
}
