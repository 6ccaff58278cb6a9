package player

import (
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/scripts"
)

func mustParse(t *testing.T, src string) *scripts.Session {
	t.Helper()
	s, err := scripts.Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustBuild(t *testing.T, s *scripts.Session, v Voice) *Timeline {
	t.Helper()
	tl, err := Build(s, v, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range checkRules(tl) {
		t.Error(b)
	}
	return tl
}

func spoken(tl *Timeline, text string) []Event {
	var out []Event
	for _, e := range tl.Events {
		if e.Text == text {
			out = append(out, e)
		}
	}
	return out
}

// Lines too long for a short rest draw the rest out instead of overlapping.
func TestLongLinesPushTheRest(t *testing.T) {
	s := mustParse(t, "title: T\ndefaults: {rest: 2s, ready: 0s}\nsteps:\n"+
		"  - {name: A, hold: 5s}\n  - {name: B, hold: 5s}\n")
	tl := mustBuild(t, s, fixedVoice(3*time.Second))
	a := tl.Steps[0]
	if a.RestAt == 0 || tl.Steps[1].Start != a.End {
		t.Fatalf("no rest at the end of the first step: %+v", tl.Steps)
	}
	if got, min := a.End-a.RestAt, audio.Frames(6*time.Second); got < min {
		t.Errorf("rest lasts %d frames, want at least %d to fit \"Next:\" and the name", got, min)
	}
	next := spoken(tl, sayNext)
	if len(next) != 1 || next[0].At < a.RestAt || next[0].End() > a.End || next[0].Step != 1 {
		t.Errorf("\"Next:\" = %+v, want once inside the rest of step 1 %+v", next, a)
	}
	if b := spoken(tl, "B"); len(b) < 2 || b[0].At != next[0].End()+shortGap {
		t.Errorf("the next step's name should follow \"Next:\": %+v", b)
	}
}

// A reminder that would collide with another line or run past the hold is
// dropped, never moved; of two reminders closer than 5 s, the lesser (a
// halfway beside a time left) gives way, and the rest keep time order.
func TestReminders(t *testing.T) {
	for _, tc := range []struct {
		name, hold, remind string
		want               map[string]time.Duration // line: when, from the start tone
	}{
		{"past the end", "10s", "[halfway, 2s]", map[string]time.Duration{sayHalfway: 5 * time.Second}},
		{"same time", "10s", "[halfway, 5s]", map[string]time.Duration{reminderLine(5 * time.Second): 5 * time.Second}},
		{"out of order", "15s", "[halfway, 10s]", map[string]time.Duration{reminderLine(10 * time.Second): 5 * time.Second}},
		{"2.5 s apart", "25s", "[halfway, 10s, 5s]", map[string]time.Duration{
			reminderLine(10 * time.Second): 15 * time.Second, reminderLine(5 * time.Second): 20 * time.Second}},
		{"5 s apart", "30s", "[halfway, 10s]", map[string]time.Duration{
			sayHalfway: 15 * time.Second, reminderLine(10 * time.Second): 20 * time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustParse(t, "title: T\ndefaults: {ready: 0s, remind: "+tc.remind+"}\nsteps:\n  - {name: A, hold: "+tc.hold+"}\n")
			tl := mustBuild(t, s, fixedVoice(2*time.Second))
			start := find(t, tl, 1, Start, 1).At
			got := map[string]time.Duration{}
			for _, e := range tl.Events {
				if e.Kind == Speech && e.At > start && e.End() < start+audio.Frames(mustDuration(t, tc.hold)) && e.Text != sayBegin {
					got[e.Text] = audio.Duration(e.At - start)
				}
			}
			if !maps.Equal(got, tc.want) {
				t.Errorf("reminders %v, want %v", got, tc.want)
			}
		})
	}
}

// Counts that need more room than the tempo gives push the next rep back:
// every rep is still counted once and no line overlaps.
func TestSlowCountsPushTheReps(t *testing.T) {
	s := mustParse(t, "title: T\ndefaults: {ready: 0s}\nsteps:\n"+
		"  - {name: A, reps: 5, tempo: [1s, 1s], phases: [Up, Down]}\n")
	tl := mustBuild(t, s, fixedVoice(800*time.Millisecond))
	_, counts := clocks(t, tl)
	if got := counts[clockKey{1, "", 0}]; len(got) != 5 {
		t.Fatalf("counts %v, want 1..5", got)
	}
	var ups []int64
	for _, e := range tl.Events {
		if e.Kind == Phase && e.Text == "Up" {
			ups = append(ups, e.At)
		}
	}
	if len(ups) != 5 {
		t.Fatalf("%d spoken Up phases, want 5", len(ups))
	}
	for i := 1; i < len(ups); i++ {
		if ups[i]-ups[i-1] < audio.Frames(2*time.Second) {
			t.Errorf("rep %d starts %d frames after the one before, want at least the tempo", i+1, ups[i]-ups[i-1])
		}
	}
}

// Each side gets the full hold, with the sides announced in order.
func TestEachSideGetsTheFullHold(t *testing.T) {
	s := mustParse(t, "title: T\nsteps:\n  - {name: A, hold: 20-30s, sides: [right, left]}\n")
	for _, lv := range scripts.Levels {
		tl, err := Build(s, fixedVoice(time.Second), Options{Level: lv})
		if err != nil {
			t.Fatal(err)
		}
		spans, _ := clocks(t, tl)
		want := audio.Frames(s.Steps[0].Hold.At(lv))
		for _, side := range []string{"right", "left"} {
			if got := spans[clockKey{1, side, 0}]; len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s side held %v, want %d", lv, side, got, want)
			}
		}
		if r, l := spoken(tl, "Right side."), spoken(tl, "Left side."); len(r) != 1 || len(l) != 1 || r[0].At > l[0].At {
			t.Errorf("%s: sides announced %v then %v", lv, r, l)
		}
	}
}

// Rounds of a repeat group appear as their own steps, announced.
func TestRepeatRounds(t *testing.T) {
	s := mustParse(t, "title: T\ndefaults: {rest: 0s}\nsteps:\n  - repeat: 3\n    steps:\n      - {name: A, hold: 3s}\n")
	tl := mustBuild(t, s, fixedVoice(time.Second))
	if len(tl.Steps) != 3 {
		t.Fatalf("%d steps, want 3 rounds", len(tl.Steps))
	}
	for i, sp := range tl.Steps {
		if sp.Round != i+1 || sp.Name != "A" {
			t.Errorf("step %d = %+v, want A round %d", i+1, sp, i+1)
		}
		if r := spoken(tl, roundLine(i+1)); len(r) != 1 || r[0].Step != sp.Index {
			t.Errorf("round %d announced %+v", i+1, r)
		}
	}
}

// A line the voice lacks gets an estimated length and is listed.
func TestMissingClipsAreListed(t *testing.T) {
	s := mustParse(t, "title: T\nsteps:\n  - say: Breathe in slowly.\n")
	tl := mustBuild(t, s, mapVoice{"t": time.Second})
	if len(tl.Missing) == 0 || tl.Missing[0] != "Breathe in slowly." {
		t.Fatalf("missing = %q, want the script's line listed", tl.Missing)
	}
	if e := spoken(tl, "Breathe in slowly."); len(e) != 1 || e[0].Dur != estimate("Breathe in slowly.") {
		t.Errorf("missing line = %+v, want its estimated length", e)
	}
}

// mapVoice has clips for the lines it lists (normalized to lower case).
type mapVoice map[string]time.Duration

func (m mapVoice) Probe(text string) (int64, error) {
	d, ok := m[strings.ToLower(text)]
	if !ok {
		return 0, pack.ErrNoClip
	}
	return audio.Frames(d), nil
}

func mustDuration(t *testing.T, s string) time.Duration {
	t.Helper()
	d, err := time.ParseDuration(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
