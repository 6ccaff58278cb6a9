package player

import (
	"errors"
	"fmt"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/pack"
)

// Clips gives the sound of each spoken line. *pack.Voice implements it.
type Clips interface {
	Sound(text string) (*audio.Sound, error)
}

// Cues turns the timeline into sounds placed at their frames, at the
// balance's gains: each spoken line's clip, each tone. A line without a
// clip plays the soft attention tone in its place, so the timing stays
// right.
func (t *Timeline) Cues(v Clips, b Balance) ([]audio.Cue, error) {
	cues := make([]audio.Cue, 0, len(t.Events))
	for _, e := range t.Events {
		gain := b.gain(e)
		if gain == 0 {
			continue
		}
		var snd *audio.Sound
		switch {
		case e.Spoken():
			s, err := v.Sound(e.Text)
			if errors.Is(err, pack.ErrNoClip) {
				s, err = audio.Tone(audio.ToneAttention), nil
			}
			if err != nil {
				return nil, fmt.Errorf("player: %w", err)
			}
			snd = s
		default:
			snd = audio.Tone(toneOf(e.Kind))
		}
		cues = append(cues, audio.Cue{At: e.At, Len: e.Dur, Sound: snd, Gain: gain})
	}
	return cues, nil
}

// Render returns the session's audio as a stream of frames, mixed block by
// block as it is read: memory stays flat however long the session is.
func (t *Timeline) Render(v Clips, b Balance) (*audio.Renderer, error) {
	cues, err := t.Cues(v, b)
	if err != nil {
		return nil, err
	}
	return audio.NewRenderer(cues, t.Length), nil
}
