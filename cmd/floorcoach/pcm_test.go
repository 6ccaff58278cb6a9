package main

import (
	bin "encoding/binary"
	"os"
	"testing"
)

// pcm is the data chunk of a 16-bit stereo WAV file, read a frame at a
// time: a long session's export is too big to convert whole.
type pcm []byte

// readLeft reads the data chunk of a WAV file export wrote.
func readLeft(t *testing.T, path string) pcm {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("%s: not a WAV file: %v", path, err)
	}
	for rest := b[12:]; len(rest) >= 8; {
		id, size := string(rest[:4]), int(bin.LittleEndian.Uint32(rest[4:8]))
		if id == "fmt " && (bin.LittleEndian.Uint16(rest[10:]) != 2 || bin.LittleEndian.Uint16(rest[22:]) != 16) {
			t.Fatalf("%s: not 16-bit stereo", path)
		}
		if id == "data" {
			return pcm(rest[8 : 8+size])
		}
		rest = rest[8+size+size%2:]
	}
	t.Fatalf("%s: no data chunk", path)
	return nil
}

func (p pcm) frames() int64 { return int64(len(p) / 4) }

func (p pcm) at(f int64) float64 {
	return float64(int16(bin.LittleEndian.Uint16(p[4*f:]))) / 32768
}

func (p pcm) span(from, to int64) []float64 {
	out := make([]float64, 0, to-from)
	for f := from; f < to; f++ {
		out = append(out, p.at(f))
	}
	return out
}
