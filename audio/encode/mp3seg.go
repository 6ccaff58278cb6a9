package encode

import (
	"errors"

	"github.com/braheezy/shine-mp3/pkg/mp3"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/internal/mp3frame"
)

// MP3 is encoded in segments, each by a fresh encoder on one of several
// goroutines, and the segments' frames are joined in order. That gives the
// same frames as one encoder running through the whole stream, because:
//
//   - shine keeps no bit reservoir (its reservoir size is 0): every frame's
//     data lies within the frame, so frames can be cut and joined freely;
//   - the only other state carried from frame to frame is the filter
//     bank's memory of the last 1152 frames of input, so each segment is
//     preceded by the 1152 frames before it, encoded and thrown away;
//   - which frames carry a padding byte follows from a running "slot lag",
//     which the reader computes for every segment and the worker sets.
//
// (One harmless difference remains: for a silent granule shine writes a
// leftover global gain, which decoders multiply by zero. A fresh encoder
// per segment makes even that independent of how many goroutines there
// are, so the file is the same byte for byte.)
//
// shine emits bytes in 4-byte words, keeping a frame's last few bytes
// until the next call and never flushing them, so each segment also ends
// with one frame of silence that pushes its last kept frame out, and the
// worker cuts the byte stream into frames by their headers.

// shine's fixed-point filter bank and MDCT scale the signal by 1/8 where
// the format's decoders expect 1/9 (the gain of the 36-point MDCT), so
// decoded audio came out 9/8 as loud (+1.02 dB: measured 1.124 at every
// frequency and level), enough to clip speech peaking near full scale.
// mp3Level scales the input by 8/9 to give back the source's level.
func mp3Level(p []int16) {
	for i, v := range p {
		q := int32(v) * 16
		if q >= 0 {
			p[i] = int16((q + 9) / 18)
		} else {
			p[i] = int16((q - 9) / 18)
		}
	}
}

// mp3SegmentFrames is how many MP3 frames one segment keeps (3.3 s).
const mp3SegmentFrames = 128

// mp3Job is one segment of the stream.
type mp3Job struct {
	n    int           // MP3 frames it keeps
	lag  float64       // shine's slot lag before its first kept frame
	pcm  []int16       // (1+n+1)*mp3FrameLen frames: preroll, n frames, silence
	out  []byte        // set by a worker: the n encoded frames
	err  error         // or what went wrong
	src  int64         // source frames done once this segment is written
	done chan struct{} // closed once out or err is set
}

// newShine returns a shine encoder set up for the plan's bitrate (shine
// itself always starts at 128 kbit/s).
func newShine(p *mp3Plan) *mp3.Encoder {
	enc := mp3.NewEncoder(audio.SampleRate, audio.Channels)
	enc.Mpeg.Bitrate = int64(p.bitrate)
	enc.Mpeg.BitrateIndex = int64(mp3frame.Layer3(p.bitrate, false).BitrateIndex())
	enc.Mpeg.WholeSlotsPerFrame = p.whole
	enc.Mpeg.FracSlotsPerFrame = p.frac
	enc.Mpeg.SlotLag = -p.frac
	return enc
}

// errMP3Sync means the encoder's output did not cut into whole frames.
var errMP3Sync = errors.New("audio: encode mp3: lost frame sync in the encoder's output")

// mp3Worker encodes segments, each from the same fresh state, so that the
// output depends on nothing but the segment.
type mp3Worker struct {
	fresh *mp3.Encoder // as newShine made it; never encodes
	enc   mp3.Encoder  // a copy of fresh for each segment
	cut   mp3Cutter
}

// A copy of an unused shine encoder is a new encoder that allocates
// nothing: the one slice it shares with the original, its output buffer,
// the original never touches. The worker's goroutine alone uses both.
func newMP3Worker(p *mp3Plan) *mp3Worker {
	return &mp3Worker{fresh: newShine(p)}
}

// encode encodes job's segment and returns its n frames appended to
// out[:0].
func (wk *mp3Worker) encode(job *mp3Job, out []byte) ([]byte, error) {
	wk.enc = *wk.fresh
	c := &wk.cut
	c.reset(out)
	const chunk = mp3FrameLen * audio.Channels
	for i := range job.n + 2 {
		if i == 1 {
			wk.enc.Mpeg.SlotLag = job.lag
		}
		b, n := wk.enc.EncodeBufferInterleaved(job.pcm[i*chunk : (i+1)*chunk])
		if err := c.add(b[:n], i >= 1 && i <= job.n); err != nil {
			return nil, err
		}
	}
	if c.kept != job.n {
		return nil, errMP3Sync
	}
	return c.out, nil
}

// mp3Cutter cuts an encoder's output into frames by their headers.
type mp3Cutter struct {
	pending []byte // bytes not yet cut into a whole frame
	keep    []bool // for every frame encoded but not yet cut: keep it?
	kept    int    // frames kept
	out     []byte // the kept frames
}

// reset starts the cutter on a new encoder's output, to be appended to
// out[:0].
func (c *mp3Cutter) reset(out []byte) {
	c.pending, c.keep, c.kept, c.out = c.pending[:0], c.keep[:0], 0, out[:0]
}

// add takes the bytes the encoder gave for one more frame, which is to be
// kept or not, and moves every frame now whole to out if it is kept.
func (c *mp3Cutter) add(b []byte, keep bool) error {
	c.pending = append(c.pending, b...)
	c.keep = append(c.keep, keep)
	at := 0
	for len(c.pending)-at >= 4 {
		size := mp3FrameSize(c.pending[at:])
		if size == 0 || len(c.keep) == 0 {
			return errMP3Sync
		}
		if len(c.pending)-at < size {
			break
		}
		if c.keep[0] {
			c.out = append(c.out, c.pending[at:at+size]...)
			c.kept++
		}
		c.keep = c.keep[1:]
		at += size
	}
	c.pending = append(c.pending[:0], c.pending[at:]...)
	return nil
}

// mp3FrameSize returns the size in bytes of the frame whose header starts
// b, or 0 if it is not a frame of the kind this encoder writes.
func mp3FrameSize(b []byte) int {
	h, ok := mp3frame.ReadHeader(b)
	if !ok || !h.SameStream(mp3frame.Layer3(128, false)) {
		return 0
	}
	return h.Size()
}
