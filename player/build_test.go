package player

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/scripts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testdataDir holds what the tests of several packages share: the example
// scripts and the independent rules checker.
var testdataDir = filepath.Join("..", "testdata")

// sessions returns every session the goldens and the rules cover: the
// built-ins, the starter script of floorcoach new, the example scripts and
// this package's own test scripts (see testdata/README.md).
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
	starter, err := scripts.Parse("starter", scripts.Starter("starter"))
	if err != nil {
		t.Fatal(err)
	}
	out["starter"] = starter
	examples, _ := filepath.Glob(filepath.Join(testdataDir, "examples", "*.yaml"))
	own, _ := filepath.Glob(filepath.Join("testdata", "scripts", "*.yaml"))
	if len(examples) < 2 || len(own) < 2 {
		t.Fatalf("%d example scripts and %d test scripts, want at least 2 of each", len(examples), len(own))
	}
	for _, f := range append(examples, own...) {
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

// TestRules builds every session at every level and checks the timeline's
// rules, the doses of each hold, the count of each set of reps, and that
// instructions (per side where they name it) come before the clock.
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

// TestRulesTool runs the team's independent rules checker on every session
// at every level, with its pacing rules, and with the article's doses and
// safety advice for lower-back.
func TestRulesTool(t *testing.T) {
	tool := filepath.Join(testdataDir, "timeline_rules.py")
	testenv.NeedTool(t, "python3")
	eachTimeline(t, func(t *testing.T, name string, s *scripts.Session, tl *Timeline) {
		path := testenv.TempPath(t, "tl.json")
		var buf bytes.Buffer
		if err := tl.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		testenv.WriteFile(t, path, buf.Bytes())
		args := []string{tool, path, "--pacing"}
		if name == "lower-back" {
			args = append(args, "--seed")
		}
		out, err := exec.Command("python3", args...).CombinedOutput()
		if err != nil {
			t.Errorf("rules broken:\n%s", out)
		}
	})
}
