package decode

import (
	"io"

	"github.com/floorcoach/floorcoach/audio/internal/mp3frame"
)

// mp3Gap returns how many frames of go-mp3's output of an MP3 to drop at
// the start and at the end to get the sound that was encoded, as gapless
// players do. go-mp3, like every decoder, has the delay
// mp3frame.DecoderDelay.
//
// The LAME tag says the rest: lame and ffmpeg write, in the first frame, a
// Xing (or "Info") header followed by a LAME extension with the encoder
// delay and the padding. That frame itself decodes to silence in go-mp3,
// which does not know it. So with a tag the start loses the tag frame, the
// encoder delay and the decoder delay, and the end loses the padding less
// the decoder delay. Without one (lame -t, or a frame too small to hold
// the tag, as at 48 kbit/s and 22.05 kHz), only the decoder delay is
// known: the encoder's, 576 frames for lame, stays.
//
// ffmpeg trims the same with a tag, and keeps the decoder delay without.
func mp3Gap(data []byte) (start, end int64) {
	start = mp3frame.DecoderDelay
	i := mp3frame.FirstFrame(data)
	if i < 0 {
		return start, 0
	}
	tag, ok := mp3frame.ReadTag(data[i:])
	if !ok {
		return start, 0
	}
	h, _ := mp3frame.ReadHeader(data[i:])
	start += int64(h.Samples())
	if !tag.HasDelays {
		return start, 0
	}
	return start + int64(tag.Delay), int64(max(tag.Padding-mp3frame.DecoderDelay, 0))
}

// MP3Gap is mp3Gap for an MP3 too large to hold, such as music, of size
// bytes read from r: it reads the ID3v2 tag's header and the 8 KiB after
// the tag, where the first frame and its LAME tag are.
func MP3Gap(r io.ReaderAt, size int64) (start, end int64) {
	var id3 [10]byte
	off := int64(0)
	if n, _ := r.ReadAt(id3[:], 0); n == len(id3) && string(id3[:3]) == "ID3" {
		off = 10 + int64(id3[6])<<21 | int64(id3[7])<<14 | int64(id3[8])<<7 | int64(id3[9])
	}
	head := make([]byte, max(min(8<<10, size-off), 0))
	n, _ := r.ReadAt(head, off)
	return mp3Gap(head[:n])
}
