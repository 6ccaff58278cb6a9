package mixdown

import (
	"context"

	"github.com/floorcoach/floorcoach/audio/loudness"
)

// limitingMargin is how far, in dB, the loudest sample may go past the
// ceiling before the limiter's effect on loudness is measured rather than
// neglected: a few peaks shaved by less than this change the integrated
// loudness by well under 0.1 LU.
const limitingMargin = 1.0

// Normalize sets the gain that brings the mix to target, in LUFS, through
// the limiter, and returns the mix's level at that gain (LUFS estimated,
// PeakDB before the limiter). It measures the mix once at a gain of 1;
// when that gain would push peaks well past the ceiling, it measures again
// through the limiter, which takes a little loudness off the loudest parts,
// and makes up the difference. A silent mix keeps a gain of 1. The mix is
// at frame 0 after. progress is called with the frames done in each pass.
func (m *Mix) Normalize(ctx context.Context, target float64, progress func(done int64)) (Level, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.want = 1
	lv, err := m.measure(ctx, false, progress)
	if err != nil || lv.Silent {
		return lv, err
	}
	gainDB := target - lv.LUFS
	lv.LUFS, lv.PeakDB = target, lv.PeakDB+gainDB
	m.want = float32(loudness.Linear(gainDB))
	if lv.PeakDB <= m.ceilingDB+limitingMargin {
		return lv, m.seek(0)
	}
	limited, err := m.measure(ctx, true, progress)
	if err != nil {
		return lv, err
	}
	gainDB += target - limited.LUFS
	m.want = float32(loudness.Linear(gainDB))
	lv.PeakDB = lv.PeakDB + target - limited.LUFS
	return lv, m.seek(0)
}
