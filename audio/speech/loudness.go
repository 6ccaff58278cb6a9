package speech

import (
	"math"
	"time"

	"github.com/floorcoach/floorcoach/audio/loudness"
)

// Loudness is measured as in ITU-R BS.1770 (K-weighting, mean square over
// blocks overlapping by 75%, an absolute gate at -70 LUFS and a relative
// gate 10 LU below the ungated mean), with the block length as a
// parameter: 400 ms gives the standard integrated loudness; Block
// measures the level of the speech itself, fairer to single words. The
// default voice pack's README says why. The filter and the gating are package loudness's.

// Block is the block length clips are measured and matched with.
const Block = 100 * time.Millisecond

// LUFS is the speech loudness of every clip of the default pack,
// measured over Block blocks; Prepare brings clips to it.
const LUFS = -19.0

// Loudness returns the gated loudness in LUFS of mono samples at rate Hz,
// measured over blocks of the given length, and false when nothing is above
// the absolute gate (silence, or a sound shorter than one block).
func Loudness(samples []float32, rate int, block time.Duration) (float64, bool) {
	return loudness.Gated(loudness.BlockPowers(samples, float64(rate), int(math.Round(block.Seconds()*float64(rate)))))
}
