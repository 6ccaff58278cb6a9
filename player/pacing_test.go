package player

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// clockSpans returns the start and end tones of each clock of step n, by
// side, in time order.
func clockSpans(tl *Timeline, n int) (starts, ends []Event) {
	for _, e := range tl.Events {
		switch {
		case e.Step != n:
		case e.Kind == Start:
			starts = append(starts, e)
		case e.Kind == End:
			ends = append(ends, e)
		}
	}
	return starts, ends
}

// A line with {side} or {other} is said before each side's clock, filled
// in for that side, after "Switch sides." and the side's name; lines
// without them once, before the first side.
func TestMirroredLinesBeforeEachSide(t *testing.T) {
	s := mustParse(t, "title: T\ndefaults: {ready: 2s}\nsteps:\n  - name: Twist\n    say:\n"+
		"      - Sit tall.\n      - Cross your {side} foot over your {other} leg.\n      - \"{Side} hand behind you.\"\n"+
		"    after: Turn back to the {other} slowly.\n    hold: 20s\n    sides: [left, right]\n")
	tl := mustBuild(t, s, fixedVoice(time.Second))
	starts, ends := clockSpans(tl, 1)
	if len(starts) != 2 {
		t.Fatalf("%d clocks, want 2", len(starts))
	}
	var got []string
	for _, e := range tl.Events {
		if e.Kind == Speech && e.Text != sayBegin && e.Text != sayHalfway && !strings.HasSuffix(e.Text, "left.") {
			got = append(got, fmt.Sprintf("%s|%s", e.Side, e.Text))
		}
		if e.Kind == Start {
			got = append(got, e.Side+"|<start>")
		}
	}
	want := []string{"|T", "|Twist", "|Sit tall.",
		"left|Left side.", "left|Cross your left foot over your right leg.", "left|Left hand behind you.", "left|Get ready.", "left|<start>",
		"left|Release.", "left|Turn back to the right slowly.",
		"right|Switch sides.", "right|Right side.", "right|Cross your right foot over your left leg.", "right|Right hand behind you.",
		"right|Get ready.", "right|<start>", "right|Release.", "right|Turn back to the left slowly.", "|" + sayComplete}
	if !slices.Equal(got, want) {
		t.Errorf("lines said:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, side := range []string{"left", "right"} {
		if starts[i].Side != side || ends[i].At-starts[i].At != audio.Frames(20*time.Second) {
			t.Errorf("clock %d: %+v to %+v, want %s for 20 s", i+1, starts[i], ends[i], side)
		}
	}
}

// From one side's end tone to the next side's start tone there is at least
// the step's switch time, 10 s unless it says; the time to move goes
// before "Get ready.", which keeps its pips.
func TestRoomToSwitchSides(t *testing.T) {
	for _, tc := range []struct {
		setting string
		least   time.Duration
	}{{"", 10 * time.Second}, {", switch: 15s", 15 * time.Second}, {", switch: 4s", 4 * time.Second}, {", switch: 0s", 0}} {
		t.Run(tc.setting, func(t *testing.T) {
			s := mustParse(t, "title: T\ndefaults: {ready: 3s}\nsteps:\n  - {name: A, hold: 10s, sides: [right, left]"+tc.setting+"}\n")
			tl := mustBuild(t, s, fixedVoice(500*time.Millisecond))
			starts, ends := clockSpans(tl, 1)
			gap := audio.Duration(starts[1].At - ends[0].At)
			// without a switch of its own the gap is what the lines and
			// the ready time take: "Release.", "Switch sides.", "Left
			// side.", "Get ready." and the pips, about 5.5 s.
			if gap < tc.least || tc.least > 6*time.Second && gap != tc.least {
				t.Errorf("%v from the right side's end to the left side's start, want at least %v", gap, tc.least)
			}
			// "Get ready.", 0.3 s, the pips: the ready time of 3 s drawn out
			ready := spoken(tl, sayGetReady)
			for i := range ready {
				if d := audio.Duration(starts[i].At - ready[i].At); d != 3800*time.Millisecond {
					t.Errorf("\"Get ready.\" %v before the start of side %d, want 3.8s", d, i+1)
				}
			}
		})
	}
}

// Long holds are never quiet for longer than the step's every: the
// breathing cues fill them in turn, or the step's own during lines; a
// quiet step is left quiet. During lines are said in shorter holds too,
// where they have room: 5 s clear of the lines around them.
func TestQuietStretchesAreFilled(t *testing.T) {
	for _, tc := range []struct {
		name, step string
		want       []string
		longest    time.Duration
	}{
		{"breathing cues", "hold: 2m, remind: []", []string{sayBreathe, sayKeepBreathing, sayBreathe}, 30 * time.Second},
		{"own lines", "hold: 2m, remind: [], during: [Soften., Let go.]", []string{"Soften.", "Let go.", "Soften."}, 30 * time.Second},
		{"every 20s", "hold: 2m, remind: [], every: 20s", []string{sayBreathe, sayKeepBreathing, sayBreathe, sayKeepBreathing, sayBreathe}, 20 * time.Second},
		{"between reminders", "hold: 2m", []string{sayBreathe, sayKeepBreathing}, 30 * time.Second},
		{"quiet", "hold: 2m, remind: [], quiet: true", nil, 120 * time.Second},
		{"quiet with own lines", "hold: 90s, remind: [], quiet: true, during: Soften.", []string{"Soften.", "Soften."}, 30 * time.Second},
		{"own lines in a short hold", "hold: 40s, during: [Soften., Let go., Rest.]", []string{"Soften.", "Let go.", "Rest."}, 10 * time.Second},
		{"reps counted by nobody", "reps: 20, tempo: [2s, 2s], count: none", []string{sayBreathe, sayKeepBreathing}, 30 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustParse(t, "title: T\ndefaults: {ready: 0s}\nsteps:\n  - {name: A, "+tc.step+"}\n")
			tl := mustBuild(t, s, fixedVoice(time.Second))
			starts, ends := clockSpans(tl, 1)
			marks := []int64{starts[0].At}
			var said []string
			for _, e := range tl.Events {
				if e.Spoken() && e.At > starts[0].At && e.At < ends[0].At {
					marks = append(marks, e.At)
					if e.Text != sayBegin && e.Text != sayHalfway && !strings.HasSuffix(e.Text, " left.") {
						said = append(said, e.Text)
					}
				}
			}
			marks = append(marks, ends[0].At)
			var longest int64
			for i := 1; i < len(marks); i++ {
				longest = max(longest, marks[i]-marks[i-1])
			}
			if !slices.Equal(said, tc.want) {
				t.Errorf("said %q in the clock, want %q", said, tc.want)
			}
			if got := audio.Duration(longest); got > tc.longest || got < tc.longest/2 {
				t.Errorf("longest quiet stretch %v, want at most %v (and over half of it)", got, tc.longest)
			}
		})
	}
}

// Spoken cues leave at least 0.3 s between them, except after a line that
// runs on ("Next:"); a rep's count waits 0.3 s after its phase word.
func TestRoomBetweenCues(t *testing.T) {
	s := mustParse(t, "title: T\ndefaults: {ready: 2s, rest: 5s}\nsteps:\n"+
		"  - {name: Cat-cow, reps: 3, tempo: [3s, 3s], phases: [Cow, Cat]}\n  - {name: B, hold: 15s}\n")
	tl := mustBuild(t, s, fixedVoice(700*time.Millisecond))
	var last Event
	runOn := 0
	for _, e := range tl.Events {
		if !e.Spoken() {
			continue
		}
		gap := e.At - last.End()
		switch {
		case last.Text == sayNext:
			runOn++
			if gap != shortGap {
				t.Errorf("%q follows %q by %v, want it run on", e.Text, last.Text, audio.Duration(gap))
			}
		case last.Text != "" && gap < cueGap:
			t.Errorf("%q follows %q by %v, want at least 0.3 s", e.Text, last.Text, audio.Duration(gap))
		}
		last = e
	}
	if runOn != 1 {
		t.Errorf("%d lines after \"Next:\", want 1", runOn)
	}
}

// A script's own closing takes the place of the generic one.
func TestOwnClosing(t *testing.T) {
	for _, tc := range []struct {
		closing string
		want    []string
	}{
		{"", []string{sayComplete}},
		{"closing: Rest now.\n", []string{"Rest now."}},
		{"closing: [Rest now., Session complete. Well done.]\n", []string{"Rest now.", sayComplete}},
	} {
		s := mustParse(t, "title: T\nsteps:\n  - {hold: 5s}\n"+tc.closing)
		tl := mustBuild(t, s, fixedVoice(time.Second))
		var got []string
		for _, e := range tl.Events {
			if e.Spoken() && e.Step == 0 && e.At > tl.Steps[0].End {
				got = append(got, e.Text)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: the session ends with %q, want %q", tc.closing, got, tc.want)
		}
	}
}

// Chapters cover the whole session: an opening one, then one per step,
// each up to the next one's start, rounds told apart, the last one to the
// end with the closing lines in it.
func TestChaptersCoverTheSession(t *testing.T) {
	s := mustParse(t, "title: T\nwarning: Go gently.\ndefaults: {rest: 5s}\nsteps:\n  - say: Lie down.\n"+
		"  - repeat: 2\n    steps:\n      - {name: Knee rock, hold: 10s}\n      - {hold: 5s}\n  - rest: 8s\n  - {name: Last, reps: 2}\nclosing: Bye.\n")
	tl := mustBuild(t, s, fixedVoice(time.Second))
	var titles []string
	at := int64(0)
	for _, c := range tl.Chapters() {
		if c.Start != at || c.End <= c.Start {
			t.Errorf("chapter %q runs %d to %d, want it to start at %d", c.Title, c.Start, c.End, at)
		}
		titles = append(titles, c.Title)
		at = c.End
	}
	if at != tl.Length {
		t.Errorf("the chapters end at %d, the session at %d", at, tl.Length)
	}
	want := []string{"Introduction", "1. Lie down.", "2. Knee rock, round 1", "3. Hold, round 1",
		"4. Knee rock, round 2", "5. Hold, round 2", "6. Rest", "7. Last"}
	if !slices.Equal(titles, want) {
		t.Errorf("chapters %q, want %q", titles, want)
	}
}
