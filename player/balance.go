package player

import "github.com/floorcoach/floorcoach/audio/duck"

// Balance sets the gain of the voice and of the tones in a session's
// sound, each relative to its own level (1 as recorded or synthesized).
// A gain of 0 leaves that part out.
type Balance struct {
	Voice float32
	Tones float32
}

// Unity plays the voice and the tones at their own levels.
var Unity = Balance{Voice: 1, Tones: 1}

// gain returns the gain of an event's sound: a line missing its clip plays
// the attention tone in its place at the voice's gain.
func (b Balance) gain(e Event) float32 {
	if e.Spoken() {
		return b.Voice
	}
	return b.Tones
}

// Speech returns the spans of frames where the voice speaks, in order, for
// ducking music or other applications' sound under it.
func (t *Timeline) Speech() []duck.Span {
	var out []duck.Span
	for _, e := range t.Events {
		if e.Spoken() && e.Dur > 0 {
			out = append(out, duck.Span{Start: e.At, End: e.End()})
		}
	}
	return out
}
