package speech

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/internal/audiotest"
)

// fakeLine is 0.6 s of a voiced sound (200 Hz and its harmonics, swelling
// and fading like a word), with a spike, 0.5 s of faint noise before it and
// 0.4 s of silence after, all on a DC offset.
func fakeLine(rate int, amp float64) []float32 {
	x := make([]float32, rate*3/2)
	start, n := rate/2, rate*3/5
	for i := range x {
		x[i] = 0.05 + float32(1e-5*math.Sin(float64(i)*1.3))
	}
	for i := range n {
		t := float64(i) / float64(rate)
		env := math.Sin(math.Pi * float64(i) / float64(n))
		v := math.Sin(2*math.Pi*200*t) + 0.5*math.Sin(2*math.Pi*400*t) + 0.25*math.Sin(2*math.Pi*800*t)
		x[start+i] += float32(amp * env * v)
	}
	x[start+n/3] += float32(8 * amp) // a plosive burst, far above the rest
	return x
}

func TestPrepareSpeech(t *testing.T) {
	for _, rate := range []int{16000, 22050, 48000} {
		out, got, err := Prepare(fakeLine(rate, 0.02), rate)
		if err != nil || got != rate {
			t.Fatalf("%d Hz: rate %d, error %v", rate, got, err)
		}
		l, _ := Loudness(out, rate, Block)
		if math.Abs(l-LUFS) > Tolerance+0.01 {
			t.Errorf("%d Hz: loudness %.2f LUFS, want %.1f", rate, l, LUFS)
		}
		if peak := audiotest.DBFS(audiotest.Peak(out)); peak > LimitDB+0.01 {
			t.Errorf("%d Hz: peak %.2f dBFS, want at most %.1f (the limiter)", rate, peak, LimitDB)
		}
		if d := float64(len(out)) / float64(rate); d < 0.6 || d > 0.6+2*prepKeepSec+0.03 {
			t.Errorf("%d Hz: %.3f s long, want the 0.6 s of sound and about %g s either side", rate, d, prepKeepSec)
		}
		if audiotest.Mean(out) > 1e-3 || out[0] != 0 || math.Abs(float64(out[len(out)-1])) > 1e-3 {
			t.Errorf("%d Hz: DC %.4f, ends %.4f and %.4f: want no offset and faded ends", rate, audiotest.Mean(out), out[0], out[len(out)-1])
		}
	}
}

func TestPrepareSpeechOddInput(t *testing.T) {
	if _, rate, err := Prepare(fakeLine(96000, 0.1), 96000); err != nil || rate != 22050 {
		t.Errorf("96 kHz: rate %d, error %v; want it resampled to 22050", rate, err)
	}
	tests := []struct {
		name string
		x    []float32
		want string
	}{
		{"silence", make([]float32, 16000), "no sound"},
		{"too short", fakeLine(16000, 0.1)[8000:8800], "no sound"},
		{"hum", audiotest.Sine(1000, 0.002, 1, 16000), "too quiet to be speech"},
	}
	for _, tt := range tests {
		if _, _, err := Prepare(tt.x, 16000); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestReadSpeech(t *testing.T) {
	for _, tt := range []struct {
		file   string
		rate   int
		frames int
	}{
		{"../testdata/pack/tones/sine440-16k.wav", 16000, 8000},
		{"../testdata/pack/tones/left440-48k.wav", 48000, 4800},
		{"../testdata/pack/tones/sine440-22k.mp3", 22050, 22*576 - 529},
	} {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		x, rate, err := Read(data, tt.file)
		if err != nil || rate != tt.rate || len(x) != tt.frames {
			t.Errorf("%s: %d frames at %d Hz, %v; want %d at %d", tt.file, len(x), rate, err, tt.frames, tt.rate)
		}
	}
	if _, _, err := Read([]byte("not a sound"), "take1.wav"); err == nil || !strings.HasPrefix(err.Error(), `audio: decode clip "take1.wav"`) {
		t.Errorf("Read of text: %v", err)
	}
}
