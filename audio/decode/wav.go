package decode

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// WAVVersion names the WAV decoder in the keys of cached clips: change it
// whenever what it decodes a file to changes.
const WAVVersion = "floorcoach wav 1"

// The WAV formats a clip may have: integer PCM, IEEE float, or either
// inside WAVE_FORMAT_EXTENSIBLE.
const (
	wavPCM        = 1
	wavFloat      = 3
	wavExtensible = 0xfffe
	maxChannels   = 8
)

// wavFormat is a WAV file's fmt chunk, checked.
type wavFormat struct {
	float    bool
	channels int
	rate     int
	bits     int // per sample
}

// blockAlign returns the bytes of one frame.
func (f wavFormat) blockAlign() int { return f.channels * f.bits / 8 }

// parseWAV reads a WAV file's chunks, as they are in data, and returns its
// format and its sound's bytes, whole frames. Every size is checked against
// the file before anything is made of it. A data chunk that declares more
// than the file holds is read to the end of the file: that is how a
// program writing to a pipe (espeak-ng --stdout) streams a WAV whose length
// it does not know.
func parseWAV(data []byte) (wavFormat, []byte, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WAVE" {
		return wavFormat{}, nil, errors.New("not a WAV file (no RIFF WAVE header)")
	}
	var f wavFormat
	haveFormat := false
	for pos := 12; pos+8 <= len(data); {
		id, size := string(data[pos:pos+4]), int64(binary.LittleEndian.Uint32(data[pos+4:]))
		body := data[pos+8:]
		if id == "data" {
			if !haveFormat {
				return f, nil, errors.New("data chunk before the fmt chunk")
			}
			body = body[:min(size, int64(len(body)))]
			return f, body[:len(body)/f.blockAlign()*f.blockAlign()], nil
		}
		if size > int64(len(body)) {
			return f, nil, fmt.Errorf("chunk %q declares %d bytes, and only %d follow", printableID(id), size, len(body))
		}
		if id == "fmt " {
			var err error
			if f, err = parseFormat(body[:size]); err != nil {
				return f, nil, err
			}
			haveFormat = true
		}
		pos += 8 + int(size) + int(size&1) // chunks are padded to an even size
	}
	return f, nil, errors.New("no data chunk")
}

// parseFormat checks a fmt chunk.
func parseFormat(b []byte) (wavFormat, error) {
	if len(b) < 16 {
		return wavFormat{}, fmt.Errorf("fmt chunk of %d bytes (want at least 16)", len(b))
	}
	tag := binary.LittleEndian.Uint16(b)
	f := wavFormat{channels: int(binary.LittleEndian.Uint16(b[2:])), rate: int(binary.LittleEndian.Uint32(b[4:])),
		bits: int(binary.LittleEndian.Uint16(b[14:]))}
	align := int(binary.LittleEndian.Uint16(b[12:]))
	if tag == wavExtensible {
		if len(b) < 40 {
			return f, fmt.Errorf("extensible fmt chunk of %d bytes (want 40)", len(b))
		}
		tag = binary.LittleEndian.Uint16(b[24:]) // the sub-format GUID begins with the format's tag
	}
	f.float = tag == wavFloat
	switch {
	case tag != wavPCM && tag != wavFloat:
		return f, fmt.Errorf("WAV format %#x (want PCM or IEEE float)", tag)
	case f.channels < 1 || f.channels > maxChannels:
		return f, fmt.Errorf("%d channels (want 1 to %d)", f.channels, maxChannels)
	case !f.float && f.bits != 8 && f.bits != 16 && f.bits != 24 && f.bits != 32,
		f.float && f.bits != 32 && f.bits != 64:
		return f, fmt.Errorf("%d-bit samples (want 8, 16, 24 or 32-bit PCM, or 32 or 64-bit float)", f.bits)
	case align != f.blockAlign():
		return f, fmt.Errorf("block align %d (want %d for %d channels of %d bits)", align, f.blockAlign(), f.channels, f.bits)
	}
	return f, nil
}

// printableID writes a chunk's id for an error: its bytes if printable
// ASCII, else in hex.
func printableID(id string) string {
	for i := 0; i < len(id); i++ {
		if id[i] < 0x20 || id[i] > 0x7e {
			return fmt.Sprintf("%x", id)
		}
	}
	return id
}

// wavMono reads the frames of a WAV's data, averaging their channels.
type wavMono struct {
	f    wavFormat
	data []byte
}

func (w *wavMono) readMono(p []float32) (int, error) {
	align := w.f.blockAlign()
	n := min(len(p), len(w.data)/align)
	size := w.f.bits / 8
	for i := range n {
		frame := w.data[i*align : (i+1)*align]
		var sum float64
		for c := range w.f.channels {
			sum += w.f.sample(frame[c*size:])
		}
		p[i] = float32(sum / float64(w.f.channels))
	}
	w.data = w.data[n*align:]
	if n == 0 && len(p) > 0 {
		return 0, io.EOF
	}
	return n, nil
}

// sample returns the sample at the start of b, from -1 to 1.
func (f wavFormat) sample(b []byte) float64 {
	switch {
	case f.float && f.bits == 32:
		return finite(float64(math.Float32frombits(binary.LittleEndian.Uint32(b))))
	case f.float:
		return finite(math.Float64frombits(binary.LittleEndian.Uint64(b)))
	case f.bits == 8:
		return float64(int(b[0])-128) / 128
	case f.bits == 16:
		return float64(int16(binary.LittleEndian.Uint16(b))) / (1 << 15)
	case f.bits == 24:
		return float64(int32(uint32(b[0])<<8|uint32(b[1])<<16|uint32(b[2])<<24)>>8) / (1 << 23)
	}
	return float64(int32(binary.LittleEndian.Uint32(b))) / (1 << 31)
}

// finite keeps a float sample within -1 to 1, and makes NaN silence: a
// float WAV can hold anything, and one NaN would spread through the mix.
func finite(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return max(-1, min(1, x))
}
