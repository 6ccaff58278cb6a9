package mixdown

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/duck"
	"github.com/floorcoach/floorcoach/audio/loudness"
	"github.com/floorcoach/floorcoach/audio/music"
)

// Headroom is the gain the voice and tones must be rendered at for a Mix:
// 6 dB under their own level.
const Headroom = 0.5

// blockFrames is how many frames a Mix works on at a time.
const blockFrames = 4096

// Options says what goes into a Mix besides the voice.
type Options struct {
	// Music plays under the voice; nil for none. It must be ready to
	// read (music.Bed.Measure or Decode).
	Music *music.Bed
	// Envelope is the music's gain, frame by frame; required with Music.
	Envelope *duck.Envelope
	// Gain multiplies the whole mix before the limiter; 0 means 1.
	Gain float64
	// CeilingDB is the most the true peak of the output may reach, in
	// dBTP (at most 0).
	CeilingDB float64
	// Ahead mixes the voice and music on another goroutine, ahead of the
	// limiter: an export that reads the mix as fast as it can then uses two
	// CPUs, for the same samples. Live play leaves it off.
	Ahead bool
}

// A Mix is the final mix of a session, read as 16-bit stereo. Its methods
// are safe for concurrent use.
type Mix struct {
	mu        sync.Mutex
	voice     audio.Seeker
	bed       *music.Bed
	env       *duck.Envelope
	lim       *loudness.Limiter
	ceilingDB float64
	length    int64
	pos       int64   // the next frame Read returns
	in        int64   // the next frame fed to the limiter: pos + latency
	fadeAt    int64   // the music fades in from here: the last frame sought to, unless 0
	gain      float32 // applied now
	want      float32 // set by SetGain, reached over the next block
	clipped   int64
	pipelined bool    // Options.Ahead
	ahead     *ahead  // the goroutine mixing ahead, while Read uses it
	pending   []int16 // frames limited but not yet read, with Ahead
	outI16    []int16
	voiceBuf  []int16
	inL, inR  []float32
	outL      []float32
	outR      []float32
	musL      []float32
	musR      []float32
	env32     []float32
}

// New returns the mix of voice (rendered at Headroom) with what o adds, at
// the voice's position.
func New(voice audio.Seeker, o Options) (*Mix, error) {
	if o.Music != nil && o.Envelope == nil {
		return nil, errors.New("mixdown: music without an envelope")
	}
	g := float32(o.Gain)
	if o.Gain == 0 {
		g = 1
	}
	m := &Mix{voice: voice, bed: o.Music, env: o.Envelope, length: voice.Len(), gain: g, want: g, pipelined: o.Ahead,
		ceilingDB: min(o.CeilingDB, 0)}
	if m.bed == nil { // the voice alone is mono
		m.lim = loudness.NewMonoLimiter(audio.SampleRate, o.CeilingDB)
	} else {
		m.lim = loudness.NewLimiter(audio.SampleRate, o.CeilingDB)
	}
	m.voiceBuf = make([]int16, 2*blockFrames)
	m.outI16 = make([]int16, 2*blockFrames)
	for _, b := range []*[]float32{&m.inL, &m.inR, &m.outL, &m.outR, &m.musL, &m.musR, &m.env32} {
		*b = make([]float32, blockFrames)
	}
	if err := m.seek(voice.Pos()); err != nil {
		return nil, err
	}
	return m, nil
}

// Len returns the length of the mix in frames.
func (m *Mix) Len() int64 { return m.length }

// Pos returns the next frame Read returns.
func (m *Mix) Pos() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.pos
}

// Clipped returns how many samples were clamped to 16 bits: none, unless
// something is wrong, since the limiter's ceiling is below full scale.
func (m *Mix) Clipped() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.clipped
}

// SetGain sets the gain of the whole mix; the change is spread over the
// next block read, so that it makes no click.
func (m *Mix) SetGain(g float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.want = float32(max(g, 0))
}

// SeekFrame makes frame the next frame Read returns. The limiter starts
// again there as after silence.
func (m *Mix) SeekFrame(frame int64) error {
	if frame < 0 || frame > m.length {
		return fmt.Errorf("mixdown: seek to frame %d, outside 0 to %d", frame, m.length)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.seek(frame)
}

// seek moves to frame and fills the limiter's look-ahead from there.
func (m *Mix) seek(frame int64) error {
	m.stopAhead()
	if err := m.voice.SeekFrame(frame); err != nil {
		return err
	}
	m.pos, m.in, m.fadeAt = frame, frame, frame
	m.gain = m.want
	m.lim.Reset()
	for left := m.lim.Latency(); left > 0; {
		n := min(left, blockFrames)
		if err := m.mixInput(n); err != nil {
			return err
		}
		m.limit(n) // its output is silence, from before frame
		left -= n
	}
	return nil
}

// Read fills p with interleaved stereo frames (a trailing odd value is left
// alone) and returns the number of values written; after the last frame,
// 0 and io.EOF.
func (m *Mix) Read(p []int16) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pos >= m.length {
		return 0, io.EOF
	}
	if len(p) < 2 {
		return 0, io.ErrShortBuffer
	}
	frames := int(min(int64(len(p)/2), m.length-m.pos))
	if m.pipelined {
		return m.readAhead(p[:2*frames])
	}
	for done := 0; done < frames; {
		n := min(frames-done, blockFrames)
		if err := m.mixInput(n); err != nil {
			return 2 * done, err
		}
		l, r := m.limit(n)
		m.clipped += toInt16(p[2*done:2*(done+n)], l, r)
		m.pos += int64(n)
		done += n
	}
	return 2 * frames, nil
}

// applyGain multiplies by the gain, moving it to the one wanted over the
// block; r is left alone when the mix is mono.
func (m *Mix) applyGain(l, r []float32) {
	if m.gain == m.want && m.gain == 1 {
		return
	}
	step := (m.want - m.gain) / float32(len(l))
	for i := range l {
		g := m.gain + step*float32(i+1)
		l[i] *= g
		if m.bed != nil {
			r[i] *= g
		}
	}
	m.gain = m.want
}

// limit runs the n frames last mixed through the limiter and returns its
// output, both channels: the same slice twice when the mix is mono.
func (m *Mix) limit(n int) (l, r []float32) { return m.limitBlock(m.inL[:n], m.inR[:n]) }

// limitBlock runs frames l and r through the limiter, as limit does.
func (m *Mix) limitBlock(l, r []float32) (outL, outR []float32) {
	n := len(l)
	if m.bed == nil {
		m.lim.ProcessMono(l, m.outL[:n])
		return m.outL[:n], m.outL[:n]
	}
	m.lim.Process(l, r, m.outL[:n], m.outR[:n])
	return m.outL[:n], m.outR[:n]
}
