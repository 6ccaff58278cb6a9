package decode

import (
	"errors"
	"fmt"

	"github.com/floorcoach/floorcoach/audio/internal/mp3frame"
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
	pos, err := id3End(data, int64(len(data)))
	if err != nil {
		return 0, 0, err
	}
	var first mp3frame.Header
	n := 0
	for pos < len(data) {
		if len(data)-pos < 4 {
			return mp3End(first, n, data[pos:])
		}
		h, ok := mp3frame.ReadHeader(data[pos:])
		if !ok {
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
func mp3End(first mp3frame.Header, n int, rest []byte) (int, int64, error) {
	if n == 0 {
		return 0, 0, errors.New("not an MP3: no frame")
	}
	if !trailer(rest) {
		return 0, 0, fmt.Errorf("other data after frame %d: the file is cut off or damaged", n)
	}
	return first.Rate(), int64(n) * int64(first.Samples()), nil
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
// tag at the start. data holds the file's first bytes, at least 10 of
// them if it has that many; size is the file's.
func id3End(data []byte, size int64) (int, error) {
	switch {
	case len(data) >= 10 && string(data[:3]) == "ID3":
		if data[6]|data[7]|data[8]|data[9] >= 0x80 {
			return 0, errors.New("ID3 tag with a damaged size")
		}
		end := 10 + (int(data[6])<<21 | int(data[7])<<14 | int(data[8])<<7 | int(data[9]))
		if int64(end) > size {
			return 0, fmt.Errorf("ID3 tag of %d bytes in a file of %d", end, size)
		}
		return end, nil
	case size >= 128 && len(data) >= 3 && string(data[:3]) == "TAG":
		return 128, nil
	}
	return 0, nil
}

// goLen returns the length go-mp3 v0.3.4 gives a frame: for MPEG-2 it
// halves the MPEG-1 length, padding byte included, which is one byte
// short for some padded frames (at 22.05 kHz, 24 and 32 kbit/s). It then
// reads the next frame from the wrong place and garbles the sound.
func goLen(h mp3frame.Header) int {
	if h.MPEG1() {
		return h.Len()
	}
	kbps := [15]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
	pad := 0
	if h.Padded() {
		pad = 1
	}
	return (144*1000*kbps[h.BitrateIndex()%15]/h.Rate() + pad) >> 1
}

// checkFrame checks the frame at the start of b, with header h, in a
// stream whose first frame header is first, and returns its size.
func checkFrame(h, first mp3frame.Header, b []byte) (int, error) {
	switch {
	case h>>17&3 != 1:
		return 0, fmt.Errorf("MPEG layer %d (want Layer III)", 4-int(h>>17&3))
	case h>>19&3 == 0:
		return 0, errors.New("MPEG 2.5 (want MPEG-1 or MPEG-2)")
	case h.BitrateIndex() == 0:
		return 0, errors.New("free bit rate (want a standard bit rate)")
	case h>>19&3 != first>>19&3 || h.Rate() != first.Rate():
		return 0, errors.New("the sample rate changes (want one rate for the whole file)")
	}
	size := h.Len()
	if goLen(h) != size {
		return 0, fmt.Errorf("a padded MPEG-2 frame at %d Hz that go-mp3 misreads (encode at 48 kbit/s or more, or save as WAV)", h.Rate())
	}
	side := 4
	if h.CRC() {
		side += 2
	}
	if len(b) < side+h.SideInfoLen() {
		return size, nil // cut short in its header: go-mp3 stops there
	}
	if err := checkSideInfo(h, b[side:side+h.SideInfoLen()]); err != nil {
		return 0, err
	}
	return size, nil
}

// checkSideInfo reads a frame's side information as go-mp3 does and
// refuses what go-mp3 cannot decode safely, or the standard forbids.
func checkSideInfo(h mp3frame.Header, si []byte) error {
	r := bitReader{b: si}
	nch, granules := 2, 1
	if h.Mono() {
		nch = 1
	}
	if h.MPEG1() {
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
			r.skip([2]int{9, 4}[btoi(h.MPEG1())])
			if err := checkBlocks(&r, h); err != nil {
				return err
			}
			r.skip(2 + btoi(h.MPEG1())) // preflag (MPEG-1), scalefac_scale, count1table_select
		}
	}
	return nil
}

// checkBlocks reads the window switching and Huffman table fields of one
// granule and channel.
func checkBlocks(r *bitReader, h mp3frame.Header) error {
	tables := 3
	if r.read(1) == 1 { // window switching
		block, mixed := r.read(2), r.read(1)
		switch {
		case block == 0:
			return errors.New("window switching with a normal block (the standard forbids it)")
		case block == 2 && mixed == 1 && !h.MPEG1():
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
