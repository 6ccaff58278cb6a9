package player

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

// Sessions whose work multiplies are refused with the place that
// multiplies, before a timeline is laid out.
func TestBuildLimits(t *testing.T) {
	many := &scripts.Step{Kind: scripts.KindReps, Reps: scripts.Count{Lo: 500, Hi: 500},
		Tempo: []time.Duration{time.Millisecond}, Count: scripts.CountTone}
	cases := []struct {
		name string
		s    *scripts.Session
		want string
	}{
		{"spoken lines pass six hours", mustParse(t, "title: T\ndefaults: {ready: 0s}\nsteps:\n"+
			"  - say: Warm up.\n  - repeat: 100\n    steps:\n      - say: Breathe in slowly and deeply.\n"+
			"      - rest: 3m35s\n"),
			"test.yaml:5:5: the session passes the limit of 6h at level standard during this step, in round 100, " +
				"once its lines are spoken (use fewer rounds, shorter holds or fewer lines, or split the session)"},
		{"built by hand: too many cues", &scripts.Session{File: "hand.yaml", Title: "T", Steps: []*scripts.Step{
			{Pos: scripts.Pos{Line: 3, Column: 5}, Kind: scripts.KindRepeat, Repeat: 1000, Steps: []*scripts.Step{many}}}},
			"hand.yaml:3:5: repeat: this group would make about 1018000 cues at the full level (limit 200000: " +
				"each line, tone, tick and count is one; use fewer rounds or reps, or longer phases)"},
		{"built by hand: too long", &scripts.Session{File: "hand.yaml", Title: "T", Steps: []*scripts.Step{
			{Pos: scripts.Pos{Line: 3, Column: 5}, Kind: scripts.KindHold, Hold: scripts.Duration{Lo: 7 * time.Hour, Hi: 7 * time.Hour}}}},
			"hand.yaml:3:5: this step would last about 7h at the full level (limit 6h)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Build(c.s, fixedVoice(time.Second), Options{})
			if err == nil || err.Error() != c.want {
				t.Fatalf("Build: got %v\nwant %s", err, c.want)
			}
			if !errors.Is(err, scripts.ErrLimit) {
				t.Errorf("Build: %v does not wrap scripts.ErrLimit", err)
			}
		})
	}
}

// Session.Cues bounds what Build lays out: its events and its spans.
func TestCuesBoundTimeline(t *testing.T) {
	all := sessions(t)
	all["dense"] = mustParse(t, "title: T\nwarning: Careful.\nclosing: [Bye.]\nsteps:\n"+
		"  - repeat: 3\n    steps:\n      - name: Squat\n        say: [Feet apart., Back straight.]\n"+
		"        reps: 10-12\n        tempo: [1s, 1s, 0.5s]\n        phases: [Down, Hold, Up]\n        hold: 2s\n"+
		"        sides: [right, left]\n      - name: Plank\n        hold: 30-40s\n        sides: [left, right]\n"+
		"        remind: [halfway, 5s, 10s, 20s]\n      - rest: 20s\n  - say: Done.\n")
	for name, s := range all {
		for _, l := range scripts.Levels {
			tl, err := Build(s, fixedVoice(300*time.Millisecond), Options{Level: l})
			if err != nil {
				t.Fatalf("%s at %s: %v", name, l, err)
			}
			if got, bound := len(tl.Events)+len(tl.Steps), s.Cues(); float64(got) > bound {
				t.Errorf("%s at %s: %d events and spans, over the bound of %.0f", name, l, got, bound)
			}
		}
	}
}

// The session is refused as soon as it passes six hours, not after the
// whole of it is laid out.
func TestBuildStopsAtTheLimit(t *testing.T) {
	s := mustParse(t, "title: T\ndefaults: {ready: 0s}\nsteps:\n  - repeat: 100\n    steps:\n"+
		"      - say: [One., Two., Three., Four., Five., Six., Seven., Eight., Nine., Ten.]\n      - rest: 3m30s\n")
	_, err := Build(s, fixedVoice(time.Second), Options{})
	if err == nil || !strings.Contains(err.Error(), "in round 97,") {
		t.Fatalf("Build: got %v, want the round the limit is passed in", err)
	}
}

// The clips a session speaks are held in memory: in all they may last
// MaxSpeech, no more.
func TestSpeechLimit(t *testing.T) {
	s := mustParse(t, "title: T\nsteps:\n  - say: [One., Two., Three., Four., Five., Six., Seven., Eight., Nine.]\n")
	if _, err := Build(s, fixedVoice(time.Minute), Options{}); err != nil {
		t.Fatalf("11 lines of a minute: %v", err)
	}
	_, err := Build(s, fixedVoice(2*time.Minute), Options{})
	if want := "test.yaml: the voice's clips of the lines the session speaks last 22m0s in all, over the limit of 20m0s"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("11 lines of two minutes: %v, want %q…", err, want)
	}
}

// fixedVoice speaks every line in the same time, to test scheduling.
type fixedVoice time.Duration

func (f fixedVoice) Probe(string) (int64, error) { return audio.Frames(time.Duration(f)), nil }
