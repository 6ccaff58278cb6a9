//go:build !darwin && !windows

package speaker

import (
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
)

// BenchmarkResponse measures, on each kind of server, how soon the sound
// follows the speaker, as the wall clock and the server's count of frames
// played see it; each round plays 3 s from a sink left idle:
//
//	ms-first   Open, then Play, to the first frame heard
//	ms-pause   sound heard after Pause (what the server had taken); below
//	           0 when Position, which moves on with the wall clock between
//	           the server's answers, had run ahead of what it took
//	ms-resume  Resume to the next frame heard
//	ms-seek    SeekTo to the target heard
//	ms-end     the last frame heard to Play's return
func BenchmarkResponse(b *testing.B) {
	for _, k := range pulsetest.Kinds {
		b.Run(string(k), func(b *testing.B) {
			pulsetest.StartKind(b, k)
			var sum [5]time.Duration
			for b.Loop() {
				r := responseRound(b)
				for i := range sum {
					sum[i] += r[i]
				}
			}
			for i, unit := range []string{"ms-first", "ms-pause", "ms-resume", "ms-seek", "ms-end"} {
				b.ReportMetric(float64(sum[i].Microseconds())/1e3/float64(b.N), unit)
			}
		})
	}
}

// responseRound plays one round of BenchmarkResponse.
func responseRound(b *testing.B) (r [5]time.Duration) {
	begin := time.Now()
	spk, err := Open(Options{})
	if err != nil {
		b.Fatal(err)
	}
	src := newTone(3 * time.Second)
	done := make(chan error, 1)
	go func() { done <- spk.Play(b.Context(), src) }()
	at := heardAfter(b, spk, 0)
	r[0] = at.Sub(begin)
	heardAfter(b, spk, audio.Frames(500*time.Millisecond))
	before := spk.Position()
	if err := spk.Pause(); err != nil {
		b.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	held := spk.Position()
	r[1] = audio.Duration(held - before)
	resumed := time.Now()
	spk.Resume()
	r[2] = heardAfter(b, spk, held).Sub(resumed)
	heardAfter(b, spk, held+audio.Frames(300*time.Millisecond))
	target := audio.Frames(2 * time.Second)
	seeked := time.Now()
	spk.SeekTo(target)
	r[3] = heardAfter(b, spk, target).Sub(seeked)
	last := heardAfter(b, spk, src.Len()-1)
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	r[4] = time.Since(last)
	spk.Close()
	time.Sleep(2500 * time.Millisecond) // with no stream, PulseAudio's null sink renders 2 s at a time again
	return r
}

// heardAfter polls until Position passes frame, and returns when.
func heardAfter(b *testing.B, spk *Speaker, frame int64) time.Time {
	at, ok := firstHeard(spk, frame, 5*time.Second)
	if !ok {
		b.Fatalf("frame %d not heard within 5 s", frame)
	}
	return at
}
