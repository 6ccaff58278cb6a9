//go:build !darwin && !windows

package main

import (
	"context"
	"flag"
	"io"
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
// of playing, once the start-up decoding is over, as a share of one core.
func BenchmarkPlayCPU(b *testing.B) {
	for _, k := range pulsetest.Kinds {
		b.Run(string(k), func(b *testing.B) {
			pulsetest.StartKind(b, k)
			benchmarkPlayCPU(b)
		})
	}
}

func benchmarkPlayCPU(b *testing.B) {
	b.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
	p := loadSession(b, "lower-back")
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
