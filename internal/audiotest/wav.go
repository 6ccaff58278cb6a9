package audiotest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// ReadWAV reads a 16-bit PCM WAV file: its rate, its channel count and its
// samples, one slice per channel, scaled to [-1, 1).
func ReadWAV(path string) (rate, channels int, samples [][]float64, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, nil, err
	}
	rate, channels, samples, err = DecodeWAV(data)
	if err != nil {
		return 0, 0, nil, fmt.Errorf("%s: %w", path, err)
	}
	return rate, channels, samples, nil
}

// DecodeWAV decodes a 16-bit PCM WAV file held in memory. It skips chunks it
// does not need (LIST, cue, fact…) but is strict about sizes: the RIFF size
// must match the data, every chunk must fit, and the data must be whole
// frames, so that a test catches a writer that gets them wrong.
func DecodeWAV(data []byte) (rate, channels int, samples [][]float64, err error) {
	if len(data) < 12 || string(data[0:4]) != "RIFF" || string(data[8:12]) != "WAVE" {
		return 0, 0, nil, errors.New("wav: not a RIFF WAVE file")
	}
	if size := binary.LittleEndian.Uint32(data[4:8]); int64(size) != int64(len(data))-8 {
		return 0, 0, nil, fmt.Errorf("wav: RIFF size %d, want %d", size, len(data)-8)
	}
	var format []byte
	for rest := data[12:]; len(rest) > 0; {
		if len(rest) < 8 {
			return 0, 0, nil, fmt.Errorf("wav: %d stray bytes after the last chunk", len(rest))
		}
		id, size := string(rest[0:4]), int64(binary.LittleEndian.Uint32(rest[4:8]))
		if size > int64(len(rest)-8) {
			return 0, 0, nil, fmt.Errorf("wav: chunk %q of %d bytes overruns the file", id, size)
		}
		body := rest[8 : 8+size]
		switch id {
		case "fmt ":
			format = body
		case "data":
			if format == nil {
				return 0, 0, nil, errors.New("wav: data chunk before fmt chunk")
			}
			return decodePCM(format, body)
		}
		rest = rest[8+size:]
		if size%2 == 1 && len(rest) > 0 {
			rest = rest[1:] // chunks are padded to an even size
		}
	}
	return 0, 0, nil, errors.New("wav: no data chunk")
}

// decodePCM checks a fmt chunk and decodes the data chunk it describes.
func decodePCM(format, data []byte) (rate, channels int, samples [][]float64, err error) {
	if len(format) < 16 {
		return 0, 0, nil, fmt.Errorf("wav: fmt chunk of %d bytes, want 16 or more", len(format))
	}
	tag := binary.LittleEndian.Uint16(format[0:2])
	channels = int(binary.LittleEndian.Uint16(format[2:4]))
	rate = int(binary.LittleEndian.Uint32(format[4:8]))
	blockAlign := int(binary.LittleEndian.Uint16(format[12:14]))
	bits := binary.LittleEndian.Uint16(format[14:16])
	if tag == 0xFFFE && len(format) >= 26 {
		tag = binary.LittleEndian.Uint16(format[24:26]) // WAVE_FORMAT_EXTENSIBLE sub-format
	}
	switch {
	case tag != 1:
		return 0, 0, nil, fmt.Errorf("wav: format tag %d, want 1 (PCM)", tag)
	case bits != 16:
		return 0, 0, nil, fmt.Errorf("wav: %d bits per sample, want 16", bits)
	case channels < 1 || rate < 1:
		return 0, 0, nil, fmt.Errorf("wav: %d channels at %d Hz", channels, rate)
	case blockAlign != 2*channels:
		return 0, 0, nil, fmt.Errorf("wav: block align %d, want %d", blockAlign, 2*channels)
	case len(data)%blockAlign != 0:
		return 0, 0, nil, fmt.Errorf("wav: data of %d bytes is not whole frames of %d", len(data), blockAlign)
	}
	frames := len(data) / blockAlign
	samples = make([][]float64, channels)
	for c := range samples {
		samples[c] = make([]float64, frames)
	}
	for i := 0; i < frames*channels; i++ {
		v := int16(binary.LittleEndian.Uint16(data[2*i:]))
		samples[i%channels][i/channels] = float64(v) / 32768
	}
	return rate, channels, samples, nil
}

// FromInt16 splits interleaved 16-bit frames into one slice per channel,
// scaled to [-1, 1).
func FromInt16(p []int16, channels int) [][]float64 {
	out := make([][]float64, channels)
	for c := range out {
		out[c] = make([]float64, len(p)/channels)
	}
	for i := 0; i < len(p)/channels*channels; i++ {
		out[i%channels][i/channels] = float64(p[i]) / 32768
	}
	return out
}
