package scripts

import (
	"testing"
)

func TestForSide(t *testing.T) {
	const line = "Cross your {side} ankle over your {other} knee."
	for _, tc := range []struct{ line, side, want string }{
		{line, "right", "Cross your right ankle over your left knee."},
		{line, "left", "Cross your left ankle over your right knee."},
		{"{Side} first, then {Other}.", "left", "Left first, then Right."},
		{"Braces {stay} {side", "right", "Braces {stay} {side"},
		{"{side}{other}", "right", "rightleft"},
	} {
		if got := ForSide(tc.line, tc.side); got != tc.want {
			t.Errorf("ForSide(%q, %s) = %q, want %q", tc.line, tc.side, got, tc.want)
		}
	}
	if !PerSide(line) || PerSide("Sit tall.") || PerSide("{stay}") {
		t.Error("PerSide tells lines with {side} or {other} from the rest wrongly")
	}
}

// Placeholders belong in the say, during and after lines of a step with
// sides; anywhere else, or misspelt, they are an error at their column.
func TestPlaceholderErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		is        error
		want      string
	}{
		{"unsided step",
			"title: Back\nsteps:\n  - name: Twist\n    say: Turn to the {side}.\n    hold: 20s\n", ErrCombination,
			`back.yaml:4:22: say: {side} in a step without sides (add sides: [right, left], or write the side out)`},
		{"unsided list item quoted",
			"title: Back\nsteps:\n  - hold: 20s\n    say:\n      - Sit.\n      - \"{Other} hand down.\"\n", ErrCombination,
			`back.yaml:6:10: say: {Other} in a step without sides (add sides: [right, left], or write the side out)`},
		{"spoken step",
			"title: Back\nsteps:\n  - say: Relax your {side} arm.\n", ErrCombination,
			`back.yaml:3:21: say: {side} in a step without sides (add sides: [right, left], or write the side out)`},
		{"during unsided",
			"title: Back\nsteps:\n  - hold: 40s\n    during: Keep the {other} leg long.\n", ErrCombination,
			`back.yaml:4:22: during: {other} in a step without sides (add sides: [right, left], or write the side out)`},
		{"misspelt",
			"title: Back\nsteps:\n  - hold: 20s\n    sides: [right, left]\n    say: Lift your {sdie} leg.\n", ErrValue,
			`back.yaml:5:20: say: {sdie} is not a placeholder (did you mean "side"?; want {side}, {other}, {Side} or {Other}, in a step with sides)`},
		{"closing",
			"title: Back\nsteps:\n  - hold: 20s\nclosing: Stretch the {side} too.\n", ErrCombination,
			`back.yaml:4:22: closing: {side} is only for the say, during and after lines of a step with sides (write the side out)`},
		{"name",
			"title: Back\nsteps:\n  - name: Reach {side}\n    hold: 20s\n    sides: [right, left]\n", ErrCombination,
			`back.yaml:3:17: name: {side} is only for the say, during and after lines of a step with sides (write the side out)`},
		{"folded line",
			"title: Back\nsteps:\n  - hold: 20s\n    say: >-\n      Turn to\n      the {side}.\n", ErrCombination,
			`back.yaml:4:10: say: {side} in a step without sides (add sides: [right, left], or write the side out)`},
		{"during on a rest",
			"title: Back\nsteps:\n  - rest: 20s\n    during: Breathe.\n", ErrCombination,
			`back.yaml:4:5: during: only on a hold or reps step (add hold or reps)`},
		{"after in a group",
			"title: Back\nsteps:\n  - repeat: 2\n    after: Sit up.\n    steps: [{hold: 5s}]\n", ErrCombination,
			`back.yaml:4:5: after: not allowed in a repeat group (move it into one of the group's steps)`},
		{"every too long",
			"title: Back\ndefaults: {every: 1m}\nsteps:\n  - hold: 20s\n", ErrRange,
			`back.yaml:2:19: every: "1m" is out of range (want 10s to 35s; quiet: true lets holds go quiet)`},
		{"quiet not bool",
			"title: Back\nsteps:\n  - hold: 20s\n    quiet: yes please\n", ErrType,
			`back.yaml:4:12: quiet: got "yes please", want true or false`},
		{"negative switch",
			"title: Back\nsteps:\n  - hold: 20s\n    sides: [right, left]\n    switch: -1\n", ErrRange,
			`back.yaml:5:13: switch: -1 is negative (want 0s or more, e.g. 10s)`},
	} {
		t.Run(tc.name, func(t *testing.T) { checkParseError(t, tc.src, tc.want, tc.is) })
	}
}

// A sided step keeps its placeholders as written; Format writes them back.
func TestPlaceholdersRoundTrip(t *testing.T) {
	src := "title: Back\nsteps:\n  - name: Twist\n    say:\n      - Sit tall.\n      - \"{Side} hand behind you.\"\n" +
		"    during: Keep your {other} leg straight.\n    after: Turn back slowly.\n    hold: 20s\n    sides: [left, right]\n    switch: 12s\n"
	s, err := Parse("back.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	st := s.Steps[0]
	if st.Say[1] != "{Side} hand behind you." || st.During[0] != "Keep your {other} leg straight." || st.Switch != 12*sec {
		t.Fatalf("step = %+v", st)
	}
	again, err := Parse("again.yaml", Format(s))
	if err != nil {
		t.Fatalf("Format wrote a script Parse refuses: %v\n%s", err, Format(s))
	}
	if got, want := string(Format(again)), string(Format(s)); got != want {
		t.Errorf("Format is not stable:\n%s\nthen\n%s", want, got)
	}
}
