package mixdown

import (
	"context"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/loudness"
)

// Level is the level of a mix, as Measure finds it.
type Level struct {
	LUFS   float64 // integrated loudness, EBU R128
	Silent bool    // nothing above the absolute gate: LUFS means nothing
	PeakDB float64 // the highest sample, dBFS
}

// Measure reads the whole mix, at its gain and without the limiter, and
// returns its level; then the mix is at frame 0 again. progress, if not
// nil, is called after each block with the frames measured so far. It
// stops when ctx is cancelled.
func (m *Mix) Measure(ctx context.Context, progress func(done int64)) (Level, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.measure(ctx, false, progress)
}

// measure measures the mix before the limiter, or after it if limited.
func (m *Mix) measure(ctx context.Context, limited bool, progress func(done int64)) (Level, error) {
	if err := m.seek(0); err != nil {
		return Level{}, err
	}
	if !limited {
		if err := m.voice.SeekFrame(0); err != nil {
			return Level{}, err
		}
		m.in = 0
	}
	meter := loudness.NewMeter(audio.SampleRate)
	var peak float32
	for m.pos < m.length {
		if err := ctx.Err(); err != nil {
			return Level{}, err
		}
		n := int(min(blockFrames, m.length-m.pos))
		if err := m.mixInput(n); err != nil {
			return Level{}, err
		}
		l, r := m.inL[:n], m.inR[:n]
		if limited {
			m.lim.Process(l, r, m.outL[:n], m.outR[:n])
			l, r = m.outL[:n], m.outR[:n]
		}
		m.pos += int64(n)
		if m.bed == nil {
			meter.AddMono(l)
			peak = max(peak, maxAbs(l))
		} else {
			meter.AddStereo(l, r)
			peak = max(peak, maxAbs(l), maxAbs(r))
		}
		if progress != nil {
			progress(m.pos)
		}
	}
	lufs, ok := meter.Integrated()
	return Level{LUFS: lufs, Silent: !ok, PeakDB: loudness.DB(float64(peak))}, m.seek(0)
}

func maxAbs(x []float32) float32 {
	var hi, lo float32 // plain comparisons: the built-in max minds NaN and -0, and is slower
	for _, v := range x {
		if v > hi {
			hi = v
		} else if v < lo {
			lo = v
		}
	}
	return max(hi, -lo)
}
