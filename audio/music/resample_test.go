package music

import (
	"io"
	"math"
	"testing"

	"github.com/floorcoach/floorcoach/internal/audiotest"
)

// sineDecoder is a decoder of a sine held in memory, to measure the
// resampler alone.
type sineDecoder struct {
	rate   int
	hz     float64
	length int64
	pos    int64
}

func (s *sineDecoder) Rate() int      { return s.rate }
func (s *sineDecoder) Channels() int  { return 2 }
func (s *sineDecoder) Len() int64     { return s.length }
func (s *sineDecoder) Close() error   { return nil }
func (s *sineDecoder) Seekable() bool { return true }
func (s *sineDecoder) SeekFrame(f int64) error {
	s.pos = f
	return nil
}
func (s *sineDecoder) Read(l, r []float32) (int, error) {
	n := int(min(int64(len(l)), s.length-s.pos))
	if n <= 0 {
		return 0, io.EOF
	}
	for i := range n {
		v := float32(0.5 * math.Sin(2*math.Pi*s.hz*float64(s.pos+int64(i))/float64(s.rate)))
		l[i], r[i] = v, v
	}
	s.pos += int64(n)
	return n, nil
}

// What both rates can hold comes through at its level, to 80% of the lower
// Nyquist frequency; what the output cannot hold (above its Nyquist
// frequency going down; the images of the input going up) is 60 dB down.
func TestResampleQuality(t *testing.T) {
	for _, tc := range []struct {
		from   int
		hz     float64
		wantHz float64 // where to look in the output
		wantDB float64
		tolDB  float64
		below  bool
	}{
		{48000, 1000, 1000, 0, 0.05, false},
		{48000, 17640, 17640, 0, 0.1, false},
		{48000, 23000, 44100 - 23000, -60, 0, true}, // would alias to 21.1 kHz
		{22050, 8820, 8820, 0, 0.1, false},
		{22050, 9000, 22050 - 9000, -60, 0, true}, // the image
		{32000, 12800, 12800, 0, 0.1, false},
	} {
		s := newResampler(&sineDecoder{rate: tc.from, hz: tc.hz, length: int64(tc.from)}, 44100)
		l, _ := readAll(t, s)
		mid := l[10000:30000]
		got := audiotest.DBFS(audiotest.Goertzel(mid, 44100, tc.wantHz) / 0.5)
		if tc.below && got > tc.wantDB || !tc.below && math.Abs(got-tc.wantDB) > tc.tolDB {
			t.Errorf("%d Hz, %.0f Hz in: %.0f Hz out at %.2f dB, want %v", tc.from, tc.hz, tc.wantHz, got, tc.wantDB)
		}
	}
}
