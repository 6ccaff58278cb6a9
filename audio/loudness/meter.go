package loudness

import "math"

// The gates and block of BS.1770-4 and EBU R128.
const (
	// AbsoluteGate is the loudness, in LUFS, below which a block is not
	// counted at all.
	AbsoluteGate = -70.0
	// RelativeGate is how far, in LU, below the loudness of the blocks
	// above AbsoluteGate a block must be to be left out.
	RelativeGate = -10.0

	hopsPerBlock = 4  // a 400 ms block is four 100 ms hops: 75% overlap
	hopsPerSec   = 10 // hops of 100 ms
)

// A Meter measures the integrated loudness of one programme, fed in order
// by AddStereo or AddMono. The zero value is not usable: call NewMeter.
type Meter struct {
	rate    int
	hop     int // frames in 100 ms
	left    kFilter
	right   kFilter
	sum     float64   // the K-weighted energy of the hop being filled, both channels
	filled  int       // frames in that hop so far
	energy  []float64 // the energy of each whole hop
	samples int64
}

// NewMeter returns a Meter for audio at rate Hz.
func NewMeter(rate int) *Meter {
	return &Meter{rate: rate, hop: rate / hopsPerSec, left: newKFilter(float64(rate)), right: newKFilter(float64(rate))}
}

// AddStereo adds the frames of a stereo signal; l and r must be as long.
func (m *Meter) AddStereo(l, r []float32) {
	for len(l) > 0 {
		n := min(len(l), m.hop-m.filled)
		m.sum += m.left.sumSquares(l[:n]) + m.right.sumSquares(r[:n])
		m.advance(n)
		l, r = l[n:], r[n:]
	}
}

// AddMono adds the frames of a mono signal played the same on both
// channels. Mixing mono content to stereo and calling AddStereo would give
// the same result, with twice the work.
func (m *Meter) AddMono(x []float32) {
	for len(x) > 0 {
		n := min(len(x), m.hop-m.filled)
		m.sum += 2 * m.left.sumSquares(x[:n])
		m.advance(n)
		x = x[n:]
	}
}

// Break marks a join between two stretches of programme measured as one
// (excerpts of a track, say): the filters start again from silence, the
// unfinished 100 ms is dropped, and no block spans the join.
func (m *Meter) Break() {
	m.left, m.right = newKFilter(float64(m.rate)), newKFilter(float64(m.rate))
	m.sum, m.filled = 0, 0
	if n := len(m.energy); n > 0 && !math.IsNaN(m.energy[n-1]) {
		m.energy = append(m.energy, math.NaN())
	}
}

func (m *Meter) advance(n int) {
	m.filled += n
	m.samples += int64(n)
	if m.filled == m.hop {
		m.energy = append(m.energy, m.sum)
		m.sum, m.filled = 0, 0
	}
}

// Integrated returns the programme's integrated loudness in LUFS, and false
// when there is none: less than one 400 ms block, or nothing above the
// absolute gate (silence).
func (m *Meter) Integrated() (float64, bool) { return m.IntegratedWith(nil) }

// Hops returns how many whole 100 ms stretches were measured: blocks are
// made of four of them.
func (m *Meter) Hops() int { return len(m.energy) }

// IntegratedWith returns the integrated loudness the programme would have
// with the energy of each 100 ms stretch multiplied by the matching
// element of scale (a gain squared): how a gain that varies slowly, such
// as a limiter's, would change it. A nil scale, or one shorter than Hops,
// leaves the stretches beyond it as they are.
func (m *Meter) IntegratedWith(scale []float64) (float64, bool) {
	return Gated(m.blockPowers(scale))
}

// Gated returns the loudness in LUFS of blocks of mean square power, gated
// as BS.1770 gates them: blocks under AbsoluteGate are left out, then
// those more than RelativeGate under the mean of the rest. It is false
// when no block is above AbsoluteGate.
func Gated(blocks []float64) (float64, bool) {
	mean := func(floor float64) (float64, bool) {
		sum, n := 0.0, 0
		for _, p := range blocks {
			if lufs(p) > floor {
				sum += p
				n++
			}
		}
		if n == 0 {
			return 0, false
		}
		return sum / float64(n), true
	}
	ungated, ok := mean(AbsoluteGate)
	if !ok {
		return 0, false
	}
	gated, _ := mean(max(AbsoluteGate, lufs(ungated)+RelativeGate))
	return lufs(gated), true
}

// blockPowers returns the mean square, summed over channels, of every
// whole 400 ms block, each hop's energy scaled as IntegratedWith says.
func (m *Meter) blockPowers(scale []float64) []float64 {
	if len(m.energy) < hopsPerBlock {
		return nil
	}
	out := make([]float64, 0, len(m.energy)-hopsPerBlock+1)
	size := float64(hopsPerBlock * m.hop)
	for i := hopsPerBlock; i <= len(m.energy); i++ {
		var e float64
		for j := i - hopsPerBlock; j < i; j++ {
			if j < len(scale) {
				e += m.energy[j] * scale[j]
			} else {
				e += m.energy[j]
			}
		}
		if !math.IsNaN(e) { // not across a Break
			out = append(out, e/size)
		}
	}
	return out
}

// lufs converts a K-weighted mean square, summed over channels, to LUFS.
func lufs(power float64) float64 { return -0.691 + 10*math.Log10(power) }
