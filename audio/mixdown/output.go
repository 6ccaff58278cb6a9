package mixdown

import "math"

// toInt16 rounds the frames to 16 bits into p, interleaved, and returns how
// many samples it clamped.
func toInt16(p []int16, l, r []float32) (clamped int64) {
	p = p[:2*len(l)]
	r = r[:len(l)]
	if &l[0] == &r[0] { // mono: one rounding for both channels
		for i, v := range l {
			a, c := round16(v)
			p[2*i], p[2*i+1] = a, a
			clamped += 2 * c
		}
		return clamped
	}
	for i := range l {
		a, ca := round16(l[i])
		b, cb := round16(r[i])
		p[2*i], p[2*i+1] = a, b
		clamped += ca + cb
	}
	return clamped
}

// round16 scales v to 16 bits, rounding to nearest (halves up), and says
// if it clamped.
func round16(v float32) (int16, int64) {
	x := v*math.MaxInt16 + 32768.5 // positive in range, so conversion floors
	switch {
	case x >= 65535.5:
		return math.MaxInt16, 1
	case x < 0.5:
		return math.MinInt16, 1
	}
	return int16(int32(x) - 32768), 0
}
