package player

import (
	"fmt"

	"github.com/floorcoach/floorcoach/audio"
)

// toneOf returns the tone that sounds an event of kind k when nothing is
// spoken. Every kind but Speech has one; asking for Speech's is a
// programmer mistake.
func toneOf(k Kind) audio.ToneKind {
	switch k {
	case Pip:
		return audio.TonePip
	case Start:
		return audio.ToneStart
	case End:
		return audio.ToneEnd
	case Tick:
		return audio.ToneTick
	case Phase:
		return audio.TonePhase
	case Count:
		return audio.ToneCount
	case Chime:
		return audio.ToneChime
	}
	panic(fmt.Sprintf("player: no tone for a %q event", k))
}
