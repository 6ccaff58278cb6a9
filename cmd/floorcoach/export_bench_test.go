package main

import (
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/encode"
)

// benchMusic writes, once per process, three minutes of stereo "music" as
// an MP3 at 44.1 kHz, 128 kbit/s, as a music player's library holds: a
// chord over soft noise, changing every few seconds.
func benchMusic(b *testing.B) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), "floorcoach-bench-music.mp3")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	const secs = 180
	src := &synthMusic{n: secs * audio.SampleRate, r: rand.New(rand.NewPCG(7, 7))}
	f, err := os.CreateTemp(os.TempDir(), "music-*.mp3")
	if err != nil {
		b.Fatal(err)
	}
	defer os.Remove(f.Name())
	if err := encode.Write(f, encode.MP3, src, audio.Meta{}, encode.Options{Bitrate: 128}); err != nil {
		b.Fatal(err)
	}
	f.Close()
	if err := os.Rename(f.Name(), path); err != nil {
		b.Fatal(err)
	}
	return path
}

// synthMusic is an audio.Source of a slowly changing chord over noise.
type synthMusic struct {
	n, pos int64
	r      *rand.Rand
}

func (s *synthMusic) Len() int64 { return s.n }

func (s *synthMusic) Read(p []int16) (int, error) {
	if s.pos >= s.n {
		return 0, io.EOF
	}
	frames := min(int64(len(p)/2), s.n-s.pos)
	for i := range frames {
		t := float64(s.pos+i) / audio.SampleRate
		root := []float64{220, 196, 247, 175}[int(t/4)%4]
		v := 0.2*math.Sin(2*math.Pi*root*t) + 0.15*math.Sin(2*math.Pi*root*1.5*t) + 0.1*math.Sin(2*math.Pi*root*2.52*t)
		l := v + 0.05*s.r.NormFloat64()
		r := v + 0.05*s.r.NormFloat64()
		p[2*i], p[2*i+1] = int16(l*32767), int16(r*32767)
	}
	s.pos += frames
	return int(2 * frames), nil
}

// BenchmarkExportWithMusic exports lower-back with three minutes of MP3
// music looped under it, as WAV to nowhere, clips decoded beforehand (a
// warm cache), and reports how many times faster than real time.
func BenchmarkExportWithMusic(b *testing.B) {
	music := benchMusic(b)
	for _, tc := range []struct{ name, music string }{{"voice", ""}, {"music", music}} {
		b.Run(tc.name, func(b *testing.B) {
			args := []string{"floorcoach", "export", "lower-back", "-o", "-", "-q"}
			if tc.music != "" {
				args = append(args, "--music", tc.music)
			}
			p := loadTestPlan(b, "lower-back")
			p.preload()
			length := float64(p.timeline.Length) / audio.SampleRate
			b.ReportAllocs()
			for b.Loop() {
				if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
			b.ReportMetric(length*float64(b.N)/b.Elapsed().Seconds(), "x-realtime")
		})
	}
}
