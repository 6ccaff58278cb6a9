package encode

import (
	"math/bits"

	"github.com/floorcoach/floorcoach/audio"
)

// We write FLAC frames ourselves, not with mewkiz/flac's Encoder.WriteFrame:
// that allocates a residual slice for every subframe and a bit writer (with
// its bufio buffer) for every frame, 37 MB in 17 939 allocations per minute
// of audio (BenchmarkEncodeFLAC). Under floorcoach's 40 MiB soft memory
// limit the garbage collector then ran almost without pause: 4 717 times,
// about 3 s of a 5.2 s export of lower-back (15 minutes) to FLAC. Here
// a frame is built in a buffer kept from frame to frame (flacBits), from
// residuals flacPredict computed into buffers of its own, and nothing is
// allocated per frame. mewkiz/flac still writes the metadata blocks.
//
// The frame layout (https://xiph.org/flac/format.html): a header (sync
// code, block size, sample rate, channel assignment, sample size, frame
// number, CRC-8), one subframe per channel, zero bits to a byte boundary,
// and a CRC-16 of all the frame before it.

// flacFramer writes the frames of one stream.
type flacFramer struct {
	w     flacBits
	num   uint64 // the next frame's number
	crc8  [256]uint8
	crc16 [256]uint16
}

func newFLACFramer() *flacFramer {
	f := &flacFramer{w: flacBits{b: make([]byte, 0, 4*flacBlockFrames*audio.Channels)}}
	for i := range 256 {
		c8, c16 := uint8(i), uint16(i)<<8
		for range 8 {
			c8 = c8<<1 ^ uint8(-(c8>>7))&0x07        // x^8 + x^2 + x + 1
			c16 = c16<<1 ^ uint16(-(c16>>15))&0x8005 // x^16 + x^15 + x^2 + 1
		}
		f.crc8[i], f.crc16[i] = c8, c16
	}
	return f
}

// Frame header codes.
const (
	flacSync         = 0xFFF8 // sync code, reserved bit, fixed block size
	flacRate44100    = 0x9
	flacIndependent  = 0x1 // two channels, left and right
	flacLeftSide     = 0x8
	flacSampleSize16 = 0x4
)

// frame returns block b coded as the stream's next frame. The bytes are
// the framer's until the next call.
func (f *flacFramer) frame(b *flacBlock) []byte {
	w := &f.w
	w.reset()
	n := len(b.sub[0].x)
	code, extra := flacBlockSizeCode(n)
	channels := uint64(flacIndependent)
	if b.leftSide {
		channels = flacLeftSide
	}
	w.put(flacSync, 16)
	w.put(uint64(code)<<4|flacRate44100, 8)
	w.put(channels<<4|flacSampleSize16<<1, 8)
	flacPutNumber(w, f.num)
	w.put(uint64(n-1), extra)
	w.align()
	w.b = append(w.b, f.sum8(w.b))
	f.num++
	for c := range b.sub {
		flacPutSubframe(w, &b.sub[c])
	}
	w.align()
	crc := f.sum16(w.b)
	w.b = append(w.b, byte(crc>>8), byte(crc))
	return w.b
}

// flacBlockSizeCode returns the header's 4-bit code for a block of n
// frames and the bits of n-1 that follow the frame number (0, 8 or 16).
func flacBlockSizeCode(n int) (code uint8, extra uint) {
	switch n {
	case 192:
		return 0x1, 0
	case 576, 1152, 2304, 4608:
		return 0x2 + uint8(bits.Len(uint(n/576))-1), 0
	case 256, 512, 1024, 2048, 4096, 8192, 16384, 32768:
		return 0x8 + uint8(bits.Len(uint(n/256))-1), 0
	}
	if n <= 256 {
		return 0x6, 8
	}
	return 0x7, 16
}

// flacPutNumber writes the frame number as UTF-8 codes a character,
// extended to 36 bits: 7 bits in one byte, then 5 + 6k bits in k+1.
func flacPutNumber(w *flacBits, v uint64) {
	if v < 0x80 {
		w.put(v, 8)
		return
	}
	k := uint(1) // continuation bytes
	for v>>(5*k+6) != 0 && k < 6 {
		k++
	}
	lead := uint64(0xFF) << (7 - k) & 0xFF // k+1 one bits, then a zero
	w.put(lead|v>>(6*k), 8)
	for i := int(k) - 1; i >= 0; i-- {
		w.put(0x80|v>>(6*uint(i))&0x3F, 8)
	}
}

// flacPutSubframe writes a subframe: its header (zero bit, type, no
// wasted bits) and then the samples as its type codes them.
func flacPutSubframe(w *flacBits, sf *flacSub) {
	switch sf.kind {
	case flacConstant:
		w.put(0x00, 8)
		w.putSigned(sf.x[0], sf.bps)
	case flacVerbatim:
		w.put(0x02, 8)
		for _, v := range sf.x {
			w.putSigned(v, sf.bps)
		}
	default:
		w.put(uint64(0x08|sf.order)<<1, 8)  // 001xxx: order xxx
		for _, v := range sf.x[:sf.order] { // warm-up samples
			w.putSigned(v, sf.bps)
		}
		// Rice coding with 4-bit parameters, partition order 0: one
		// partition, one parameter.
		w.put(0, 2)
		w.put(0, 4)
		w.put(uint64(sf.rice), 4)
		for _, f := range sf.res {
			w.putRice(f, sf.rice)
		}
	}
}

func (f *flacFramer) sum8(p []byte) uint8 {
	var c uint8
	for _, b := range p {
		c = f.crc8[c^b]
	}
	return c
}

func (f *flacFramer) sum16(p []byte) uint16 {
	var c uint16
	for _, b := range p {
		c = c<<8 ^ f.crc16[byte(c>>8)^b]
	}
	return c
}
