package mp3frame

import (
	"encoding/binary"
	"slices"
)

// DecoderDelay is the delay, in frames, that every MP3 decoder adds before
// the first encoded frame: go-mp3 and ffmpeg alike. A LAME tag's delay
// does not include it.
const DecoderDelay = 529

// Header is the 4-byte header that starts every MPEG audio frame, as a
// big-endian number:
//
//	AAAAAAAA AAABBCCD EEEEFFGH IIJJKLMM
//	A sync (all ones)  B version (3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5)
//	C layer (1: III)   D no CRC         E bitrate index  F sample rate index
//	G padding          H private        I channel mode (3: mono)
//	J mode extension   K copyright      L original       M emphasis
type Header uint32

// ReadHeader reads the header at the start of b, and reports whether it
// is one go-mp3 accepts.
func ReadHeader(b []byte) (Header, bool) {
	if len(b) < 4 {
		return 0, false
	}
	h := Header(binary.BigEndian.Uint32(b))
	return h, h.valid()
}

// valid reports whether h is a frame header go-mp3 accepts.
func (h Header) valid() bool {
	return h&0xffe00000 == 0xffe00000 &&
		h>>19&3 != 1 && // version
		h>>17&3 != 0 && // layer
		h>>12&15 != 15 && // bitrate
		h>>10&3 != 3 && // sample rate
		h&3 != 2 // emphasis
}

// Layer3 returns the header of an MPEG-1 Layer III frame at 44100 Hz,
// stereo, without CRC, marked original, at kbps (one of Bitrates), with a
// padding byte or not: the frames this program's encoder writes.
func Layer3(kbps int, padded bool) Header {
	h := Header(0xFFFB0004) | Header(bitrateIndex(kbps))<<12
	if padded {
		h |= 1 << 9
	}
	return h
}

// Bitrates lists the bitrates of MPEG-1 Layer III, in kbit/s.
func Bitrates() []int {
	return []int{32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
}

// bitrateIndex returns the header's index for an MPEG-1 Layer III
// bitrate, or 0 (free format) for one it does not have.
func bitrateIndex(kbps int) int { return slices.Index(Bitrates(), kbps) + 1 }

// MPEG1 reports whether the frame is MPEG-1: 1152 samples a frame, where
// MPEG-2 and 2.5 have one granule of 576.
func (h Header) MPEG1() bool { return h>>19&3 == 3 }

// Mono reports whether the frame holds one channel.
func (h Header) Mono() bool { return h>>6&3 == 3 }

// Padded reports whether the frame carries a padding byte.
func (h Header) Padded() bool { return h>>9&1 == 1 }

// Samples returns the samples a Layer III frame holds, per channel.
func (h Header) Samples() int {
	if h.MPEG1() {
		return 1152
	}
	return 576
}

// SideInfoLen returns the length in bytes of a Layer III frame's side
// information, which follows the header (and its CRC, if any).
func (h Header) SideInfoLen() int {
	switch {
	case h.MPEG1() && !h.Mono():
		return 32
	case h.MPEG1(), !h.Mono():
		return 17
	}
	return 9
}

// BitrateIndex returns the header's 4-bit bitrate index.
func (h Header) BitrateIndex() int { return int(h >> 12 & 15) }

// Bitrate returns the frame's bitrate in kbit/s for an MPEG-1 Layer III
// frame, and 0 for any other or for free format.
func (h Header) Bitrate() int {
	i := h.BitrateIndex()
	if !h.MPEG1() || i < 1 || i > len(Bitrates()) {
		return 0
	}
	return Bitrates()[i-1]
}

// SameStream reports whether h and o differ at most in bitrate and
// padding: frames of one constant-format stream.
func (h Header) SameStream(o Header) bool {
	const varies = 15<<12 | 1<<9
	return h&^varies == o&^varies
}

// Size returns the length in bytes of an MPEG-1 Layer III frame at 44100 Hz
// with this header, or 0 for a header it cannot size.
func (h Header) Size() int {
	kbps := h.Bitrate()
	if kbps == 0 || h>>10&3 != 0 || h>>17&3 != 1 {
		return 0
	}
	pad := 0
	if h.Padded() {
		pad = 1
	}
	return 144000*kbps/44100 + pad
}

// Bytes returns the header as it is written.
func (h Header) Bytes() [4]byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(h))
	return b
}

// Rate returns the sample rate of a valid header, in Hz.
func (h Header) Rate() int {
	r := [3]int{44100, 48000, 32000}[h>>10&3%3]
	switch h >> 19 & 3 {
	case 2:
		return r / 2 // MPEG-2
	case 0:
		return r / 4 // MPEG-2.5
	}
	return r
}

// CRC reports whether a 16-bit CRC follows the header.
func (h Header) CRC() bool { return h>>16&1 == 0 }

// Len returns the length in bytes, header included, of a Layer III frame
// of any version and rate with this header: 144 bytes a kbit/s per kHz for
// MPEG-1, 72 for MPEG-2 and 2.5, and the padding byte. It is 0 for free
// format.
func (h Header) Len() int {
	kbps := [2][15]int{
		{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
	}
	pad := 0
	if h.Padded() {
		pad = 1
	}
	i := h.BitrateIndex() % 15
	if h.MPEG1() {
		return 144*1000*kbps[0][i]/h.Rate() + pad
	}
	return 72*1000*kbps[1][i]/h.Rate() + pad
}
