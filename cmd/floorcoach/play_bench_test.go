//go:build !darwin && !windows

package main

import (
	"context"
	"flag"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/player"
	"github.com/urfave/cli/v2"
)

// loadSession does what play does before it opens the sound output.
func loadSession(b *testing.B, name string) *plan { return loadTestPlan(b, name) }

// BenchmarkPlayStart times play lower-back from loading the script to the
// first frame heard, on each kind of server: the first frame of step 1
// with --from 1 (so the frame is a voice line), with the clip cache warm
// and with no cache at all. Each round leaves the sink idle for 2 s first.
func BenchmarkPlayStart(b *testing.B) {
	for _, k := range pulsetest.Kinds {
		b.Run(string(k), func(b *testing.B) {
			pulsetest.StartKind(b, k)
			benchmarkPlayStart(b)
		})
	}
}

func benchmarkPlayStart(b *testing.B) {
	for _, cache := range []string{"warm", "off"} {
		b.Run(cache, func(b *testing.B) {
			if cache == "off" {
				b.Setenv("FLOORCOACH_CACHE", "off")
			} else {
				p := loadSession(b, "lower-back")
				p.preload()
			}
			var total time.Duration
			for b.Loop() {
				total += startOnce(b)
				time.Sleep(2 * time.Second) // the rest of the session decodes in the background
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-to-sound")
		})
	}
}

func startOnce(b *testing.B) time.Duration {
	begin := time.Now()
	p := loadSession(b, "lower-back")
	from, _ := p.timeline.StartOf(1)
	spk, src, err := prepare(p, mixSettings{tones: 1}, nil, from, 1)
	if err != nil {
		b.Fatal(err)
	}
	defer spk.Close()
	live := player.NewLive(p.timeline, spk, src, 1)
	done := make(chan error, 1)
	go func() { done <- live.Run(context.Background()) }()
	for live.Status().Pos <= from {
		time.Sleep(100 * time.Microsecond)
	}
	took := time.Since(begin)
	live.Stop()
	<-done
	return took
}

// BenchmarkPlayCPU plays lower-back as play does, not on a terminal, on
// each kind of server, and reports the CPU time the process uses over 10 s
// of playing, from 3 s after the start, as a share of one core:
//   - steady: with the session's clips decoded before it starts, as every
//     play is once its first seconds are over;
//   - first: the very first play of a session, with an empty cache of
//     decoded clips, which decodes the clips from MP3 and writes them to
//     the cache in the background during the first seconds.
//
// A session played before loads its clips from the cache in those seconds
// instead: run it with FLOORCOACH_CACHE set to a cache of your own that the
// first run fills.
func BenchmarkPlayCPU(b *testing.B) {
	for _, k := range pulsetest.Kinds {
		b.Run(string(k), func(b *testing.B) {
			pulsetest.StartKind(b, k)
			b.Run("steady", func(b *testing.B) { benchmarkPlayCPU(b, true) })
			b.Run("first", func(b *testing.B) {
				if os.Getenv("FLOORCOACH_CACHE") == cacheOfTheTests {
					b.Setenv("FLOORCOACH_CACHE", b.TempDir())
				}
				benchmarkPlayCPU(b, false)
			})
		})
	}
}

func benchmarkPlayCPU(b *testing.B, warm bool) {
	b.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
	p := loadSession(b, "lower-back")
	if warm {
		var texts []string
		for _, e := range p.timeline.Events {
			if e.Spoken() {
				texts = append(texts, e.Text)
			}
		}
		if err := p.voice.Preload(texts); err != nil {
			b.Fatal(err)
		}
	}
	spk, src, err := prepare(p, mixSettings{tones: 1}, nil, 0, 1)
	if err != nil {
		b.Fatal(err)
	}
	defer spk.Close()
	live := player.NewLive(p.timeline, spk, src, 1)
	app := newApp(strings.NewReader(""), io.Discard, io.Discard)
	c := cli.NewContext(app, flag.NewFlagSet("play", flag.ContinueOnError), nil)
	done := make(chan error, 1)
	go func() { done <- play(context.Background(), c, p, live) }()
	time.Sleep(3 * time.Second)
	cpu0, wall0 := cpuTime(b), time.Now()
	time.Sleep(10 * time.Second)
	cpu, wall := cpuTime(b)-cpu0, time.Since(wall0)
	live.Stop()
	<-done
	b.ReportMetric(100*cpu.Seconds()/wall.Seconds(), "%cpu")
}

func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
