package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/floorcoach/floorcoach/audio/decode"
	"github.com/floorcoach/floorcoach/audio/speech"
)

// Bounds -check holds every clip to.
const (
	minDuration  = 0.25 // s
	maxEdge      = 0.10 // s of quiet before or after speech, as the player decodes it
	edgeDB       = speech.LUFS + speech.TrimDB - 3
	loudnessSpan = 1.0 // LU either side of speech.LUFS
)

// stats describes one decoded clip.
type stats struct {
	Duration   float64 // s
	Speech     float64 // LUFS over speech.Block blocks, as the clip was made to
	Integrated float64 // LUFS, BS.1770 (400 ms blocks, the clip in silence)
	Peak       float64 // dBFS, sample peak
	Lead, Tail float64 // s before the first and after the last 10 ms above edgeDB
	Bytes      int64
	Text       string
}

// decodeClip reads an MP3 clip as the player decodes it, with the decode
// package: mono, at the clip's rate, without the LAME tag frame, the
// encoder's and decoder's delays or the padding. It returns the samples
// and the sample rate.
func decodeClip(path string) ([]float32, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	return decode.MP3(data)
}

// measure works out the stats of a decoded clip.
func measure(samples []float32, sampleRate int) stats {
	r := float64(sampleRate)
	s := stats{Duration: float64(len(samples)) / r}
	s.Speech, _ = speech.Loudness(samples, sampleRate, speech.Block)
	pad := make([]float32, sampleRate*2/5)
	s.Integrated, _ = speech.Loudness(slices.Concat(pad, samples, pad), sampleRate, 400*time.Millisecond)
	peak := 0.0
	for _, v := range samples {
		peak = max(peak, math.Abs(float64(v)))
	}
	s.Peak = 20 * math.Log10(peak)
	win := sampleRate / 100
	loud := func(i int) bool { return speech.RMSDB(samples[i*win:(i+1)*win]) > edgeDB }
	n := len(samples) / win
	first, last := 0, n-1
	for first < n && !loud(first) {
		first++
	}
	for last >= 0 && !loud(last) {
		last--
	}
	s.Lead = float64(first*win) / r
	s.Tail = float64(len(samples)-(last+1)*win) / r
	return s
}

// problems says what is out of bounds in a clip's stats.
func (s stats) problems() []string {
	var p []string
	if s.Duration < minDuration {
		p = append(p, fmt.Sprintf("only %.2f s long", s.Duration))
	}
	if s.Peak > maxPeakDB {
		p = append(p, fmt.Sprintf("peaks at %.2f dBFS, above %g", s.Peak, maxPeakDB))
	}
	if math.Abs(s.Speech-speech.LUFS) > loudnessSpan {
		p = append(p, fmt.Sprintf("loudness %.1f LUFS, not within %g LU of %g", s.Speech, loudnessSpan, speech.LUFS))
	}
	if s.Lead > maxEdge || s.Tail > maxEdge {
		p = append(p, fmt.Sprintf("%.3f s of quiet before speech and %.3f s after, more than %g", s.Lead, s.Tail, maxEdge))
	}
	return p
}

// checkPack decodes every clip of the pack in dir, prints a table of their
// stats and a summary to w, and returns an error listing what is wrong.
func checkPack(w io.Writer, dir string, clips []clip) error {
	var all []stats
	var errs []error
	fmt.Fprintf(w, "%4s %6s %7s %7s %7s %6s %6s  %s\n", "line", "sec", "speech", "integr", "peak", "lead", "tail", "text")
	for _, c := range clips {
		path := filepath.Join(dir, c.File)
		samples, sampleRate, err := decodeClip(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c.File, err))
			continue
		}
		s := measure(samples, sampleRate)
		s.Text = c.Text
		if fi, err := os.Stat(path); err == nil {
			s.Bytes = fi.Size()
		}
		all = append(all, s)
		fmt.Fprintf(w, "%4d %6.3f %7.2f %7.2f %7.2f %6.3f %6.3f  %s\n",
			c.Line, s.Duration, s.Speech, s.Integrated, s.Peak, s.Lead, s.Tail, c.Text)
		for _, p := range s.problems() {
			errs = append(errs, fmt.Errorf("%s (%q): %s", c.File, c.Text, p))
		}
	}
	summarize(w, all)
	errs = append(errs, checkFiles(dir, clips)...)
	return errors.Join(errs...)
}
