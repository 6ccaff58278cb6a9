package scripts

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// examplesDir holds the example scripts the tests share.
var examplesDir = filepath.Join("..", "testdata", "examples")

// exampleFiles returns the example scripts.
func exampleFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(examplesDir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example scripts in %s", examplesDir)
	}
	return files
}

func TestParseExamples(t *testing.T) {
	for _, file := range exampleFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			s, err := ParseFile(file)
			if err != nil {
				t.Fatalf("ParseFile: %v", err)
			}
			if s.File != file || s.Title == "" || len(s.Steps) == 0 {
				t.Errorf("got File %q, Title %q, %d steps; want the path, a title, steps", s.File, s.Title, len(s.Steps))
			}
		})
	}
}

func TestParseBuiltins(t *testing.T) {
	for _, name := range BuiltinNames() {
		t.Run(name, func(t *testing.T) {
			s, err := Builtin(name)
			if err != nil {
				t.Fatalf("Builtin: %v", err)
			}
			if s.File != name {
				t.Errorf("File: got %q, want %q", s.File, name)
			}
		})
	}
}

var (
	sec        = time.Second
	builtinRem = []Reminder{{Halfway: true}, {Left: 10 * sec}}
)

func span(lo, hi time.Duration) Duration { return Duration{lo, hi} }

// TestParseValues checks values parsed from the built-in and example
// scripts, defaults applied.
func TestParseValues(t *testing.T) {
	back := mustBuiltin(t, "lower-back")
	catCow, bridge := back.Steps[2], back.Steps[3]
	check(t, "cat-cow kind", catCow.Kind, KindReps)
	check(t, "cat-cow reps", catCow.Reps, Count{10, 15})
	check(t, "cat-cow tempo", catCow.Tempo, []time.Duration{3 * sec, 3 * sec})
	check(t, "cat-cow phases", catCow.Phases, []string{"Cow", "Cat"})
	check(t, "cat-cow rest", catCow.Rest, span(15*sec, 15*sec))
	check(t, "cat-cow remind", catCow.Remind, builtinRem)
	check(t, "bridge rep hold", bridge.Hold, span(5*sec, 5*sec))
	check(t, "child's pose hold", back.Steps[6].Hold, span(time.Minute, 3*time.Minute))
	check(t, "closing lines", len(back.Closing), 7)
	check(t, "warning lines", len(back.Warning), 3)
	twist := back.Steps[1]
	check(t, "twist per-side lines", []bool{PerSide(twist.Say[0]), PerSide(twist.Say[1]), PerSide(twist.Say[2]), PerSide(twist.Say[3])},
		[]bool{false, false, true, true})

	dir := examplesDir
	exampleFiles(t)
	neck := mustParseFile(t, filepath.Join(dir, "neck-release.yaml"))
	bend := neck.Steps[0]
	check(t, "side bend hold", bend.Hold, span(20*sec, 30*sec))
	check(t, "side bend sides", bend.Sides, []string{"right", "left"})
	check(t, "side bend ready", bend.Ready, 3*sec)
	check(t, "side bend remind", bend.Remind, []Reminder{{Halfway: true}})
	check(t, "neck level", neck.Level, Standard)

	knee := mustParseFile(t, filepath.Join(dir, "knee-rehab.yaml"))
	check(t, "knee level", knee.Level, Gentle)
	check(t, "knee kinds", kinds(knee.Steps), []Kind{KindSay, KindRepeat, KindRest, KindSay})
	group := knee.Steps[1]
	check(t, "group repeat", group.Repeat, 3)
	check(t, "group steps", len(group.Steps), 2)
	quad := group.Steps[0]
	check(t, "quad set reps", quad.Reps, Count{10, 10})
	check(t, "quad set rep hold", quad.Hold, span(5*sec, 5*sec))
	check(t, "quad set rest (inherited)", quad.Rest, span(20*sec, 20*sec))
	check(t, "quad set ticks (built-in)", quad.Ticks, true)
	check(t, "quad set remind (built-in)", quad.Remind, builtinRem)
	check(t, "quad set count", quad.Count, CountVoice)
	check(t, "raise phases", group.Steps[1].Phases, []string{"Lift", "Lower"})
	check(t, "rest step", knee.Steps[2].Rest, span(30*sec, 30*sec))
}

// TestParseSession checks a whole parsed session against the expected
// value, for a script that uses every kind of step and setting.
func TestParseSession(t *testing.T) {
	src := `title: "  Everything  "
about: All kinds of step.
warning: [Go slowly., Stop if it hurts.]
closing: Well done.
level: full
defaults:
  rest: 5-10s
  remind: []
  switch: 8s
steps:
  - say: [Breathe in., Breathe out.]
  - name: Plank
    hold: 1m
    ready: 0s
    rest: 0s
    quiet: true
  - reps: 5
    phases: [Up, Down]
    count: tone
  - name: Pause
    rest: 20
  - repeat: 2
    name: Round
    ticks: false
    every: 20s
    steps:
      - hold: 1.5
        sides: [left]
        remind: [halfway]
        say:
          - Lie down.
          - Lift your {side} leg.
        during: Keep your {other} leg still.
        after: Lower it slowly.
`
	got, err := Parse("all.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	rest := span(5*sec, 10*sec)
	sw, every := 8*sec, 30*sec
	want := &Session{File: "all.yaml", Title: "Everything", About: "All kinds of step.",
		Warning: []string{"Go slowly.", "Stop if it hurts."}, Closing: []string{"Well done."}, Level: Full,
		TitlePos: Pos{1, 8}, WarningPos: []Pos{{3, 11}, {3, 23}}, ClosingPos: []Pos{{4, 10}},
		Defaults: Defaults{Ready: 5 * sec, Rest: rest, Ticks: true, Count: CountVoice, Switch: sw, Every: every},
		Steps: []*Step{
			{Pos: Pos{11, 5}, Kind: KindSay, Say: []string{"Breathe in.", "Breathe out."},
				Ready: 5 * sec, Ticks: true, Count: CountVoice, Switch: sw, Every: every},
			{Pos: Pos{12, 5}, Kind: KindHold, Name: "Plank", Hold: span(time.Minute, time.Minute),
				Ticks: true, Count: CountVoice, Switch: sw, Quiet: true, Every: every},
			{Pos: Pos{17, 5}, Kind: KindReps, Reps: Count{5, 5}, Tempo: []time.Duration{2 * sec, 2 * sec},
				Phases: []string{"Up", "Down"}, Rest: rest, Ready: 5 * sec, Ticks: true, Count: CountTone, Switch: sw, Every: every},
			{Pos: Pos{20, 5}, Kind: KindRest, Name: "Pause", Rest: span(20*sec, 20*sec),
				Ready: 5 * sec, Ticks: true, Count: CountVoice, Switch: sw, Every: every},
			{Pos: Pos{22, 5}, Kind: KindRepeat, Name: "Round", Repeat: 2, Rest: rest, Ready: 5 * sec, Count: CountVoice,
				Switch: sw, Every: 20 * sec,
				Steps: []*Step{{Pos: Pos{27, 9}, Kind: KindHold, Hold: span(1500*time.Millisecond, 1500*time.Millisecond),
					Say: []string{"Lie down.", "Lift your {side} leg."}, During: []string{"Keep your {other} leg still."},
					After: []string{"Lower it slowly."}, Sides: []string{"left"}, Rest: rest, Ready: 5 * sec,
					Ticks: false /* from its group */, Remind: []Reminder{{Halfway: true}}, Count: CountVoice,
					Switch: sw, Every: 20 * sec}}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse:\ngot  %s\nwant %s", dump(got), dump(want))
	}
}

func TestParseFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 1 GiB file: ParseFile must refuse it without reading it.
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ParseFile(path)
	want := path + ":1:1: script is 1073741824 bytes, over the limit of 1 MiB (split it into several sessions)"
	if err == nil || err.Error() != want {
		t.Errorf("ParseFile: got %v, want %s", err, want)
	}
}

func mustBuiltin(t *testing.T, name string) *Session {
	t.Helper()
	s, err := Builtin(name)
	if err != nil {
		t.Fatalf("Builtin(%q): %v", name, err)
	}
	return s
}

func mustParseFile(t *testing.T, path string) *Session {
	t.Helper()
	s, err := ParseFile(path)
	if err != nil {
		t.Fatalf("ParseFile: %v", err)
	}
	return s
}

func check[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: got %v, want %v", what, got, want)
	}
}

func kinds(steps []*Step) []Kind {
	var k []Kind
	for _, st := range steps {
		k = append(k, st.Kind)
	}
	return k
}

// dump writes a session with its steps, for failure messages.
func dump(s *Session) string {
	out := fmt.Sprintf("%+v", *s)
	var walk func([]*Step)
	walk = func(steps []*Step) {
		for _, st := range steps {
			out += fmt.Sprintf("\n  %+v", *st)
			walk(st.Steps)
		}
	}
	walk(s.Steps)
	return out
}

// The session records where its own lines were written, each closing line
// apart, so that messages can point at them without reading the file again.
func TestParseLinePositions(t *testing.T) {
	src := "title: T\nwarning:   Careful.\nclosing:\n  - Well done.\n  -   See you.\nsteps: [{hold: 5s}]\n"
	s, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	check(t, "title", s.TitlePos, Pos{1, 8})
	check(t, "warning", s.WarningPos, []Pos{{2, 12}})
	check(t, "closing", s.ClosingPos, []Pos{{4, 5}, {5, 7}})
}
