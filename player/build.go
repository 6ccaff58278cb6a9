package player

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

// Voice tells the timeline how long each spoken line lasts.
// *pack.Voice implements it.
type Voice interface {
	// Probe returns the length in frames of the line's clip, or an error:
	// one wrapping pack.ErrNoClip when the voice has no clip for the line
	// (the line is then estimated, and listed in Timeline.Missing), else
	// the reason its clip cannot be used, which fails Build.
	Probe(text string) (frames int64, err error)
}

// Options changes how a session is laid out.
type Options struct {
	Level scripts.Level // "" keeps the script's own level
}

// MaxLength is the longest session a timeline may hold.
const MaxLength = scripts.MaxSession

// MaxSpeech is how long the clips of the distinct lines of a session may
// last in all. Each is held in memory, decoded, while the session plays
// or is exported: 20 minutes are 212 MB.
const MaxSpeech = 20 * time.Minute

// Pauses between cues, in frames.
var (
	leadIn    = audio.Frames(500 * time.Millisecond) // silence before the first cue
	tail      = audio.Frames(time.Second)            // silence after the chime
	lineGap   = audio.Frames(350 * time.Millisecond) // between two spoken lines in a row
	cueGap    = audio.Frames(300 * time.Millisecond) // the least between the end of one spoken cue and the next
	shortGap  = audio.Frames(120 * time.Millisecond) // after a line ending in ":", and after a tone
	pipLead   = audio.Frames(300 * time.Millisecond) // between "get ready" and the first pip
	second    = audio.Frames(time.Second)
	announcer = audio.Frames(1500 * time.Millisecond) // "Next: …" ends this long before a rest ends
	minApart  = audio.Frames(5 * time.Second)         // the least between the starts of two lines inside a clock
)

// Build lays a session out as a timeline: every cue at an exact frame.
// It keeps the timeline's rules and its pacing (see the package doc):
// instructions are spoken before a clock starts, no two spoken events
// overlap (long lines push the schedule, reminders that don't fit are
// dropped), each side gets the full hold, each rep is counted exactly once,
// and cues leave a person room.
func Build(s *scripts.Session, v Voice, opts Options) (*Timeline, error) {
	if err := s.CheckLimits(); err != nil {
		return nil, err
	}
	level := opts.Level
	if level == "" {
		level = s.Level
	}
	if level == "" {
		level = scripts.Standard
	}
	b := &builder{voice: v, level: level, missing: map[string]bool{}, clips: map[string]int64{}}
	b.tl = &Timeline{Title: s.Title, About: s.About, Warning: s.Warning, Closing: s.Closing,
		Level: level, SampleRate: audio.SampleRate}
	if err := b.session(s); err != nil {
		return nil, err
	}
	if len(b.broken) > 0 {
		return nil, errors.Join(b.broken...)
	}
	if n := b.speech(); n > audio.Frames(MaxSpeech) {
		return nil, fmt.Errorf("%s: the voice's clips of the lines the session speaks last %s in all, over the limit of %s "+
			"(each is held in memory while it plays; use shorter clips or fewer lines)",
			s.File, audio.Duration(n).Round(time.Second), MaxSpeech)
	}
	sort.SliceStable(b.tl.Events, func(i, j int) bool { return b.tl.Events[i].At < b.tl.Events[j].At })
	return b.tl, nil
}

// builder holds the state of one Build.
type builder struct {
	tl         *Timeline
	voice      Voice
	level      scripts.Level
	missing    map[string]bool
	clips      map[string]int64 // the frames of each line's clip, by text
	broken     []error          // why each clip that cannot be used cannot, once per line
	t          int64            // the cursor: where the next sequential cue goes
	speechFree int64            // the earliest frame the next spoken line may start
	step       int              // the index of the span being laid out; 0 outside steps
	restEnd    int64            // where the rest after the step being laid out ends; 0 when it has none
	side       string
	round      int
	rep        int
}

func (b *builder) session(s *scripts.Session) error {
	b.t = leadIn
	b.sayNow(s.Title)
	for _, line := range s.Warning {
		b.sayNow(line)
	}
	b.t += second
	items := flatten(s.Steps, 0, 0)
	for i, it := range items {
		b.item(it)
		if r, next := restAfter(items, i, b.level); r > 0 {
			b.tl.Steps[b.step-1].RestAt = b.t
			b.rest(r, next)
		}
		b.close()
		if b.t > audio.Frames(MaxLength) || len(b.tl.Events)+len(b.tl.Steps) > scripts.MaxCues {
			return b.tooLong(s, it)
		}
	}
	b.step, b.side, b.round, b.rep = 0, "", 0, 0
	closing := s.Closing
	if len(closing) == 0 {
		closing = []string{sayComplete}
	}
	for _, line := range closing {
		b.sayNow(line)
	}
	chime := b.tone(Chime, b.t)
	b.tl.Length = chime.End() + tail
	if b.tl.Length > audio.Frames(MaxLength) && len(items) > 0 {
		return b.tooLong(s, items[len(items)-1])
	}
	return nil
}

// tooLong is the error of a session that passes MaxLength, or MaxCues,
// while item is laid out: the script's times and counts fit, but not with
// its lines spoken. It points at the top-level step, the group that
// multiplies.
func (b *builder) tooLong(s *scripts.Session, it item) error {
	top := s.Steps[it.top-1]
	where := "during this step"
	if it.topRound > 0 {
		where = fmt.Sprintf("during this step, in round %d", it.topRound)
	}
	limit := fmt.Sprintf("%dh", int(MaxLength.Hours()))
	if b.t <= audio.Frames(MaxLength) {
		limit = fmt.Sprintf("%d cues", scripts.MaxCues)
	}
	return scripts.Errorf(s.File, top.Pos, scripts.ErrLimit,
		"the session passes the limit of %s at level %s %s, once its lines are spoken "+
			"(use fewer rounds, shorter holds or fewer lines, or split the session)", limit, b.level, where)
}

// item lays out one performed step.
func (b *builder) item(it item) {
	st := it.step
	b.round = it.round
	b.open(it, spanName(st))
	switch st.Kind {
	case scripts.KindRest:
		b.rest(audio.Frames(st.Rest.At(b.level)), it.next)
	case scripts.KindSay:
		b.intro(it)
	default:
		b.intro(it)
		b.sides(st)
	}
}

// spanName names a performed step: its name, or for an unnamed one what it
// does ("Rest", a spoken step's first line, "Hold", "Reps").
func spanName(st *scripts.Step) string {
	switch {
	case st.Name != "":
		return st.Name
	case st.Kind == scripts.KindRest:
		return "Rest"
	case st.Kind == scripts.KindSay:
		return st.Say[0]
	case st.Kind == scripts.KindReps:
		return "Reps"
	}
	return "Hold"
}

// sides lays out a timed step's clock once per side: the side's own lines
// before it, room to switch from the side before (Step.Switch between one
// side's end tone and the next one's start tone), and the lines that come
// after it.
func (b *builder) sides(st *scripts.Step) {
	sides := st.Sides
	if len(sides) == 0 {
		sides = []string{""}
	}
	earliest := int64(0)
	for i, side := range sides {
		b.side = side
		if i > 0 {
			b.sayNow(saySwitchSides)
		}
		if side != "" {
			b.sayNow(sideLine(side))
		}
		for _, line := range st.Say {
			if scripts.PerSide(line) {
				b.sayNow(scripts.ForSide(line, side))
			}
		}
		var c clock
		if st.Kind == scripts.KindHold {
			c = b.hold(st, earliest)
		} else {
			c = b.reps(st, earliest)
		}
		b.fill(st, c)
		for _, line := range st.After {
			b.sayNow(scripts.ForSide(line, side))
		}
		earliest = c.end + framesOf(st.Switch)
	}
}

// open starts a new span at the cursor.
func (b *builder) open(it item, name string) {
	b.side, b.rep, b.restEnd = "", 0, 0
	b.step = len(b.tl.Steps) + 1
	b.tl.Steps = append(b.tl.Steps, Span{Index: b.step, Name: name, Start: b.t, Round: it.round,
		Top: it.top, Kind: it.step.Kind, Named: it.step.Name != ""})
}

// close ends the current span after its last cue, or its rest.
func (b *builder) close() {
	sp := &b.tl.Steps[b.step-1]
	sp.End = max(sp.Start+1, b.restEnd)
	for i := len(b.tl.Events) - 1; i >= 0 && b.tl.Events[i].Step == b.step; i-- {
		if e := b.tl.Events[i].End(); e > sp.End {
			sp.End = e
		}
	}
	if b.t < sp.End {
		b.t = sp.End
	}
	b.step, b.side, b.rep = 0, "", 0
}

// intro speaks a round's number, the step's name and its instructions,
// except the lines said once per side.
func (b *builder) intro(it item) {
	if it.roundStart {
		b.sayNow(roundLine(it.round))
	}
	if it.step.Name != "" {
		b.sayNow(it.step.Name)
	}
	for _, line := range it.step.Say {
		if !scripts.PerSide(line) {
			b.sayNow(line)
		}
	}
}
