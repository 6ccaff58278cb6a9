package encode

import (
	"fmt"
	"slices"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/internal/mp3frame"
)

// MP3Bitrates lists the bitrates, in kbit/s, Write writes MP3 at: those
// of MPEG-1 Layer III.
func MP3Bitrates() []int { return mp3frame.Bitrates() }

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
	if !slices.Contains(MP3Bitrates(), bitrate) {
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
	p.bytes = int64(h.Size())
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

// infoHeader returns the Info frame's header: at the stream's bitrate, or
// at 64 kbit/s if a smaller frame could not hold the Info and LAME fields.
func (p *mp3Plan) infoHeader() mp3frame.Header {
	return mp3frame.Layer3(max(p.bitrate, 64), false)
}

// infoFrame returns the Info frame: a silent first frame whose Info
// header and LAME tag give decoders the frame and byte counts, a seek
// table, the encoder delay and the end padding. The tag's version string
// must begin "LAME" for ffmpeg to read the delays; "LAMEshine" says whose
// frames follow.
func (p *mp3Plan) infoFrame() []byte {
	h := p.infoHeader()
	b := make([]byte, h.Size())
	hb := h.Bytes()
	copy(b, hb[:])
	mp3frame.PutTag(b, mp3frame.Tag{
		Frames: uint32(p.frames), Bytes: uint32(p.bytes), Encoder: "LAMEshine",
		Delay: mp3EncoderDelay, Padding: p.endPad, Bitrate: p.bitrate,
	})
	return b
}
