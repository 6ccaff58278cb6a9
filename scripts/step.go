package scripts

import (
	"slices"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"
)

// stepKeys are the keys a step may have.
var stepKeys = []string{"name", "say", "during", "after", "hold", "reps", "tempo", "phases", "sides",
	"rest", "ready", "ticks", "remind", "count", "switch", "quiet", "every", "repeat", "steps"}

// defaultTempo is the tempo of reps that set none.
var defaultTempo = []time.Duration{2 * time.Second, 2 * time.Second}

// steps reads a list of steps at a nesting level (the top list is 1).
func (p *parser) steps(n *yaml.Node, base Defaults, level int) []*Step {
	var out []*Step
	for _, item := range p.list("steps", n, "a list of steps") {
		if st := p.step(item, base, level); st != nil {
			out = append(out, st)
		}
	}
	return out
}

// step reads one step; it returns nil when the step has no kind.
func (p *parser) step(n *yaml.Node, base Defaults, level int) *Step {
	switch {
	case isNull(n):
		p.errorf(n, ErrMissing, "empty step (want a mapping with hold, reps, say, rest or repeat)")
		return nil
	case n.Kind != yaml.MappingNode:
		p.errorf(n, ErrType, "got %s as a step, want a mapping with hold, reps, say, rest or repeat (e.g. hold: 30s)", show(n))
		return nil
	}
	fs := p.fields(n, "in step", stepKeys)
	kind := p.kind(n, fs)
	if kind == 0 {
		return nil
	}
	set := p.settings(fs, base, kind != KindRest && kind != KindSay)
	st := &Step{Pos: Pos{n.Line, n.Column}, Kind: kind,
		Ready: set.Ready, Rest: set.Rest, Ticks: set.Ticks, Remind: set.Remind, Count: set.Count,
		Switch: set.Switch, Quiet: set.Quiet, Every: set.Every}
	if f, ok := fs.get("name"); ok {
		st.Name, _ = p.text("name", f.val, "the step's name")
		p.noPlaceholders("name", f.val)
	}
	if f, ok := fs.get("say"); ok {
		st.Say = p.lines("say", f.val)
	}
	if f, ok := fs.get("during"); ok {
		st.During = p.lines("during", f.val)
	}
	if f, ok := fs.get("after"); ok {
		st.After = p.lines("after", f.val)
	}
	switch kind {
	case KindHold:
		st.Hold, _ = p.span(fs.m["hold"].val, holdDose)
	case KindReps:
		p.reps(st, fs)
	case KindRest:
		st.Rest, _ = p.span(fs.m["rest"].val, restDose)
	case KindSay:
		st.Rest = Duration{} // a spoken step has no rest after it
	case KindRepeat:
		p.group(st, fs, set, level)
	}
	if f, ok := fs.get("sides"); ok && st.Timed() {
		st.Sides = p.sides(f.val)
	}
	p.sideLines(fs, fs.has("sides"))
	return st
}

var holdDose = dose{key: "hold", ranges: true, example: "30s", limit: "one hold"}

// kind decides what a step does from the keys it has, and reports keys
// that cannot go together. It returns 0 when the step does nothing.
func (p *parser) kind(n *yaml.Node, fs fieldSet) Kind {
	has := fs.has
	var k Kind
	switch {
	case has("repeat"):
		k = KindRepeat
	case has("reps"):
		k = KindReps
	case has("hold"):
		k = KindHold
	case has("rest"):
		k = KindRest
	case has("say"):
		k = KindSay
	}
	if f, ok := fs.get("steps"); ok && k != KindRepeat {
		p.errorf(f.key, ErrCombination, "steps: only in a repeat group (add repeat, e.g. repeat: 2)")
	}
	if k == 0 && !has("steps") && !fs.refused {
		p.errorf(n, ErrMissing, "step has nothing to do (want hold, reps, say, rest or repeat)")
	}
	for _, key := range stepKeys {
		if f, ok := fs.get(key); ok {
			if why := forbidden(k, key); why != "" {
				p.errorf(f.key, ErrCombination, "%s: %s", key, why)
			}
		}
	}
	return k
}

// forbidden says why key cannot be in a step of kind k, or "" if it can.
func forbidden(k Kind, key string) string {
	switch {
	case k == KindRepeat && (key == "hold" || key == "reps" || key == "say" || key == "during" ||
		key == "after" || key == "sides" || key == "tempo" || key == "phases"):
		return "not allowed in a repeat group (move it into one of the group's steps)"
	case k == KindReps || k == 0:
		return ""
	case (key == "during" || key == "after") && k != KindHold:
		return "only on a hold or reps step (add hold or reps)"
	case k == KindRest && key == "say":
		return "not allowed on a rest step (put the lines in a step of their own before it)"
	case key == "tempo" || key == "phases":
		return "only with reps (add reps, e.g. reps: 10)"
	case key == "sides" && k != KindHold:
		return "only on a hold or reps step (add hold or reps)"
	}
	return ""
}

// reps reads the reps, tempo, phases and hold of a reps step.
func (p *parser) reps(st *Step, fs fieldSet) {
	st.Reps, _ = p.count("reps", fs.m["reps"].val, true, MaxReps, "reps")
	st.Tempo = slices.Clone(defaultTempo)
	phases := len(defaultTempo)
	if f, ok := fs.get("tempo"); ok {
		items := p.list("tempo", f.val, "a list of phase lengths (e.g. [2s, 2s])")
		st.Tempo, phases = nil, len(items)
		for _, item := range items {
			d, _ := p.duration(item, dose{key: "tempo", example: "2s", limit: "one phase"})
			st.Tempo = append(st.Tempo, d)
		}
	}
	if f, ok := fs.get("phases"); ok {
		p.phases(st, f.val, phases, fs.m["tempo"].key == nil)
	}
	if f, ok := fs.get("hold"); ok {
		st.Hold, _ = p.span(f.val, holdDose)
	}
}

// phases reads the phase names of a reps step with n tempo phases.
func (p *parser) phases(st *Step, v *yaml.Node, n int, defaultTempo bool) {
	items := p.list("phases", v, "a list of phase names (e.g. [Up, Down])")
	if items == nil {
		return
	}
	for _, item := range items {
		if s, ok := p.text("phases", item, "a phase name"); ok {
			st.Phases = append(st.Phases, s)
			p.noPlaceholders("phases", item)
		}
	}
	if len(items) != n {
		hint := ""
		if defaultTempo {
			hint = "; without tempo it is [2s, 2s]"
		}
		p.errorf(v, ErrCombination, "phases: %s for %d tempo phases (want one name per tempo entry%s)",
			plural(len(items), "name"), n, hint)
	}
}

// plural writes "1 name", "3 names".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// sides reads a list of distinct sides.
func (p *parser) sides(n *yaml.Node) []string {
	var out []string
	for _, item := range p.list("sides", n, "a list of sides (e.g. [right, left])") {
		s, ok := p.word("sides", item, "a side", []string{"right", "left"})
		switch {
		case !ok:
		case slices.Contains(out, s):
			p.errorf(item, ErrDuplicate, "sides: %s is listed twice (want each side once)", show(item))
		default:
			out = append(out, s)
		}
	}
	return out
}

// group reads the rounds and steps of a repeat group at a nesting level.
func (p *parser) group(st *Step, fs fieldSet, set Defaults, level int) {
	st.Repeat, _ = p.countOne("repeat", fs.m["repeat"].val, MaxRepeat, "rounds")
	f, ok := fs.get("steps")
	switch {
	case !ok:
		p.errorf(fs.m["repeat"].key, ErrMissing, "repeat: no steps to repeat (add steps: with a list of steps)")
	case level >= MaxNesting:
		p.errorf(f.val, ErrLimit, "steps: repeat groups nested more than %d levels deep (limit %d)", MaxNesting, MaxNesting)
	default:
		st.Steps = p.steps(f.val, set, level+1)
	}
}

// countOne reads a single whole number from 1 to max.
func (p *parser) countOne(key string, n *yaml.Node, max int, what string) (int, bool) {
	c, ok := p.count(key, n, false, max, what)
	return c.Lo, ok
}
