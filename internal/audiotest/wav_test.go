package audiotest

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// wavBytes builds a WAV file from raw chunks, computing the RIFF size.
func wavBytes(chunks ...[]byte) []byte {
	body := []byte("WAVE")
	for _, c := range chunks {
		body = append(body, c...)
	}
	out := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...)
	return append(out, body...)
}

func chunk(id string, body []byte) []byte {
	out := append([]byte(id), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...)
	out = append(out, body...)
	if len(body)%2 == 1 {
		out = append(out, 0)
	}
	return out
}

func fmtChunk(tag, channels uint16, rate uint32, bits uint16) []byte {
	b := binary.LittleEndian.AppendUint16(nil, tag)
	b = binary.LittleEndian.AppendUint16(b, channels)
	b = binary.LittleEndian.AppendUint32(b, rate)
	b = binary.LittleEndian.AppendUint32(b, rate*uint32(channels*bits/8))
	b = binary.LittleEndian.AppendUint16(b, channels*bits/8)
	b = binary.LittleEndian.AppendUint16(b, bits)
	return chunk("fmt ", b)
}

func pcm(v ...int16) []byte {
	var b []byte
	for _, s := range v {
		b = binary.LittleEndian.AppendUint16(b, uint16(s))
	}
	return chunk("data", b)
}

func TestDecodeWAV(t *testing.T) {
	data := wavBytes(chunk("LIST", []byte("INFOISFT\x03\x00\x00\x00abc")), fmtChunk(1, 2, 8000, 16),
		chunk("cue ", []byte{1, 0, 0, 0}), pcm(16384, -32768, 0, 32767))
	rate, channels, samples, err := DecodeWAV(data)
	if err != nil {
		t.Fatal(err)
	}
	if rate != 8000 || channels != 2 {
		t.Errorf("rate, channels = %d, %d; want 8000, 2", rate, channels)
	}
	if !slices.Equal(samples[0], []float64{0.5, 0}) || !slices.Equal(samples[1], []float64{-1, 32767.0 / 32768}) {
		t.Errorf("samples = %v", samples)
	}
	path := filepath.Join(t.TempDir(), "x.wav")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, got, err := ReadWAV(path); err != nil || !slices.Equal(got[0], samples[0]) {
		t.Errorf("ReadWAV = %v, %v; want %v", got, err, samples)
	}
}

func TestDecodeWAVErrors(t *testing.T) {
	good := wavBytes(fmtChunk(1, 1, 8000, 16), pcm(1, 2))
	wrongSize := slices.Clone(good)
	wrongSize[4]++
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not RIFF", []byte("RIFX0000WAVE"), "not a RIFF WAVE"},
		{"RIFF size", wrongSize, "RIFF size"},
		{"24-bit", wavBytes(fmtChunk(1, 1, 8000, 24), pcm(1, 2, 3)), "24 bits"},
		{"float", wavBytes(fmtChunk(3, 1, 8000, 16), pcm(1)), "format tag 3"},
		{"no data", wavBytes(fmtChunk(1, 1, 8000, 16)), "no data chunk"},
		{"data first", wavBytes(pcm(1), fmtChunk(1, 1, 8000, 16)), "before fmt"},
		{"half a frame", wavBytes(fmtChunk(1, 2, 8000, 16), pcm(1)), "not whole frames"},
		{"overrun", wavBytes(fmtChunk(1, 1, 8000, 16), []byte("data\xff\x00\x00\x00\x01\x00")), "overruns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := DecodeWAV(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("DecodeWAV error = %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestFromInt16(t *testing.T) {
	got := FromInt16([]int16{16384, -16384, 0, 32767}, 2)
	if !slices.Equal(got[0], []float64{0.5, 0}) || !slices.Equal(got[1], []float64{-0.5, 32767.0 / 32768}) {
		t.Errorf("FromInt16 = %v", got)
	}
}

// WriteWAV writes what ReadWAV reads back.
func TestWriteWAV(t *testing.T) {
	path := t.TempDir() + "/x.wav"
	if err := WriteWAV(path, 22050, 2, []int16{1, -1, 32767, -32768}); err != nil {
		t.Fatal(err)
	}
	rate, ch, s, err := ReadWAV(path)
	if err != nil || rate != 22050 || ch != 2 || len(s[0]) != 2 || s[0][1] != 32767.0/32768 || s[1][1] != -1 {
		t.Errorf("read back %d Hz, %d channels, %v, %v", rate, ch, s, err)
	}
}

// SineWAV writes a mono sine that reads back at its rate, length, pitch
// and peak, each sample within half a step of the sine.
func TestSineWAV(t *testing.T) {
	path := t.TempDir() + "/sine.wav"
	SineWAV(t, path, 1000, 0.5, 0.1, 16000)
	rate, ch, s, err := ReadWAV(path)
	if err != nil || rate != 16000 || ch != 1 || len(s[0]) != 1600 {
		t.Fatalf("read back %d Hz, %d channels, %d frames, %v", rate, ch, len(s[0]), err)
	}
	want := Sine(1000, 0.5, 0.1, 16000)
	for i, v := range s[0] {
		if !Near(v*32768, float64(want[i])*32767, 0.5) {
			t.Fatalf("sample %d is %v, want %v", i, v, want[i])
		}
	}
	if p := Pitch(s[0], rate); !Near(p, 1000, 5) {
		t.Errorf("pitch %.1f Hz, want 1000", p)
	}
}
