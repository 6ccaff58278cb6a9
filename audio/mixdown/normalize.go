package mixdown

import (
	"context"
	"math"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/loudness"
)

// How Normalize reaches its target.
const (
	// maxEstimatedLoss is the most loudness, in LU, the limiter may be
	// estimated to take off before Normalize measures it instead.
	maxEstimatedLoss = 1.0
	// closeEnough is how near the target, in LU, a measured pass through
	// the limiter must come for Normalize to stop.
	closeEnough = 0.2
	// maxLimitedPasses bounds the passes through the limiter.
	maxLimitedPasses = 4
)

// Normalize sets the gain that brings the mix to target, in LUFS, through
// the limiter, and returns the mix's level at that gain (PeakDB before the
// limiter). The mix is at frame 0 after; progress is called with the
// frames done in each pass.
//
// It measures the mix once, at a gain of 1. The gain that brings that to
// target may push peaks past the ceiling, and the limiter then takes a
// little loudness off the loudest parts: Normalize estimates how much from
// the peak of every 11.6 ms, the gain the limiter needs there and its
// release, and makes that up. Music under speech makes this common: the
// music between cues counts in the integrated loudness, so the voice must
// come up further. (On lower-back with music 12 LU under the voice, the
// limiter takes 0.26 LU; the estimate is within 0.1 LU of that.) Should
// the estimate pass maxEstimatedLoss, a second pass through the limiter
// measures it. A silent mix keeps a gain of 1.
func (m *Mix) Normalize(ctx context.Context, target float64, progress func(done int64)) (Level, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.want = 1
	ms, err := m.measure(ctx, false, progress)
	if err != nil || ms.level.Silent {
		return ms.levelOrZero(), err
	}
	lv := ms.level
	gainDB := target - lv.LUFS
	estimated, _ := ms.meter.IntegratedWith(ms.limitedHops(gainDB, m.ceilingDB))
	loss := target - estimated
	gainDB += loss
	if loss > maxEstimatedLoss {
		if gainDB, err = m.converge(ctx, target, gainDB, progress); err != nil {
			return lv, err
		}
	}
	m.want = float32(loudness.Linear(gainDB))
	lv.LUFS, lv.PeakDB = target, lv.PeakDB+gainDB
	return lv, m.seek(0)
}

// converge measures the mix through the limiter from a first guess at the
// gain, and moves the gain by the secant method until the loudness is
// within closeEnough of target: the more the limiter works, the less a dB
// of gain adds. It returns the gain of the closest pass.
func (m *Mix) converge(ctx context.Context, target, gainDB float64, progress func(done int64)) (float64, error) {
	var prevGain, prevLUFS float64
	best, bestMiss := gainDB, math.Inf(1)
	for pass := range maxLimitedPasses {
		m.want = float32(loudness.Linear(gainDB))
		ms, err := m.measure(ctx, true, progress)
		if err != nil {
			return 0, err
		}
		got := ms.level.LUFS
		if miss := math.Abs(target - got); miss < bestMiss {
			best, bestMiss = gainDB, miss
		}
		if bestMiss <= closeEnough {
			break
		}
		slope := 1.0
		if pass > 0 && gainDB != prevGain {
			slope = max((got-prevLUFS)/(gainDB-prevGain), 0.1)
		}
		prevGain, prevLUFS = gainDB, got
		gainDB += (target - got) / slope
	}
	return best, nil
}

func (ms *measurement) levelOrZero() Level {
	if ms == nil {
		return Level{}
	}
	return ms.level
}

// limitedHops estimates the energy of each 100 ms of the mix, relative to
// what it was measured at, after a gain of gainDB and a limiter at
// ceilingDB: the square of the gain, times the mean square of the gain the
// limiter would apply over its peak blocks, each as low as its peak needs
// and rising no faster than the limiter's release.
func (ms *measurement) limitedHops(gainDB, ceilingDB float64) []float64 {
	gain, ceiling := loudness.Linear(gainDB), loudness.Linear(ceilingDB)
	rise := loudness.Linear(loudness.ReleaseDBPerSecond * peakBlock / audio.SampleRate)
	hop := audio.SampleRate / 10
	sum := make([]float64, ms.meter.Hops()+1)
	count := make([]float64, len(sum))
	g := 1.0
	for b, p := range ms.peaks {
		need := 1.0
		if peak := float64(p) * gain; peak > ceiling {
			need = ceiling / peak
		}
		g = math.Min(need, math.Min(g*rise, 1))
		h := min(b*peakBlock/hop, len(sum)-1)
		sum[h] += g * g
		count[h]++
	}
	out := make([]float64, ms.meter.Hops())
	for h := range out {
		out[h] = gain * gain
		if count[h] > 0 {
			out[h] *= sum[h] / count[h]
		}
	}
	return out
}
