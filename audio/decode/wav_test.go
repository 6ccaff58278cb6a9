package decode

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"
)

// wavSpec describes a WAV file for makeWAV, header fields as written.
type wavSpec struct {
	tag               uint16 // 1 PCM, 3 float, 0xfffe extensible
	channels          int
	rate, bits, align int // align 0: the right one
	frames            int
	dataSize          int64 // declared; -1: the real size
}

// makeWAV writes a WAV file of a 440 Hz sine at 0.5 as spec says.
func makeWAV(spec wavSpec) []byte {
	size := spec.bits / 8
	align := spec.align
	if align == 0 {
		align = spec.channels * size
	}
	var data []byte
	for i := range spec.frames {
		v := 0.5 * math.Sin(2*math.Pi*440*float64(i)/float64(spec.rate))
		for range spec.channels {
			data = appendSample(data, spec, v)
		}
	}
	fmtChunk := binary.LittleEndian.AppendUint16(nil, spec.tag)
	fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, uint16(spec.channels))
	fmtChunk = binary.LittleEndian.AppendUint32(fmtChunk, uint32(spec.rate))
	fmtChunk = binary.LittleEndian.AppendUint32(fmtChunk, uint32(spec.rate*align))
	fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, uint16(align))
	fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, uint16(spec.bits))
	if spec.tag == wavExtensible {
		fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, 22)
		fmtChunk = binary.LittleEndian.AppendUint16(fmtChunk, uint16(spec.bits))
		fmtChunk = binary.LittleEndian.AppendUint32(fmtChunk, 4)
		fmtChunk = append(fmtChunk, 1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71)
	}
	declared := uint32(len(data))
	if spec.dataSize >= 0 {
		declared = uint32(spec.dataSize)
	}
	out := []byte("RIFF\x00\x00\x00\x00WAVEfmt ")
	out = binary.LittleEndian.AppendUint32(out, uint32(len(fmtChunk)))
	out = append(out, fmtChunk...)
	out = append(out, "data"...)
	out = binary.LittleEndian.AppendUint32(out, declared)
	out = append(out, data...)
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out
}

func appendSample(b []byte, spec wavSpec, v float64) []byte {
	switch {
	case spec.tag == wavFloat && spec.bits == 32:
		return binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(v)))
	case spec.tag == wavFloat:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	case spec.bits == 8:
		return append(b, byte(128+int(v*127)))
	case spec.bits == 16:
		return binary.LittleEndian.AppendUint16(b, uint16(int16(v*32767)))
	case spec.bits == 24:
		x := uint32(int32(v * (1<<23 - 1)))
		return append(b, byte(x), byte(x>>8), byte(x>>16))
	}
	return binary.LittleEndian.AppendUint32(b, uint32(int32(v*(1<<31-1))))
}

// Every WAV format a clip may have decodes to the same sine.
func TestWAVFormats(t *testing.T) {
	for _, spec := range []wavSpec{
		{tag: wavPCM, channels: 1, rate: 16000, bits: 16, frames: 1600, dataSize: -1},
		{tag: wavPCM, channels: 2, rate: 44100, bits: 8, frames: 4410, dataSize: -1},
		{tag: wavPCM, channels: 1, rate: 48000, bits: 24, frames: 4800, dataSize: -1},
		{tag: wavPCM, channels: 6, rate: 22050, bits: 32, frames: 2205, dataSize: -1},
		{tag: wavFloat, channels: 1, rate: 8000, bits: 32, frames: 800, dataSize: -1},
		{tag: wavFloat, channels: 2, rate: 96000, bits: 64, frames: 9600, dataSize: -1},
		{tag: wavExtensible, channels: 1, rate: 22050, bits: 16, frames: 2205, dataSize: -1},
		// A streamed header, as espeak-ng --stdout writes: about 2 GB declared.
		{tag: wavPCM, channels: 1, rate: 22050, bits: 16, frames: 2205, dataSize: 0x7ffff000},
		{tag: wavPCM, channels: 1, rate: 22050, bits: 16, frames: 2205, dataSize: 0xffffffff},
	} {
		f, err := Open(makeWAV(spec), "x.wav")
		if err != nil {
			t.Errorf("%+v: %v", spec, err)
			continue
		}
		x, err := f.Samples()
		if err != nil || len(x) != spec.frames || f.Rate() != spec.rate {
			t.Errorf("%+v: %d frames at %d Hz, %v; want %d at %d", spec, len(x), f.Rate(), err, spec.frames, spec.rate)
			continue
		}
		if peak := peakOf(x); math.Abs(peak-0.5) > 0.01 {
			t.Errorf("%+v: peak %.3f, want 0.5", spec, peak)
		}
	}
}

func peakOf(x []float32) float64 {
	var p float64
	for _, v := range x {
		p = max(p, math.Abs(float64(v)))
	}
	return p
}

// Damaged and hostile WAVs are errors that say what is wrong, found from
// the header before anything is decoded; none allocates what it declares.
func TestWAVDamaged(t *testing.T) {
	good := wavSpec{tag: wavPCM, channels: 2, rate: 16000, bits: 16, frames: 160, dataSize: -1}
	with := func(change func(*wavSpec)) []byte {
		s := good
		change(&s)
		return makeWAV(s)
	}
	negativeChunk := append(makeWAV(good)[:12], "LIST\xf0\xff\xff\xff"...)
	negativeChunk = append(negativeChunk, makeWAV(good)[12:]...)
	cases := []struct {
		name string
		data []byte
		want string
	}{
		// The align written in 16 bits is 0.
		{"block align zero", with(func(s *wavSpec) { s.align = 1 << 16 }), "block align 0 (want 4 for 2 channels of 16 bits)"},
		{"block align too small", with(func(s *wavSpec) { s.align = 2 }), "block align 2 (want 4 for 2 channels of 16 bits)"},
		{"negative chunk size", negativeChunk, `chunk "LIST" declares 4294967280 bytes, and only`},
		{"599 s at 384 kHz declared", with(func(s *wavSpec) { s.rate, s.dataSize = 384000, 599*384000*4 }), "sample rate 384000 Hz (want 1000 to 192000)"},
		{"no channels", with(func(s *wavSpec) { s.channels = 0 }), "0 channels"},
		{"100 channels", with(func(s *wavSpec) { s.channels = 100 }), "100 channels"},
		{"12-bit", with(func(s *wavSpec) { s.bits = 12 }), "12-bit samples"},
		{"A-law", with(func(s *wavSpec) { s.tag = 6 }), "WAV format 0x6"},
		{"rate zero", with(func(s *wavSpec) { s.rate = 0 }), "sample rate 0 Hz"},
		{"no frames", with(func(s *wavSpec) { s.frames = 0 }), "no audio"},
		{"three minutes", with(func(s *wavSpec) { s.channels, s.rate, s.frames = 1, 1000, 180000 }), "longer than 2 minutes"},
		{"not RIFF", []byte("RIFX\x00\x00\x00\x00WAVE"), "not a WAV file"},
		{"empty", nil, "not a WAV file"},
		{"no data chunk", makeWAV(good)[:36], "no data chunk"},
		{"data first", []byte("RIFF\x00\x00\x00\x00WAVEdata\x04\x00\x00\x00abcd"), "data chunk before the fmt chunk"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open(c.data, "bad.wav")
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), `audio: decode clip "bad.wav": `) {
				t.Errorf("Open: %v, want an error naming the file and saying %q", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("error of more than one line: %q", err)
			}
		})
	}
}

// A float WAV's NaN and out-of-range samples come out as silence and full
// scale.
func TestWAVFloatKeptFinite(t *testing.T) {
	data := makeWAV(wavSpec{tag: wavFloat, channels: 1, rate: 8000, bits: 32, frames: 4, dataSize: -1})
	body := data[len(data)-16:]
	for i, v := range []float32{float32(math.NaN()), float32(math.Inf(1)), -7, 0.25} {
		binary.LittleEndian.PutUint32(body[4*i:], math.Float32bits(v))
	}
	f, err := Open(data, "f.wav")
	if err != nil {
		t.Fatal(err)
	}
	x, err := f.Samples()
	if err != nil || len(x) != 4 || x[0] != 0 || x[1] != 1 || x[2] != -1 || x[3] != 0.25 {
		t.Errorf("samples %v, %v; want [0 1 -1 0.25]", x, err)
	}
}
