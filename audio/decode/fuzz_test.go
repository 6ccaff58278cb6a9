package decode

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
)

// fuzzClip checks that a clip's file, whatever its bytes, opens with an
// error or decodes, with an error or to exactly the frames Open promised,
// without a panic and without allocating for what a header declares.
// Crashers found are kept in testdata/fuzz/<name> and run as tests.
func fuzzClip(f *testing.F, ext string) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*"+ext))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*", "*"+ext))
	for _, file := range append(seeds, more...) {
		if data, err := os.ReadFile(file); err == nil && len(data) < 16<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Open(data, "fuzz"+ext)
		if err != nil {
			return
		}
		if file.Frames() > int64(MaxClipLength.Seconds())*int64(file.Rate()) || file.Frames() > int64(len(data))*1152 {
			t.Fatalf("Open accepted %d frames at %d Hz from %d bytes", file.Frames(), file.Rate(), len(data))
		}
		x, err := file.Decode(audio.SampleRate)
		if err != nil {
			return
		}
		if want := ResampledLen(file.Frames(), file.Rate()); int64(len(x)) != want {
			t.Fatalf("decoded %d frames, Open said %d", len(x), want)
		}
		for i, v := range x {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				t.Fatalf("frame %d is %v", i, v)
			}
		}
	})
}

func FuzzWAV(f *testing.F) {
	for _, spec := range []wavSpec{
		{tag: wavPCM, channels: 1, rate: 16000, bits: 16, frames: 50, dataSize: -1},
		{tag: wavPCM, channels: 2, rate: 44100, bits: 8, frames: 50, dataSize: -1},
		{tag: wavPCM, channels: 1, rate: 48000, bits: 24, frames: 50, dataSize: -1},
		{tag: wavFloat, channels: 2, rate: 96000, bits: 64, frames: 50, dataSize: -1},
		{tag: wavExtensible, channels: 1, rate: 22050, bits: 32, frames: 50, dataSize: 0x7ffff000},
	} {
		f.Add(makeWAV(spec))
	}
	fuzzClip(f, ".wav")
}

// FuzzMP3 runs go-mp3 on every file checkMP3 lets through.
func FuzzMP3(f *testing.F) { fuzzClip(f, ".mp3") }
