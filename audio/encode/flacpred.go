package encode

import "math/bits"

// flacCost and flacPredict choose each subframe's coding in two passes
// (mewkiz/flac's analysis tries every Rice parameter of every fixed
// predictor on every sample, slower than real time needs): one to find
// the fixed predictor order (0-4) with the smallest residuals, one to
// price the three Rice parameters nearest their mean.
// Digital silence and other constant runs become constant subframes.

// flacMaxRice is the largest Rice parameter of the 4-bit coding method
// (15 is its escape code).
const flacMaxRice = 14

// flacCost estimates the bits to code x with the best fixed predictor,
// and returns that order; a constant x costs 0 with order -1.
func flacCost(x []int32) (cost int64, order int) {
	if len(x) < 5 {
		return int64(len(x)) * 16, 0
	}
	var sum [5]int64
	constant := true
	for i := 4; i < len(x); i++ {
		e0 := x[i]
		e1 := e0 - x[i-1]
		e2 := e1 - (x[i-1] - x[i-2])
		e3 := e2 - (x[i-1] - 2*x[i-2] + x[i-3])
		e4 := e3 - (x[i-1] - 3*x[i-2] + 3*x[i-3] - x[i-4])
		sum[0] += abs64(e0)
		sum[1] += abs64(e1)
		sum[2] += abs64(e2)
		sum[3] += abs64(e3)
		sum[4] += abs64(e4)
		constant = constant && e1 == 0
	}
	if constant && x[0] == x[4] && x[1] == x[4] && x[2] == x[4] && x[3] == x[4] {
		return 0, -1
	}
	for o := 1; o < len(sum); o++ {
		if sum[o] < sum[order] {
			order = o
		}
	}
	// A residual of mean magnitude m costs about log2(m)+2 bits.
	n := int64(len(x) - 4)
	mean := sum[order] / n
	return n * int64(bits.Len64(uint64(mean))+2), order
}

// abs64 is |v|, without a branch: residuals' signs are as good as random.
func abs64(v int32) int64 {
	x := int64(v)
	m := x >> 63
	return (x ^ m) - m
}

// flacSub is how one channel of a block is coded: a subframe.
type flacSub struct {
	kind  flacKind
	order int      // of the fixed predictor
	rice  uint     // its Rice parameter, for all residuals (one partition)
	bps   uint     // bits per sample: 16, or 17 for the side channel
	x     []int32  // the samples
	res   []uint32 // the folded residuals of x[order:], reused
}

// flacKind is a subframe's type.
type flacKind uint8

const (
	flacConstant flacKind = iota
	flacVerbatim
	flacFixed
)

// flacPredict sets sf to code the samples x (of bps bits) with the given
// fixed predictor order, or verbatim if that would be smaller; order -1
// means constant.
func flacPredict(sf *flacSub, x []int32, order int, bps uint) {
	sf.x, sf.bps, sf.order = x, bps, 0
	switch {
	case order < 0:
		sf.kind = flacConstant
		return
	case len(x) <= order:
		sf.kind = flacVerbatim
		return
	}
	sf.res = flacResiduals(sf.res[:0], x, order)
	k, cost := flacRice(sf.res)
	if cost+int64(order)*int64(bps) >= int64(len(x))*int64(bps) {
		sf.kind = flacVerbatim
		return
	}
	sf.kind, sf.order, sf.rice = flacFixed, order, k
}

// flacResiduals appends to res the folded residuals of the fixed
// predictor of order on x.
func flacResiduals(res []uint32, x []int32, order int) []uint32 {
	for i := order; i < len(x); i++ {
		res = append(res, fold(fixedResidual(x, i, order)))
	}
	return res
}

// flacRice returns the Rice parameter that codes the folded residuals res
// in the fewest bits, trying the three nearest their mean, and that
// number of bits.
func flacRice(res []uint32) (k uint, cost int64) {
	var sum uint64
	var hi [3]uint64 // sums of the folded residuals shifted by k0, k0+1, k0+2
	for _, f := range res {
		sum += uint64(f)
	}
	n := uint64(len(res))
	k0 := max(bits.Len64(sum/n)-2, 0)
	k0 = min(k0, flacMaxRice-2)
	for _, f := range res {
		hi[0] += uint64(f >> k0)
		hi[1] += uint64(f >> (k0 + 1))
		hi[2] += uint64(f >> (k0 + 2))
	}
	cost = -1
	for j, h := range hi {
		c := int64(h + n*uint64(k0+j+1))
		if cost < 0 || c < cost {
			k, cost = uint(k0+j), c
		}
	}
	return k, cost
}

// fixedResidual returns the residual at x[i] of the fixed predictor of
// the given order (i >= order).
func fixedResidual(x []int32, i, order int) int32 {
	switch order {
	case 0:
		return x[i]
	case 1:
		return x[i] - x[i-1]
	case 2:
		return x[i] - 2*x[i-1] + x[i-2]
	case 3:
		return x[i] - 3*x[i-1] + 3*x[i-2] - x[i-3]
	}
	return x[i] - 4*x[i-1] + 6*x[i-2] - 4*x[i-3] + x[i-4]
}

// fold maps a signed residual to the unsigned value Rice codes: 0, -1, 1,
// -2… become 0, 1, 2, 3….
func fold(v int32) uint32 { return uint32(v<<1) ^ uint32(v>>31) }
