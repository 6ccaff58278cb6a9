package encode

import (
	"fmt"
	"unicode/utf8"

	"github.com/floorcoach/floorcoach/audio"
)

// checkMeta checks meta against a source of length frames: chapters must
// lie inside it, be non-empty and come in order of their starts (they may
// leave gaps between them, but may not overlap).
func checkMeta(meta audio.Meta, length int64) error {
	for _, s := range []string{meta.Title, meta.About, meta.Encoder} {
		if !utf8.ValidString(s) {
			return fmt.Errorf("audio: meta text %q is not valid UTF-8", s)
		}
	}
	var prevEnd int64
	for i, c := range meta.Chapters {
		switch {
		case !utf8.ValidString(c.Title):
			return fmt.Errorf("audio: chapter %d %q: title is not valid UTF-8", i+1, c.Title)
		case c.Start < 0 || c.End > length:
			return fmt.Errorf("audio: chapter %d %q: frames %d to %d lie outside the %d frames of audio",
				i+1, c.Title, c.Start, c.End, length)
		case c.End <= c.Start:
			return fmt.Errorf("audio: chapter %d %q: ends at frame %d, not after its start %d",
				i+1, c.Title, c.End, c.Start)
		case c.Start < prevEnd:
			return fmt.Errorf("audio: chapter %d %q: starts at frame %d, before the previous chapter ends at %d",
				i+1, c.Title, c.Start, prevEnd)
		}
		prevEnd = c.End
	}
	return nil
}

// millis converts frames to whole milliseconds, rounding to the nearest.
func millis(frames int64) int64 {
	return (frames*1000 + audio.SampleRate/2) / audio.SampleRate
}
