package main

import (
	"time"

	"github.com/floorcoach/floorcoach/audio/speech"
)

// loudness returns the gated loudness of mono samples in LUFS, measured over
// blocks of blockSec seconds as speech.Loudness does (ITU-R BS.1770, with
// the block length as a parameter), and false when nothing is above the
// absolute gate.
func loudness(samples []float32, rate, blockSec float64) (float64, bool) {
	return speech.Loudness(samples, int(rate), time.Duration(blockSec*float64(time.Second)))
}
