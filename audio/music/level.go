package music

import (
	"errors"
	"io"
	"math"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/loudness"
)

// How a track's level is estimated.
const (
	levelWindow  = 10 * audio.SampleRate // frames in each of the windows measured
	levelWindows = 3
	// MaxBoost is the most a quiet track is raised, in dB: a track that is
	// nearly silent stays nearly silent rather than having its noise
	// brought up.
	MaxBoost = 20.0
)

// A pcm reads a track at audio.SampleRate from any frame.
type pcm interface {
	// ReadAt fills l and r with the frames from frame on and returns how
	// many; fewer, with io.EOF, at the track's end.
	ReadAt(l, r []float32, frame int64) (int, error)
	Close() error
}

// level estimates the loudness in LUFS of the first used frames of a
// track: per EBU R128 over three 10-second windows centred at a sixth, a
// half and five sixths of that part (over all of it, if that is shorter
// than the three windows), and false for silence.
func level(src pcm, used int64) (float64, bool, error) {
	m := loudness.NewMeter(audio.SampleRate)
	var starts []int64
	if used <= levelWindows*levelWindow {
		starts = []int64{0}
	} else {
		for k := range int64(levelWindows) {
			starts = append(starts, used*(2*k+1)/(2*levelWindows)-levelWindow/2)
		}
	}
	l, r := make([]float32, 8192), make([]float32, 8192)
	for _, start := range starts {
		end := min(start+levelWindow, used)
		if len(starts) == 1 {
			end = used
		}
		for f := start; f < end; {
			n, err := src.ReadAt(l[:min(int64(len(l)), end-f)], r[:min(int64(len(r)), end-f)], f)
			m.AddStereo(l[:n], r[:n])
			f += int64(n)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return 0, false, err
			}
		}
		m.Break()
	}
	lufs, ok := m.Integrated()
	return lufs, ok, nil
}

// gainFor returns the linear gain that brings a track measured at lufs to
// target, raising it at most MaxBoost dB; 1 for a silent track.
func gainFor(lufs float64, ok bool, target float64) float32 {
	if !ok {
		return 1
	}
	return float32(math.Pow(10, min(target-lufs, MaxBoost)/20))
}
