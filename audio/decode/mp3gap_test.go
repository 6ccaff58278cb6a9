package decode

import (
	"encoding/binary"
	"math"
	"os"
	"os/exec"
	"testing"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

func TestMP3Gap(t *testing.T) {
	tests := []struct {
		file       string
		start, end int64
	}{
		// The Info frame (576), lame's delay (576) and the decoder's (529);
		// lame's padding (1071) less the decoder's delay.
		{"gapless/chirp-22k.mp3", 576 + 576 + 529, 1071 - 529},
		{"gapless/chirp-22k-notag.mp3", 529, 0},
		{"gapless/chirp-44k-id3.mp3", 1152 + 576 + 529, 1566 - 529},
		{"pack/tones/sine440-22k.mp3", 529, 0},
		{"pack/tones/truncated.mp3", 529, 0},
		{"pack/lines/corrupt.mp3", 529, 0},
	}
	for _, tt := range tests {
		data, err := os.ReadFile("../testdata/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if start, end := mp3Gap(data); start != tt.start || end != tt.end {
			t.Errorf("%s: drop %d at the start and %d at the end, want %d and %d", tt.file, start, end, tt.start, tt.end)
		}
	}
	for _, data := range [][]byte{nil, []byte("ID3\x04\x00\x00\x7f\x7f\x7f\x7f"), []byte("\xff\xf3\x60\xc4")} {
		if start, end := mp3Gap(data); start != 529 || end != 0 {
			t.Errorf("mp3Gap(%q) = %d, %d; want 529, 0", data, start, end)
		}
	}
}

// TestGaplessFFmpeg decodes MP3s as clips are decoded, before resampling,
// and checks that they line up with ffmpeg's decoding of the same file
// sample for sample. ffmpeg drops the delays and the padding a LAME tag
// gives; without a tag it drops nothing, so it still has the decoder's
// delay of 529 frames, which this package drops.
func TestGaplessFFmpeg(t *testing.T) {
	testenv.NeedTool(t, "ffmpeg")
	tests := []struct {
		file string
		lag  int // where this package's first frame is in ffmpeg's decoding
	}{
		{"../testdata/gapless/chirp-22k.mp3", 0},
		{"../testdata/gapless/chirp-44k-id3.mp3", 0},
		{"../testdata/gapless/chirp-22k-notag.mp3", 529},
		{"../testdata/pack/lines/next.mp3", 529},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Open(data, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.Samples()
			if err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("ffmpeg", "-v", "error", "-i", tt.file, "-f", "s16le", "-ac", "1", "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			want := make([]float32, len(out)/2)
			for i := range want {
				want[i] = float32(int16(binary.LittleEndian.Uint16(out[2*i:]))) / (1 << 15)
			}
			lag, diff := bestLag(got, want, tt.lag-100, tt.lag+100)
			if lag < tt.lag-2 || lag > tt.lag+2 || diff > 2.0/(1<<15) {
				t.Errorf("lines up with ffmpeg's decoding %d frames in, differing by at most %.6f; want %d ±2, 0.00006", lag, diff, tt.lag)
			}
			if d := len(want) - tt.lag - len(got); tt.lag == 0 && (d < -2 || d > 2) {
				t.Errorf("%d frames; ffmpeg gives %d", len(got), len(want))
			}
		})
	}
}

// bestLag returns the lag from lo to hi at which x matches y[lag:] best,
// by the mean squared difference, and the largest difference at that lag.
func bestLag(x, y []float32, lo, hi int) (lag int, maxDiff float64) {
	best := math.Inf(1)
	for l := lo; l <= hi; l++ {
		var sum float64
		var n int
		for i := max(0, -l); i < len(x) && i+l < len(y); i++ {
			d := float64(x[i] - y[i+l])
			sum += d * d
			n++
		}
		if n > len(x)/2 && sum/float64(n) < best {
			best, lag = sum/float64(n), l
		}
	}
	for i := max(0, -lag); i < len(x) && i+lag < len(y); i++ {
		maxDiff = max(maxDiff, math.Abs(float64(x[i]-y[i+lag])))
	}
	return lag, maxDiff
}
