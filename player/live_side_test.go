package player

import "testing"

// OtherSide goes from one side of a sided step to the other, and from its
// instructions to its second side; elsewhere it does nothing.
func TestOtherSideTargets(t *testing.T) {
	tl := liveTimeline(t)
	s := tl.Steps
	right, left := sideStart(t, tl, 1, "right"), sideStart(t, tl, 1, "left")
	for _, e := range tl.Events {
		if e.At == left && e.Step == 1 && e.Text != saySwitchSides {
			t.Errorf("the left side starts with %q, want %q", e.Text, saySwitchSides)
		}
	}
	for _, tc := range []struct {
		name string
		pos  int64
		to   int64
		ok   bool
	}{
		{"the instructions", s[0].Start + 1, left, true},
		{"the right side", right, left, true},
		{"the left side", left + 1, right, true},
		{"the step's last frame", s[0].End - 1, right, true},
		{"the rest", s[1].Start + 1, 0, false},
		{"a step on no side", s[2].Start + 1, 0, false},
		{"the intro", 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, ok := tl.otherSide(tc.pos); ok != tc.ok || got != tc.to {
				t.Errorf("other side from %s = %s, %v; want %s, %v", Clock(tc.pos), Clock(got), ok, Clock(tc.to), tc.ok)
			}
		})
	}
}

// sideStart returns the frame of span step's first event on side.
func sideStart(t *testing.T, tl *Timeline, step int, side string) int64 {
	t.Helper()
	for _, e := range tl.Events {
		if e.Step == step && e.Side == side {
			return e.At
		}
	}
	t.Fatalf("no event on the %s side in step %d", side, step)
	return 0
}
