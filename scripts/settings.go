package scripts

import (
	"slices"
	"time"

	"go.yaml.in/yaml/v3"
)

// Defaults are the settings every step inherits unless it sets its own: the
// script's defaults block, with the built-in value for each key it leaves
// out. A repeat group's settings are the defaults of the steps inside it.
type Defaults struct {
	Ready  time.Duration // "get ready" and 3-2-1 pips before each timed block; 0: none
	Rest   Duration      // rest after each timed step; zero: none
	Ticks  bool          // a soft tick every second of a hold
	Remind []Reminder    // reminders inside holds long enough for them
	Count  CountMode     // how reps are counted
	Switch time.Duration // the least time from one side's end tone to the next side's start tone
	Quiet  bool          // no breathing cues in a clock's long quiet stretches
	Every  time.Duration // the longest quiet stretch of a clock before something is said
}

// The bounds of every: long enough for a line and 5 s on either side of it,
// short enough that no clock goes quiet for longer than MaxQuiet.
const (
	MinEvery = 10 * time.Second
	MaxQuiet = 35 * time.Second
)

// BuiltinDefaults returns the settings of a script without a defaults block.
func BuiltinDefaults() Defaults {
	return Defaults{
		Ready:  5 * time.Second,
		Rest:   Duration{10 * time.Second, 10 * time.Second},
		Ticks:  true,
		Remind: []Reminder{{Halfway: true}, {Left: 10 * time.Second}},
		Count:  CountVoice,
		Switch: 10 * time.Second,
		Every:  30 * time.Second,
	}
}

// settingKeys are the keys of a defaults block, which steps may set too.
var settingKeys = []string{"ready", "rest", "ticks", "remind", "count", "switch", "quiet", "every"}

var countModes = []string{string(CountVoice), string(CountTone), string(CountNone)}

// settings returns base with the settings in fs applied. Rest is read
// only when withRest is true (a rest step's rest is not a setting).
func (p *parser) settings(fs fieldSet, base Defaults, withRest bool) Defaults {
	d := base
	d.Remind = slices.Clone(base.Remind)
	if f, ok := fs.get("ready"); ok {
		d.Ready, _ = p.duration(f.val, dose{key: "ready", zero: true, example: "5s", limit: "one get-ready"})
	}
	if f, ok := fs.get("rest"); ok && withRest {
		d.Rest, _ = p.span(f.val, restDose)
	}
	if f, ok := fs.get("ticks"); ok {
		if b, ok := p.boolean("ticks", f.val); ok {
			d.Ticks = b
		}
	}
	if f, ok := fs.get("remind"); ok {
		d.Remind = p.reminders(f.val)
	}
	if f, ok := fs.get("count"); ok {
		if w, ok := p.word("count", f.val, "a way to count", countModes); ok {
			d.Count = CountMode(w)
		}
	}
	p.pacing(fs, &d)
	return d
}

// pacing reads the settings that give a person room: switch, quiet and
// every.
func (p *parser) pacing(fs fieldSet, d *Defaults) {
	if f, ok := fs.get("switch"); ok {
		d.Switch, _ = p.duration(f.val, dose{key: "switch", zero: true, example: "10s", limit: "a switch of sides"})
	}
	if f, ok := fs.get("quiet"); ok {
		if b, ok := p.boolean("quiet", f.val); ok {
			d.Quiet = b
		}
	}
	if f, ok := fs.get("every"); ok {
		e, ok := p.duration(f.val, dose{key: "every", example: "30s", limit: "a quiet stretch"})
		switch {
		case !ok:
		case e < MinEvery || e > MaxQuiet:
			p.errorf(f.val, ErrRange, "every: %s is out of range (want %s to %s; quiet: true lets holds go quiet)",
				show(f.val), formatDuration(MinEvery), formatDuration(MaxQuiet))
		default:
			d.Every = e
		}
	}
}

var restDose = dose{key: "rest", ranges: true, zero: true, example: "15s", limit: "one rest"}

// reminders reads a list of reminders: "halfway" or a time left. An empty
// list means none.
func (p *parser) reminders(n *yaml.Node) []Reminder {
	const want = "a list of halfway or times left (e.g. [halfway, 10s])"
	if n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		return nil
	}
	var out []Reminder
	for _, item := range p.list("remind", n, want) {
		r, ok := p.reminder(item)
		switch {
		case !ok:
		case slices.Contains(out, r):
			p.errorf(item, ErrDuplicate, "remind: %s is listed twice (want each reminder once)", show(item))
		default:
			out = append(out, r)
		}
	}
	return out
}

// reminder reads one reminder.
func (p *parser) reminder(n *yaml.Node) (Reminder, bool) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" && startsWithLetter(n.Value) {
		if n.Value != "halfway" {
			p.errorf(n, ErrValue, "remind: %s is not a reminder%swant halfway or a time left, e.g. 10s)",
				show(n), didYouMean(n.Value, []string{"halfway"}))
			return Reminder{}, false
		}
		return Reminder{Halfway: true}, true
	}
	d, ok := p.duration(n, dose{key: "remind", example: "10s", limit: "a reminder"})
	return Reminder{Left: d}, ok
}
