package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// One numbering everywhere: show, show --json, play --from, the status
// line, the summary and the chapters give each step the same number, for
// a script with a spoken step, a repeat group, rests of the player's and
// of the script's own.
func TestOneNumbering(t *testing.T) {
	script := tempFile(t, "rounds.yaml", roundsScript)
	tl := timelineOf(t, script)
	type step struct {
		n    int
		name string
	}
	var want []step
	for _, sp := range tl.Steps {
		want = append(want, step{sp.Index, sp.Name})
	}
	// Lie on your back. / Knee rock ×2 / Rest / Stretch
	if len(want) != 5 || want[1].name != "Knee rock" || want[2].name != "Knee rock" || want[3].name != "Rest" {
		t.Fatalf("steps %v", want)
	}

	_, text, _ := runApp(t, "show", script)
	heading := regexp.MustCompile(`(?m)^(\d+)\. (.+?)(?:, round \d+)?   \d`)
	var shown []step
	for _, m := range heading.FindAllStringSubmatch(text, -1) {
		var n int
		fmt.Sscan(m[1], &n)
		shown = append(shown, step{n, m[2]})
	}
	check := func(what string, got []step) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s numbers the steps %v, want %v", what, got, want)
		}
	}
	check("show", shown)

	_, js, _ := runApp(t, "show", script, "--json")
	var doc struct {
		Steps []struct {
			Index int
			Name  string
		}
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	var listed []step
	for _, s := range doc.Steps {
		listed = append(listed, step{s.Index, s.Name})
	}
	check("show --json", listed)

	var chapters, status, from []step
	for i, c := range tl.Chapters()[1:] {
		n, name, _ := strings.Cut(c.Title, ". ")
		var k int
		fmt.Sscan(n, &k)
		chapters = append(chapters, step{k, strings.Split(name, ", round")[0]})
		sp := tl.Steps[i]
		st := tl.StatusAt(sp.Start + 1)
		status = append(status, step{st.Step, st.Name})
		if at, ok := tl.StartOf(sp.Index); ok && at == sp.Start {
			from = append(from, step{sp.Index, sp.Name})
		}
		if got, w := summary(tl, st, 0, 0, false), fmt.Sprintf("Stopped at step %d of 5 (%s)", sp.Index, sp.Name); !strings.HasPrefix(got, w) {
			t.Errorf("summary %q, want it to start %q", got, w)
		}
		if line := statusLine(st, tl.Title, 200); !strings.HasPrefix(line, fmt.Sprintf("%d/5 %s", sp.Index, sp.Name)) {
			t.Errorf("status line %q for step %d", line, sp.Index)
		}
	}
	check("the chapters", chapters)
	check("the status", status)
	check("play --from", from)
	if code, _, stderr := runApp(t, "play", script, "--from", "6"); code != 2 || !strings.Contains(stderr, "has steps 1 to 5") {
		t.Errorf("play --from 6: exit %d, %s", code, stderr)
	}
	if want := "2. Knee rock, round 1"; tl.Chapters()[2].Title != want {
		t.Errorf("chapter 3 is %q, want %q", tl.Chapters()[2].Title, want)
	}
}
