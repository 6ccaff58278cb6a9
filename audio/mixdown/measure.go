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

// measure measures the mix before the limiter, or after it if limited,
// mixing ahead on another goroutine.
func (m *Mix) measure(ctx context.Context, limited bool, progress func(done int64)) (*measurement, error) {
	if err := m.seek(0); err != nil {
		return nil, err
	}
	until := m.length + int64(m.lim.Latency())
	if !limited {
		if err := m.voice.SeekFrame(0); err != nil {
			return nil, err
		}
		m.in, until = 0, m.length
	}
	defer m.stopAhead()
	ms := &measurement{meter: loudness.NewMeter(audio.SampleRate)}
	ms.peaks = make([]float32, 0, (m.length+peakBlock-1)/peakBlock)
	for m.pos < m.length {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := m.nextBlock(until)
		if err != nil {
			return nil, err
		}
		n := int(min(int64(b.n), m.length-m.pos))
		l, r := b.l[:n], b.r[:n]
		if limited {
			l, r = m.limitBlock(l, r)
		}
		ms.add(l, r, m.bed == nil)
		m.done(b)
		m.pos += int64(n)
		if progress != nil {
			progress(m.pos)
		}
	}
	ms.finish()
	return ms, nil
}

// add measures frames l and r (r unused when mono).
func (ms *measurement) add(l, r []float32, mono bool) {
	if mono {
		ms.meter.AddMono(l)
	} else {
		ms.meter.AddStereo(l, r)
	}
	for k := 0; k < len(l); k += peakBlock { // blockFrames is a multiple of peakBlock
		e := min(k+peakBlock, len(l))
		p := loudness.MaxAbs(l[k:e])
		if !mono {
			p = max(p, loudness.MaxAbs(r[k:e]))
		}
		ms.peaks = append(ms.peaks, p)
	}
}

// finish sums up the level.
func (ms *measurement) finish() {
	var peak float32
	for _, p := range ms.peaks {
		peak = max(peak, p)
	}
	lufs, ok := ms.meter.Integrated()
	ms.level = Level{LUFS: lufs, Silent: !ok, PeakDB: loudness.DB(float64(peak))}
}
