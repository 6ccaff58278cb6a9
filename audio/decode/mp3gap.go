package decode

import (
	"encoding/binary"

	"github.com/floorcoach/floorcoach/audio/internal/mp3frame"
)

// mp3Gap returns how many frames of go-mp3's output of an MP3 to drop at
// the start and at the end to get the sound that was encoded, as gapless
// players do. go-mp3, like every decoder, has the delay mp3frame.DecoderDelay.
//
// The LAME tag says it: lame and ffmpeg write, in the first frame, a Xing
// (or "Info") header followed by a LAME extension with the encoder delay
// and the padding, 12 bits each. That frame itself decodes to silence in
// go-mp3, which does not know it. So with a tag the start loses the tag
// frame, the encoder delay and the decoder delay, and the end loses the
// padding less the decoder delay. Without one (lame -t, or a frame too
// small to hold the tag, as at 48 kbit/s and 22.05 kHz), only the decoder
// delay is known: the encoder's, 576 frames for lame, stays.
//
// ffmpeg trims the same with a tag, and keeps the decoder delay without.
func mp3Gap(data []byte) (start, end int64) {
	start = mp3frame.DecoderDelay
	i := mp3FirstFrame(data)
	if i < 0 {
		return start, 0
	}
	h := binary.BigEndian.Uint32(data[i:])
	lsf := h&(1<<19) == 0 // MPEG-2 or 2.5: one granule a frame
	mono := h>>6&3 == 3
	var samples, side int // a frame's samples, and its side information's bytes
	switch {
	case !lsf && !mono:
		samples, side = 1152, 32
	case !lsf:
		samples, side = 1152, 17
	case !mono:
		samples, side = 576, 17
	default:
		samples, side = 576, 9
	}
	x := i + 4 + side
	if x+8 > len(data) || (string(data[x:x+4]) != "Xing" && string(data[x:x+4]) != "Info") {
		return start, 0
	}
	start += int64(samples)
	flags := binary.BigEndian.Uint32(data[x+4:])
	lame := x + 8
	for bit, size := range []int{4, 4, 100, 4} { // frames, bytes, table of contents, quality
		if flags&(1<<bit) != 0 {
			lame += size
		}
	}
	if lame+24 > len(data) {
		return start, 0
	}
	switch string(data[lame : lame+4]) {
	case "LAME", "Lavf", "Lavc":
	default:
		return start, 0
	}
	v := int64(data[lame+21])<<16 | int64(data[lame+22])<<8 | int64(data[lame+23])
	delay, padding := v>>12, v&0xfff
	return start + delay, max(padding-mp3frame.DecoderDelay, 0)
}

// mp3FirstFrame returns the offset of the frame go-mp3 decodes first: the
// first valid frame header after an ID3v2 tag, or -1.
func mp3FirstFrame(data []byte) int {
	i := 0
	switch {
	case len(data) >= 10 && string(data[:3]) == "ID3":
		// The size is 4 bytes of 7 bits; go-mp3 reads them without masking.
		i = 10 + (int(data[6])<<21 | int(data[7])<<14 | int(data[8])<<7 | int(data[9]))
	case len(data) >= 128 && string(data[:3]) == "TAG": // go-mp3 skips an ID3v1 tag here too
		i = 128
	}
	for ; i+4 <= len(data); i++ {
		if mp3ValidHeader(binary.BigEndian.Uint32(data[i:])) {
			return i
		}
	}
	return -1
}

// mp3ValidHeader reports whether h is a frame header go-mp3 accepts.
func mp3ValidHeader(h uint32) bool {
	return h&0xffe00000 == 0xffe00000 &&
		h>>19&3 != 1 && // version
		h>>17&3 != 0 && // layer
		h>>12&15 != 15 && // bitrate
		h>>10&3 != 3 && // sample rate
		h&3 != 2 // emphasis
}
