package mixdown

import (
	"context"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/loudness"
)

// peakBlock is the stretch of frames Measure keeps one peak for: 11.6 ms,
// fine enough to follow a limiter's gain, and 7 MB for six hours.
const peakBlock = 512

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
	ms, err := m.measure(ctx, false, progress)
	if err != nil {
		return Level{}, err
	}
	return ms.level, m.seek(0)
}

// measurement is what a pass of measure finds: the level, the meter that
// found it, and the peak of every peakBlock frames.
type measurement struct {
	level Level
	meter *loudness.Meter
	peaks []float32
}

// measure measures the mix before the limiter, or after it if limited.
func (m *Mix) measure(ctx context.Context, limited bool, progress func(done int64)) (*measurement, error) {
	if err := m.seek(0); err != nil {
		return nil, err
	}
	if !limited {
		if err := m.voice.SeekFrame(0); err != nil {
			return nil, err
		}
		m.in = 0
	}
	ms := &measurement{meter: loudness.NewMeter(audio.SampleRate)}
	ms.peaks = make([]float32, 0, (m.length+peakBlock-1)/peakBlock)
	for m.pos < m.length {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n := int(min(blockFrames, m.length-m.pos))
		if err := m.mixInput(n); err != nil {
			return nil, err
		}
		l, r := m.inL[:n], m.inR[:n]
		if limited {
			m.lim.Process(l, r, m.outL[:n], m.outR[:n])
			l, r = m.outL[:n], m.outR[:n]
		}
		m.pos += int64(n)
		if m.bed == nil {
			ms.meter.AddMono(l)
		} else {
			ms.meter.AddStereo(l, r)
		}
		for k := 0; k < n; k += peakBlock { // blockFrames is a multiple of peakBlock
			e := min(k+peakBlock, n)
			ms.peaks = append(ms.peaks, max(maxAbs(l[k:e]), maxAbs(r[k:e])))
		}
		if progress != nil {
			progress(m.pos)
		}
	}
	var peak float32
	for _, p := range ms.peaks {
		peak = max(peak, p)
	}
	lufs, ok := ms.meter.Integrated()
	ms.level = Level{LUFS: lufs, Silent: !ok, PeakDB: loudness.DB(float64(peak))}
	return ms, nil
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
