package encode

// flacBits appends bits, most significant first, to a byte slice that it
// keeps from frame to frame: once it has grown to the largest frame,
// writing a frame allocates nothing.
type flacBits struct {
	b   []byte
	acc uint64 // the last n bits written, not yet in b
	n   uint   // under 32 between calls
}

// reset empties the buffer, keeping its memory.
func (w *flacBits) reset() { w.b, w.acc, w.n = w.b[:0], 0, 0 }

// put writes the k low bits of v (k <= 32).
func (w *flacBits) put(v uint64, k uint) {
	w.acc = w.acc<<k | v&(1<<k-1)
	w.n += k
	if w.n >= 32 {
		w.n -= 32
		x := uint32(w.acc >> w.n)
		w.b = append(w.b, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
	}
}

// putSigned writes v in two's complement in k bits.
func (w *flacBits) putSigned(v int32, k uint) { w.put(uint64(uint32(v)), k) }

// putRice writes the folded residual f with Rice parameter k: f>>k as
// that many zeros and a one, then the k low bits of f.
func (w *flacBits) putRice(f uint32, k uint) {
	q := uint(f >> k)
	for q+1+k > 32 { // a long run of zeros, far from the mean
		z := min(q, 32)
		w.put(0, z)
		q -= z
	}
	w.put(uint64(1)<<k|uint64(f)&(1<<k-1), q+1+k)
}

// align pads with zero bits to a byte boundary and moves every bit into b.
func (w *flacBits) align() {
	if pad := (8 - w.n%8) % 8; pad > 0 {
		w.put(0, pad)
	}
	for w.n > 0 {
		w.n -= 8
		w.b = append(w.b, byte(w.acc>>w.n))
	}
}
