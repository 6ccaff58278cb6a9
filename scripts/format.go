package scripts

import (
	"bytes"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Format writes a session as a script in canonical form: keys in the
// order of the format's reference, durations as "1m30s", a defaults block
// with only what differs from the built-in defaults, and on each step only
// the settings that differ from what it inherits. Parsing the result gives
// the same session, apart from File and the steps' Pos.
func Format(s *Session) []byte {
	root := &yaml.Node{Kind: yaml.MappingNode}
	put(root, "title", plain(s.Title))
	if s.About != "" {
		put(root, "about", plain(s.About))
	}
	if len(s.Warning) > 0 {
		put(root, "warning", lineList(s.Warning))
	}
	if s.Level != "" {
		put(root, "level", plain(string(s.Level)))
	}
	defaults := &yaml.Node{Kind: yaml.MappingNode}
	putSettings(defaults, s.Defaults, BuiltinDefaults(), true)
	if len(defaults.Content) > 0 {
		put(root, "defaults", defaults)
	}
	put(root, "steps", stepList(s.Steps, s.Defaults))
	if len(s.Closing) > 0 {
		put(root, "closing", lineList(s.Closing))
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		panic("scripts: format: " + err.Error()) // the nodes above are always valid
	}
	enc.Close()
	return b.Bytes()
}

// stepList writes steps that inherit the settings parent.
func stepList(steps []*Step, parent Defaults) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, st := range steps {
		seq.Content = append(seq.Content, stepNode(st, parent))
	}
	return seq
}

// stepNode writes one step that inherits the settings parent.
func stepNode(st *Step, parent Defaults) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	if st.Name != "" {
		put(m, "name", plain(st.Name))
	}
	if st.Kind == KindRepeat {
		put(m, "repeat", number(st.Repeat))
		putSettings(m, stepSettings(st), parent, true)
		put(m, "steps", stepList(st.Steps, stepSettings(st)))
		return m
	}
	if len(st.Say) > 0 {
		put(m, "say", lineList(st.Say))
	}
	if len(st.During) > 0 {
		put(m, "during", lineList(st.During))
	}
	if len(st.After) > 0 {
		put(m, "after", lineList(st.After))
	}
	switch st.Kind {
	case KindHold:
		put(m, "hold", plain(formatSpan(st.Hold)))
	case KindReps:
		putReps(m, st)
	case KindRest:
		put(m, "rest", plain(formatSpan(st.Rest)))
	}
	if len(st.Sides) > 0 {
		put(m, "sides", flow(st.Sides))
	}
	putSettings(m, stepSettings(st), parent, st.Timed())
	return m
}

// putReps writes the reps, tempo, phases and hold of a reps step.
func putReps(m *yaml.Node, st *Step) {
	if st.Reps.IsRange() {
		put(m, "reps", plain(formatCount(st.Reps)))
	} else {
		put(m, "reps", number(st.Reps.Lo))
	}
	tempo := make([]string, len(st.Tempo))
	for i, d := range st.Tempo {
		tempo[i] = formatDuration(d)
	}
	put(m, "tempo", flow(tempo))
	if len(st.Phases) > 0 {
		put(m, "phases", flow(st.Phases))
	}
	if st.Hold != (Duration{}) {
		put(m, "hold", plain(formatSpan(st.Hold)))
	}
}

// stepSettings returns the settings a step carries.
func stepSettings(st *Step) Defaults {
	return Defaults{Ready: st.Ready, Rest: st.Rest, Ticks: st.Ticks, Remind: st.Remind, Count: st.Count,
		Switch: st.Switch, Quiet: st.Quiet, Every: st.Every}
}

// putSettings writes the settings of got that differ from parent; rest
// only when withRest is true.
func putSettings(m *yaml.Node, got, parent Defaults, withRest bool) {
	if got.Ready != parent.Ready {
		put(m, "ready", plain(formatDuration(got.Ready)))
	}
	if withRest && got.Rest != parent.Rest {
		put(m, "rest", plain(formatSpan(got.Rest)))
	}
	if got.Ticks != parent.Ticks {
		put(m, "ticks", boolean(got.Ticks))
	}
	if !slices.Equal(got.Remind, parent.Remind) {
		items := make([]string, len(got.Remind))
		for i, r := range got.Remind {
			items[i] = reminderText(r)
		}
		put(m, "remind", flow(items))
	}
	if got.Count != parent.Count && got.Count != "" {
		put(m, "count", plain(string(got.Count)))
	}
	if got.Switch != parent.Switch {
		put(m, "switch", plain(formatDuration(got.Switch)))
	}
	if got.Quiet != parent.Quiet {
		put(m, "quiet", boolean(got.Quiet))
	}
	if got.Every != parent.Every && got.Every != 0 {
		put(m, "every", plain(formatDuration(got.Every)))
	}
}

func boolean(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func reminderText(r Reminder) string {
	if r.Halfway {
		return "halfway"
	}
	return formatDuration(r.Left)
}

// put adds key: value to mapping m.
func put(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, plain(key), value)
}

// plain is a string; the encoder quotes it only when it has to.
func plain(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func number(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

// lineList writes one line as a string, several as a list.
func lineList(lines []string) *yaml.Node {
	if len(lines) == 1 {
		return plain(lines[0])
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, l := range lines {
		seq.Content = append(seq.Content, plain(l))
	}
	return seq
}

// flow writes short items as [a, b].
func flow(items []string) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		seq.Content = append(seq.Content, plain(s))
	}
	return seq
}
