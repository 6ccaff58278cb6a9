package music

import (
	"testing"

	"github.com/floorcoach/floorcoach/audio"
)

// BenchmarkResample48k resamples a minute of stereo from 48 kHz, and
// reports how many times faster than real time.
func BenchmarkResample48k(b *testing.B) {
	l, r := make([]float32, 8192), make([]float32, 8192)
	for b.Loop() {
		s := newResampler(&sineDecoder{rate: 48000, hz: 1000, length: 60 * 48000}, audio.SampleRate)
		for {
			if _, err := s.Read(l, r); err != nil {
				break
			}
		}
	}
	b.ReportMetric(60*float64(b.N)/b.Elapsed().Seconds(), "x-realtime")
}
