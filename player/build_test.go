package player

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/scripts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testdataDir holds what the tests of several packages share: the example
// scripts and the independent rules checker.
var testdataDir = filepath.Join("..", "testdata")

// sessions returns every session the goldens cover: the built-ins and the
// example scripts.
func sessions(t *testing.T) map[string]*scripts.Session {
	t.Helper()
	out := map[string]*scripts.Session{}
	for _, name := range scripts.BuiltinNames() {
		s, err := scripts.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = s
	}
	files, _ := filepath.Glob(filepath.Join(testdataDir, "examples", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no example scripts in testdata/examples")
	}
	for _, f := range files {
		s, err := scripts.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".yaml")] = s
	}
	return out
}

func defaultVoice(t testing.TB) *pack.Voice {
	t.Helper()
	v, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestGolden(t *testing.T) {
	v := defaultVoice(t)
	for name, s := range sessions(t) {
		t.Run(name, func(t *testing.T) {
			tl, err := Build(s, v, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := tl.WriteJSON(&got); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".json.golden")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./player -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("timeline differs from %s; if the change is intended, run go test ./player -update and review the diff", golden)
			}
		})
	}
}

// TestRules builds every session at every level and checks DESIGN.md's
// rules, the doses of each hold and the count of each set of reps.
func TestRules(t *testing.T) {
	eachTimeline(t, func(t *testing.T, name string, s *scripts.Session, tl *Timeline) {
		for _, b := range checkRules(tl) {
			t.Error(b)
		}
		checkDoses(t, s, tl, tl.Level)
		checkInstructionsFirst(t, s, tl)
	})
}

// eachTimeline runs check on every session laid out at every level.
func eachTimeline(t *testing.T, check func(t *testing.T, name string, s *scripts.Session, tl *Timeline)) {
	v := defaultVoice(t)
	for name, s := range sessions(t) {
		for _, lv := range scripts.Levels {
			t.Run(name+"/"+string(lv), func(t *testing.T) {
				tl, err := Build(s, v, Options{Level: lv})
				if err != nil {
					t.Fatal(err)
				}
				check(t, name, s, tl)
			})
		}
	}
}

// checkDoses checks that every clock of a performed step lasts its dose on
// every side, and counts its reps.
func checkDoses(t *testing.T, s *scripts.Session, tl *Timeline, lv scripts.Level) {
	t.Helper()
	spans, counts := clocks(t, tl)
	items := flatten(s.Steps, 0, 0)
	k := 0
	for _, sp := range tl.Steps {
		if sp.Top == 0 { // an automatic rest
			continue
		}
		st := items[k].step
		k++
		sides := max(1, len(st.Sides))
		for i := 0; i < sides; i++ {
			side := ""
			if len(st.Sides) > 0 {
				side = st.Sides[i]
			}
			key := clockKey{sp.Index, side, sp.Round}
			switch st.Kind {
			case scripts.KindHold:
				want := audio.Frames(st.Hold.At(lv))
				if got := spans[key]; len(got) != 1 || got[0] != want {
					t.Errorf("%s %s: hold spans %v frames, want one of %d", sp.Name, side, got, want)
				}
			case scripts.KindReps:
				if st.Count == scripts.CountNone {
					continue
				}
				if got, want := len(counts[key]), st.Reps.At(lv); got != want {
					t.Errorf("%s %s: %d reps counted, want %d", sp.Name, side, got, want)
				}
			}
		}
	}
	if k != len(items) {
		t.Errorf("%d performed steps in the timeline, want %d", k, len(items))
	}
}

// checkInstructionsFirst checks that each step's own lines are all spoken
// before its first start tone.
func checkInstructionsFirst(t *testing.T, s *scripts.Session, tl *Timeline) {
	t.Helper()
	items := flatten(s.Steps, 0, 0)
	k := 0
	for _, sp := range tl.Steps {
		if sp.Top == 0 {
			continue
		}
		st := items[k].step
		k++
		var start int64 = -1
		said := map[string]int64{}
		for _, e := range tl.Events {
			if e.Step != sp.Index {
				continue
			}
			if e.Kind == Start && start < 0 {
				start = e.At
			}
			if e.Kind == Speech {
				if _, ok := said[e.Text]; !ok {
					said[e.Text] = e.End()
				}
			}
		}
		for _, line := range st.Say {
			end, ok := said[line]
			if !ok {
				t.Errorf("%s: line %q never spoken", sp.Name, line)
			} else if start >= 0 && end > start {
				t.Errorf("%s: line %q still spoken when the clock starts", sp.Name, line)
			}
		}
	}
}

// TestRulesTool runs the team's independent rules checker on every session,
// with the article's doses for lower-back.
func TestRulesTool(t *testing.T) {
	tool := filepath.Join(testdataDir, "timeline_rules.py")
	testenv.NeedTool(t, "python3")
	eachTimeline(t, func(t *testing.T, name string, s *scripts.Session, tl *Timeline) {
		path := filepath.Join(t.TempDir(), "tl.json")
		var buf bytes.Buffer
		if err := tl.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{tool, path}
		if name == "lower-back" {
			args = append(args, "--seed")
		}
		out, err := exec.Command("python3", args...).CombinedOutput()
		if err != nil {
			t.Errorf("rules broken:\n%s", out)
		}
	})
}

// fixedVoice speaks every line in the same time, to test scheduling.
type fixedVoice time.Duration

func (f fixedVoice) Probe(string) (int64, error) { return audio.Frames(time.Duration(f)), nil }
