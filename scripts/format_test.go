package scripts

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestFormat(t *testing.T) {
	src := `title: Everything
level: gentle
defaults: {ready: 3, rest: 5-10s, ticks: true, remind: [halfway]}
steps:
  - {say: Lie down., hold: "90", sides: [left, right], remind: [halfway, 10s]}
  - reps: 8-12
    hold: 2s
    count: none
  - repeat: 2
    rest: 0s
    steps:
      - {name: "yes", say: [One., Two.], hold: 20-30s, ready: 5s}
  - {name: Breathe, rest: 1m}
closing: [Done., "Well: done."]
`
	want := `title: Everything
level: gentle
defaults:
  ready: 3s
  rest: 5-10s
  remind: [halfway]
steps:
  - say: Lie down.
    hold: 1m30s
    sides: [left, right]
    remind: [halfway, 10s]
  - reps: 8-12
    tempo: [2s, 2s]
    hold: 2s
    count: none
  - repeat: 2
    rest: 0s
    steps:
      - name: yes
        say:
          - One.
          - Two.
        hold: 20-30s
        ready: 5s
  - name: Breathe
    rest: 1m
closing:
  - Done.
  - 'Well: done.'
`
	s, err := Parse("all.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got := string(Format(s)); got != want {
		t.Errorf("Format: got\n%s\nwant\n%s", got, want)
	}
}

// TestFormatRoundTrip checks that the built-in and example scripts parse
// to the same session once formatted, and that Format is stable.
func TestFormatRoundTrip(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("builtin", "*.yaml"))
	examples, _ := filepath.Glob(filepath.Join(examplesDir, "*.yaml"))
	for _, file := range append(files, examples...) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			roundTrip(t, data)
		})
	}
}

// roundTrip checks that a script that parses formats to a script that
// parses to the same session, and formats the same again.
func roundTrip(t *testing.T, data []byte) {
	t.Helper()
	s, err := Parse("in.yaml", data)
	if err != nil {
		return
	}
	out := Format(s)
	back, err := Parse("out.yaml", out)
	if err != nil {
		t.Fatalf("Parse(Format(s)): %v\n--- input:\n%s\n--- formatted:\n%s", err, data, out)
	}
	if !reflect.DeepEqual(unplaced(s), unplaced(back)) {
		t.Fatalf("Parse(Format(s)) differs:\ngot  %s\nwant %s\n--- formatted:\n%s", dump(back), dump(s), out)
	}
	if again := Format(back); string(again) != string(out) {
		t.Fatalf("Format is not stable:\nfirst\n%s\nthen\n%s", out, again)
	}
}

// unplaced returns a copy of s without File and step positions.
func unplaced(s *Session) *Session {
	c := *s
	c.File = ""
	c.TitlePos, c.WarningPos, c.ClosingPos = Pos{}, nil, nil
	c.Steps = unplacedSteps(s.Steps)
	return &c
}

func unplacedSteps(steps []*Step) []*Step {
	if steps == nil {
		return nil
	}
	out := make([]*Step, len(steps))
	for i, st := range steps {
		c := *st
		c.Pos = Pos{}
		c.Steps = unplacedSteps(st.Steps)
		out[i] = &c
	}
	return out
}
