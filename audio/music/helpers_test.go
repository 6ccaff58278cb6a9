package music

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// wavSpec describes a WAV file a test writes.
type wavSpec struct {
	rate, channels, bits int
	float, extensible    bool
	streamed             bool // declare a data size of 0xFFFFFFFF, as a stream does
}

// writeWAV writes frames of a tone to a WAV file: hzL on the left, hzR on
// the right (mono takes hzL), at amplitude amp.
func writeWAV(t *testing.T, dir, name string, s wavSpec, secs, hzL, hzR, amp float64) string {
	t.Helper()
	n := int(secs * float64(s.rate))
	size := s.bits / 8
	data := make([]byte, 0, n*s.channels*size)
	for i := range n {
		for ch := range s.channels {
			hz := hzL
			if ch == 1 {
				hz = hzR
			}
			v := amp * math.Sin(2*math.Pi*hz*float64(i)/float64(s.rate))
			data = appendSample(data, v, s)
		}
	}
	tag := uint16(1)
	if s.float {
		tag = 3
	}
	var fmtChunk []byte
	fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, tag)
	if s.extensible {
		fmtChunk[0], fmtChunk[1] = 0xFE, 0xFF
	}
	fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, uint16(s.channels))
	fmtChunk = binary.LittleEndian.AppendUint32(fmtChunk, uint32(s.rate))
	fmtChunk = binary.LittleEndian.AppendUint32(fmtChunk, uint32(s.rate*s.channels*size))
	fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, uint16(s.channels*size))
	fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, uint16(s.bits))
	if s.extensible {
		fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, 22)
		fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, uint16(s.bits))
		fmtChunk = binary.LittleEndian.AppendUint32(fmtChunk, 3)
		fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, tag)
		fmtChunk = append(fmtChunk, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71)
	}
	var b []byte
	b = append(b, "RIFF\x00\x00\x00\x00WAVE"...)
	b = append(b, "LIST\x04\x00\x00\x00INFO"...) // a chunk to skip
	b = append(b, "fmt "...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(fmtChunk)))
	b = append(b, fmtChunk...)
	b = append(b, "data"...)
	dataSize := uint32(len(data))
	if s.streamed {
		dataSize = 0xFFFFFFFF
	}
	b = binary.LittleEndian.AppendUint32(b, dataSize)
	b = append(b, data...)
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)-8))
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func appendSample(b []byte, v float64, s wavSpec) []byte {
	switch {
	case s.float && s.bits == 32:
		return binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(v)))
	case s.float:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	case s.bits == 8:
		return append(b, byte(int(math.Round(v*127))+128))
	case s.bits == 16:
		return binary.LittleEndian.AppendUint16(b, uint16(int16(math.Round(v*32767))))
	case s.bits == 24:
		x := uint32(int32(math.Round(v * 8388607)))
		return append(b, byte(x), byte(x>>8), byte(x>>16))
	}
	return binary.LittleEndian.AppendUint32(b, uint32(int32(math.Round(v*2147483647))))
}

// readAll reads a resampler to its end.
func readAll(t *testing.T, s *resampler) (l, r []float32) {
	t.Helper()
	bl, br := make([]float32, 3000), make([]float32, 3000)
	for {
		n, err := s.Read(bl, br)
		l, r = append(l, bl[:n]...), append(r, br[:n]...)
		if err != nil {
			return l, r
		}
	}
}
