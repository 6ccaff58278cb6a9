package player

import (
	"testing"

	"github.com/floorcoach/floorcoach/scripts"
)

// BenchmarkBuild lays out lower-back at the full level in the default
// voice: the whole timeline, with the pacing rules, every time.
func BenchmarkBuild(b *testing.B) {
	s, err := scripts.Builtin("lower-back")
	if err != nil {
		b.Fatal(err)
	}
	v := defaultVoice(b)
	b.ReportAllocs()
	var events int
	for b.Loop() {
		tl, err := Build(s, v, Options{Level: scripts.Full})
		if err != nil {
			b.Fatal(err)
		}
		events = len(tl.Events)
	}
	b.ReportMetric(float64(events)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
