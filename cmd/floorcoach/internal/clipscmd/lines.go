package clipscmd

import (
	"fmt"
	"slices"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
)

// A need is a line a session speaks, and the first place in its script
// that makes it speak it.
type need struct {
	text  string
	where string // "knee.yaml:12 (Quad set)"
}

// anyLength is a voice with a clip of one frame for every line: laid out in
// it, a session speaks every line it could, even reminders that a longer
// clip would crowd out.
type anyLength struct{}

func (anyLength) Probe(string) (int64, error) { return 1, nil }

// AllLines returns every line the session could speak, at any level, with
// clips of any length.
func AllLines(s *scripts.Session) ([]string, error) {
	needs, err := sessionLines(s, anyLength{}, scripts.Levels)
	if err != nil {
		return nil, err
	}
	lines := make([]string, len(needs))
	for i, n := range needs {
		lines[i] = n.text
	}
	return lines, nil
}

// sessionLines returns every line the session speaks in voice v at the
// levels, or could speak with other clips, each once, in the order first
// spoken, with the place in the script that needs it. A level at which the
// session cannot be laid out (too long, say) is left out, unless all are.
func sessionLines(s *scripts.Session, v player.Voice, levels []scripts.Level) ([]need, error) {
	own := OwnLines(s)
	seen := map[string]bool{}
	var out []need
	var firstErr error
	for _, voice := range []player.Voice{v, anyLength{}} {
		for _, l := range levels {
			tl, err := player.Build(s, voice, player.Options{Level: l})
			if err != nil {
				firstErr = err
				continue
			}
			for _, e := range tl.Events {
				key := pack.NormalizeText(e.Text)
				if !e.Spoken() || seen[key] {
					continue
				}
				seen[key] = true
				where, ok := own[key]
				if !ok {
					where = eventPlace(s, tl, e)
				}
				out = append(out, need{text: e.Text, where: where})
			}
		}
	}
	if len(out) == 0 && firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}

// OwnLines returns where the script writes each of its own lines (title,
// warning, closing, names, say, during, after and phases, per-side lines
// for each side), by NormalizeText.
func OwnLines(s *scripts.Session) map[string]string {
	own := map[string]string{}
	add := func(text, where string) {
		if k := pack.NormalizeText(text); k != "" && own[k] == "" {
			own[k] = where
		}
	}
	add(s.Title, place(s.File, s.TitlePos.Line, "title"))
	for i, line := range s.Warning {
		add(line, place(s.File, lineAt(s.WarningPos, i), "warning"))
	}
	for i, line := range s.Closing {
		add(line, place(s.File, lineAt(s.ClosingPos, i), "closing"))
	}
	var walk func([]*scripts.Step)
	walk = func(steps []*scripts.Step) {
		for _, st := range steps {
			at := place(s.File, st.Pos.Line, stepLabel(st))
			add(st.Name, at)
			for _, line := range slices.Concat(st.Say, st.During, st.After, st.Phases) {
				for _, side := range sidesOf(st) {
					add(scripts.ForSide(line, side), at)
				}
			}
			walk(st.Steps)
		}
	}
	walk(s.Steps)
	return own
}

// eventPlace says where the script needs a coaching line (a count, "Get
// ready.", "Right side."…): at the step it is spoken in.
func eventPlace(s *scripts.Session, tl *player.Timeline, e player.Event) string {
	if e.Step == 0 {
		return place(s.File, 0, "end of the session")
	}
	sp := tl.Steps[e.Step-1]
	if sp.Top == 0 || sp.Top > len(s.Steps) {
		return place(s.File, 0, sp.Name)
	}
	st := findStep(s.Steps[sp.Top-1], sp.Name)
	label := stepLabel(st)
	if sp.RestAt > 0 && e.At >= sp.RestAt {
		label = "rest after " + label
	}
	return place(s.File, st.Pos.Line, label)
}

// findStep returns the step of top's group that a span of this name is
// of, or top itself.
func findStep(top *scripts.Step, name string) *scripts.Step {
	if top.Kind != scripts.KindRepeat {
		return top
	}
	for _, st := range top.Steps {
		if found := findStep(st, name); found.Name == name || len(found.Say) > 0 && found.Say[0] == name {
			return found
		}
	}
	return top
}

// stepLabel names a step for people.
func stepLabel(st *scripts.Step) string {
	switch {
	case st.Name != "":
		return st.Name
	case st.Kind == scripts.KindSay:
		return "spoken step"
	case st.Kind == scripts.KindRest:
		return "rest"
	case st.Kind == scripts.KindRepeat:
		return "repeat"
	}
	return "step"
}

// place is file:line (label), or file (label) when the line is unknown.
func place(file string, line int, label string) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d (%s)", file, line, label)
	}
	return fmt.Sprintf("%s (%s)", file, label)
}

// sidesOf returns a step's sides, or one side "" for a step without them.
func sidesOf(st *scripts.Step) []string {
	if len(st.Sides) == 0 {
		return []string{""}
	}
	return st.Sides
}

// lineAt returns the line of the i-th of positions, or 0 when it is not
// known.
func lineAt(positions []scripts.Pos, i int) int {
	if i < len(positions) {
		return positions[i].Line
	}
	return 0
}
