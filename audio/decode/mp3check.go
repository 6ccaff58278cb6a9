package decode

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// checkMP3 walks an MP3's frames, header to header, before go-mp3 sees a
// byte of it, and refuses what go-mp3 would misread or crash on. go-mp3
// v0.3.4 trusts its input: it allocates an ID3v2 tag's declared size as
// it stands, resynchronises over anything that is not a frame header (so a
// file cut off mid-way and followed by other bytes decodes as noise), and
// indexes out of range on the side information of an MPEG-2 frame with
// mixed blocks (getScaleFactorsMpeg2 reads 39 scale factors where it made
// 38). So the file must be, after an optional ID3v2 tag: MPEG-1 or MPEG-2
// Layer III frames of one sample rate, back to back, each with side
// information go-mp3 reads safely; then nothing but an ID3v1 or APE tag
// or zeros, or the end of the file inside the last frame (a file cut
// short, padded with silence). It returns the rate and the frames of sound
// go-mp3 will give.
func checkMP3(data []byte) (rate int, frames int64, err error) {
	pos, err := id3End(data)
	if err != nil {
		return 0, 0, err
	}
	first := uint32(0)
	n := 0
	for pos < len(data) {
		if len(data)-pos < 4 {
			return mp3End(first, n, data[pos:])
		}
		h := binary.BigEndian.Uint32(data[pos:])
		if !mp3ValidHeader(h) {
			if n == 0 {
				return 0, 0, errors.New("not an MP3: no frame at its start")
			}
			return mp3End(first, n, data[pos:])
		}
		if n == 0 {
			first = h
		}
		size, err := checkFrame(h, first, data[pos:])
		if err != nil {
			return 0, 0, fmt.Errorf("frame %d (byte %d): %w", n+1, pos, err)
		}
		pos += size
		n++
	}
	return mp3End(first, n, nil)
}

// mp3End checks what follows the last of n frames, and returns the rate
// and frames of a file whose first frame header is first.
func mp3End(first uint32, n int, rest []byte) (int, int64, error) {
	if n == 0 {
		return 0, 0, errors.New("not an MP3: no frame")
	}
	if !trailer(rest) {
		return 0, 0, fmt.Errorf("other data after frame %d: the file is cut off or damaged", n)
	}
	h := mp3Header(first)
	return h.rate(), int64(n) * int64(h.samples()), nil
}

// trailer reports whether rest, after the last frame, is a tag or zeros.
func trailer(rest []byte) bool {
	switch {
	case len(rest) == 128 && string(rest[:3]) == "TAG":
		return true
	case len(rest) >= 32 && string(rest[:8]) == "APETAGEX":
		return true
	}
	for _, b := range rest {
		if b != 0 {
			return false
		}
	}
	return true
}

// id3End returns where an MP3's frames start, after the tag go-mp3 skips:
// an ID3v2 tag, whose size must be a proper syncsafe number within the
// file (go-mp3 reads it without masking, and allocates it), or an ID3v1
// tag at the start.
func id3End(data []byte) (int, error) {
	switch {
	case len(data) >= 10 && string(data[:3]) == "ID3":
		if data[6]|data[7]|data[8]|data[9] >= 0x80 {
			return 0, errors.New("ID3 tag with a damaged size")
		}
		end := 10 + (int(data[6])<<21 | int(data[7])<<14 | int(data[8])<<7 | int(data[9]))
		if end > len(data) {
			return 0, fmt.Errorf("ID3 tag of %d bytes in a file of %d", end, len(data))
		}
		return end, nil
	case len(data) >= 128 && string(data[:3]) == "TAG":
		return 128, nil
	}
	return 0, nil
}

// mp3Header is a frame header that mp3ValidHeader accepts.
type mp3Header uint32

func (h mp3Header) mpeg1() bool  { return h>>19&3 == 3 }
func (h mp3Header) layer3() bool { return h>>17&3 == 1 }
func (h mp3Header) mono() bool   { return h>>6&3 == 3 }
func (h mp3Header) crc() bool    { return h>>16&1 == 0 }
func (h mp3Header) bitrateIndex() int {
	return int(h >> 12 & 15)
}

// rate returns the sample rate in Hz.
func (h mp3Header) rate() int {
	r := [3]int{44100, 48000, 32000}[h>>10&3]
	if !h.mpeg1() {
		r /= 2
	}
	return r
}

// samples returns the frames of sound a frame holds.
func (h mp3Header) samples() int {
	if h.mpeg1() {
		return 1152
	}
	return 576
}

// size returns the frame's length in bytes, header included: 144 bytes
// a kbit/s per kHz for MPEG-1, 72 for MPEG-2, and the padding byte.
func (h mp3Header) size() int {
	kbps := [2][15]int{
		{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
	}
	if h.mpeg1() {
		return 144*1000*kbps[0][h.bitrateIndex()]/h.rate() + int(h>>9&1)
	}
	return 72*1000*kbps[1][h.bitrateIndex()]/h.rate() + int(h>>9&1)
}

// goSize returns the length go-mp3 v0.3.4 gives the frame: for MPEG-2 it
// halves the MPEG-1 length, padding byte included, which is one byte
// short for some padded frames (at 22.05 kHz, 24 and 32 kbit/s). It then
// reads the next frame from the wrong place and garbles the sound.
func (h mp3Header) goSize() int {
	if h.mpeg1() {
		return h.size()
	}
	kbps := [15]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
	return (144*1000*kbps[h.bitrateIndex()]/h.rate() + int(h>>9&1)) >> 1
}

// sideInfoSize returns the bytes of the frame's side information.
func (h mp3Header) sideInfoSize() int {
	switch {
	case h.mpeg1() && !h.mono():
		return 32
	case h.mpeg1(), !h.mono():
		return 17
	}
	return 9
}

// checkFrame checks the frame at the start of b, with header h, in a
// stream whose first frame header is first, and returns its size.
func checkFrame(h, first uint32, b []byte) (int, error) {
	fh := mp3Header(h)
	switch {
	case !fh.layer3():
		return 0, fmt.Errorf("MPEG layer %d (want Layer III)", 4-int(h>>17&3))
	case h>>19&3 == 0:
		return 0, errors.New("MPEG 2.5 (want MPEG-1 or MPEG-2)")
	case fh.bitrateIndex() == 0:
		return 0, errors.New("free bit rate (want a standard bit rate)")
	case h>>19&3 != first>>19&3 || h>>10&3 != first>>10&3:
		return 0, errors.New("the sample rate changes (want one rate for the whole file)")
	}
	size := fh.size()
	if fh.goSize() != size {
		return 0, fmt.Errorf("a padded MPEG-2 frame at %d Hz that go-mp3 misreads (encode at 48 kbit/s or more, or save as WAV)", fh.rate())
	}
	side := 4
	if fh.crc() {
		side += 2
	}
	if len(b) < side+fh.sideInfoSize() {
		return size, nil // cut short in its header: go-mp3 stops there
	}
	if err := checkSideInfo(fh, b[side:side+fh.sideInfoSize()]); err != nil {
		return 0, err
	}
	return size, nil
}

// checkSideInfo reads a frame's side information as go-mp3 does and
// refuses what go-mp3 cannot decode safely, or the standard forbids.
func checkSideInfo(h mp3Header, si []byte) error {
	r := bitReader{b: si}
	nch, granules := 2, 1
	if h.mono() {
		nch = 1
	}
	if h.mpeg1() {
		granules = 2
		r.skip(9) // main_data_begin
		r.skip([2]int{3, 5}[nch%2])
		r.skip(4 * nch) // scfsi
	} else {
		r.skip(8)
		r.skip([2]int{2, 1}[nch%2])
	}
	for range granules {
		for range nch {
			r.skip(12) // part2_3_length
			if big := r.read(9); big > 288 {
				return fmt.Errorf("big_values %d (at most 288)", big)
			}
			r.skip(8) // global_gain
			r.skip([2]int{9, 4}[btoi(h.mpeg1())])
			if err := checkBlocks(&r, h); err != nil {
				return err
			}
			r.skip(2 + btoi(h.mpeg1())) // preflag (MPEG-1), scalefac_scale, count1table_select
		}
	}
	return nil
}

// checkBlocks reads the window switching and Huffman table fields of one
// granule and channel.
func checkBlocks(r *bitReader, h mp3Header) error {
	tables := 3
	if r.read(1) == 1 { // window switching
		block, mixed := r.read(2), r.read(1)
		switch {
		case block == 0:
			return errors.New("window switching with a normal block (the standard forbids it)")
		case block == 2 && mixed == 1 && !h.mpeg1():
			return errors.New("MPEG-2 short blocks mixed with long ones (go-mp3 cannot decode them)")
		}
		tables = 2
	}
	for range tables {
		if t := r.read(5); t == 4 || t == 14 {
			return fmt.Errorf("Huffman table %d, which does not exist", t)
		}
	}
	if tables == 2 {
		r.skip(9) // subblock gains
	} else {
		r.skip(7) // region counts
	}
	return nil
}

// bitReader reads bits from the start of b, most significant first; past
// its end it reads zeros.
type bitReader struct {
	b   []byte
	pos int
}

func (r *bitReader) read(n int) int {
	v := 0
	for range n {
		bit := 0
		if r.pos/8 < len(r.b) {
			bit = int(r.b[r.pos/8]>>(7-r.pos%8)) & 1
		}
		v = v<<1 | bit
		r.pos++
	}
	return v
}

func (r *bitReader) skip(n int) { r.pos += n }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
