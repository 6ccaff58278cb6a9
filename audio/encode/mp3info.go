package encode

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/internal/mp3frame"
)

// MP3Bitrates lists the bitrates, in kbit/s, Write writes MP3 at: those
// of MPEG-1 Layer III.
func MP3Bitrates() []int {
	return []int{32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
}

// The MP3 timing. Every MP3 frame holds mp3FrameLen frames of audio. shine's
// filter bank delays the signal by mp3EncoderDelay frames and every decoder
// adds mp3frame.DecoderDelay more; the Info frame at the start of the file tells
// decoders both the delay and the padding at the end, so those that honour
// it (ffmpeg, and so most players built on it) trim the decoded audio to
// exactly the source's frames.
const (
	mp3FrameLen     = 1152
	mp3EncoderDelay = 528
)

// mp3Plan is the shape of an MP3 stream, known before encoding starts.
type mp3Plan struct {
	bitrate int     // kbit/s
	frames  int64   // audio frames, after the Info frame
	endPad  int     // frames decoders must drop at the end
	whole   int64   // bytes in a frame without its padding byte
	frac    float64 // shine's fractional bytes per frame
	bytes   int64   // bytes of the Info frame and all audio frames
}

func newMP3Plan(length int64, bitrate int) (*mp3Plan, error) {
	if bitrate == 0 {
		bitrate = DefaultBitrate
	}
	if mp3BitrateIndex(bitrate) < 0 {
		return nil, fmt.Errorf("audio: MP3 bitrate %d kbit/s is not supported; use one of %s",
			bitrate, strings.Trim(fmt.Sprint(MP3Bitrates()), "[]"))
	}
	// The same arithmetic as shine's own setup, so that both agree on
	// which frames carry a padding byte.
	avg := (float64(2*576) / float64(audio.SampleRate)) * (float64(bitrate) * 1000 / 8)
	p := &mp3Plan{bitrate: bitrate, whole: int64(avg)}
	p.frac = avg - float64(p.whole)
	delayed := length + mp3EncoderDelay + mp3frame.DecoderDelay
	// At least two: ffmpeg will not open an MP3 of one frame after the
	// Info frame.
	p.frames = max((delayed+mp3FrameLen-1)/mp3FrameLen, 2)
	p.endPad = int(p.frames*mp3FrameLen - mp3EncoderDelay - length)
	h := p.infoHeader()
	p.bytes = int64(mp3FrameSize(h[:]))
	lag := -p.frac
	for range p.frames {
		var pad int
		pad, lag = p.pad(lag)
		p.bytes += p.whole + int64(pad)
	}
	return p, nil
}

// pad returns whether a frame carries a padding byte, given shine's slot
// lag before it, and the lag after it, by shine's own rule.
func (p *mp3Plan) pad(lag float64) (int, float64) {
	pad := 0
	if p.frac != 0 {
		if lag <= p.frac-1.0 {
			pad = 1
		}
		lag += float64(pad) - p.frac
	}
	return pad, lag
}

// mp3BitrateIndex returns the frame header's index for kbit/s, or -1.
func mp3BitrateIndex(kbps int) int {
	i := slices.Index(MP3Bitrates(), kbps)
	if i < 0 {
		return -1
	}
	return i + 1
}

// mp3Header returns the 4-byte header of an MPEG-1 Layer III frame at
// 44100 Hz, stereo, no CRC, "original", as shine writes them.
func mp3Header(kbps, pad int) [4]byte {
	return [4]byte{0xFF, 0xFB, byte(mp3BitrateIndex(kbps)<<4 | pad<<1), 0x04}
}

// mp3FrameSize returns the size in bytes of the frame whose header is h, or
// 0 if h is not a header this encoder writes.
func mp3FrameSize(h []byte) int {
	if len(h) < 4 || h[0] != 0xFF || h[1] != 0xFB || h[2]&0x0C != 0 {
		return 0
	}
	i := int(h[2] >> 4)
	if i < 1 || i > len(MP3Bitrates()) {
		return 0
	}
	return 144000*MP3Bitrates()[i-1]/audio.SampleRate + int(h[2]>>1&1)
}

// infoHeader returns the Info frame's header: at the stream's bitrate, or
// at 64 kbit/s if a smaller frame could not hold the Info and LAME fields.
func (p *mp3Plan) infoHeader() [4]byte {
	return mp3Header(max(p.bitrate, 64), 0)
}

// infoFrame returns the Info frame: a silent first frame whose Xing "Info"
// header gives the frame and byte counts, a linear seek table, and whose
// LAME extension gives the encoder delay and end padding. The
// extension's version string must begin "LAME" for ffmpeg to read the
// delays; "LAMEshine" says whose frames follow. Fields we cannot know
// before the audio (peak, music CRC) are 0, meaning unknown.
func (p *mp3Plan) infoFrame() []byte {
	h := p.infoHeader()
	b := make([]byte, mp3FrameSize(h[:]))
	copy(b, h[:])
	be := binary.BigEndian
	x := b[4+32:] // after the header and the (all zero) side information
	copy(x, "Info")
	be.PutUint32(x[4:], 0x0F) // frames, bytes, seek table and quality follow
	be.PutUint32(x[8:], uint32(p.frames))
	be.PutUint32(x[12:], uint32(p.bytes))
	for i := range 100 {
		x[16+i] = byte(i * 256 / 100) // constant bitrate: position ∝ time
	}
	l := x[120:] // the LAME extension; the quality field before it is 0
	copy(l, "LAMEshine")
	l[9] = 0x01 // tag revision 0, constant bitrate
	l[20] = byte(min(p.bitrate, 255))
	delays := uint32(mp3EncoderDelay)<<12 | uint32(p.endPad)
	l[21], l[22], l[23] = byte(delays>>16), byte(delays>>8), byte(delays)
	l[24] = 0x44 // source at 44.1 kHz, stereo
	be.PutUint32(l[28:], uint32(p.bytes))
	be.PutUint16(l[34:], crc16ARC(b[:190]))
	return b
}

// crc16ARC is the CRC-16 the LAME tag ends with: polynomial 0x8005,
// reflected, starting from 0.
func crc16ARC(b []byte) uint16 {
	var crc uint16
	for _, c := range b {
		crc ^= uint16(c)
		for range 8 {
			if crc&1 != 0 {
				crc = crc>>1 ^ 0xA001
			} else {
				crc >>= 1
			}
		}
	}
	return crc
}
