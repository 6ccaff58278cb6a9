package main

import (
	"context"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
)

func TestScratchStartup(t *testing.T) {
	t0 := time.Now()
	s, _ := scripts.Load("/tmp/scratch/short.yaml")
	v, _ := audio.DefaultVoice()
	t1 := time.Now()
	tl, _ := player.Build(s, v, player.Options{})
	t2 := time.Now()
	spk, err := speaker.Open(speaker.Options{})
	if err != nil { t.Fatal(err) }
	t3 := time.Now()
	src, _ := tl.Stream(v, 0)
	t4 := time.Now()
	l := player.NewLive(tl, spk, &logSrc{src, t, t4}, 1)
	go l.Run(context.Background())
	for l.Status().Pos == 0 { time.Sleep(time.Millisecond) }
	t5 := time.Now()
	t.Logf("load %v build %v open %v stream %v firstframe %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4))
	time.Sleep(2*time.Second)
	t.Logf("pos after 2s: %v", audio.Duration(l.Status().Pos))
	l.Stop()
}

type logSrc struct{ audio.Seeker; t *testing.T; t0 time.Time }

func (l *logSrc) Read(p []int16) (int, error) {
	a := time.Now()
	n, err := l.Seeker.Read(p)
	if d := time.Since(a); d > time.Millisecond || l.Pos() < 100000 {
		l.t.Logf("read %d at %v took %v -> %d %v", len(p), a.Sub(l.t0), d, n, err)
	}
	return n, err
}
