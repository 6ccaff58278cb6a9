package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/floorcoach/floorcoach/audio/decode"
	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/internal/safefile"
)

// How every clip is made (README.md says why). The clean-up, loudness,
// limiter and trim are the speech package's, shared with "clips make".
const (
	rate      = 32000 // Hz, mono: festival's HTS voice's own rate, and the MP3's, so none of its band is lost
	maxPeakDB = -3.0  // dBFS: no decoded sample may peak above this (the limiter holds speech.LimitDB)
	buzzSec   = 0.040 // s: festival's HTS voice ends each line with a faint buzz…
	buzzDB    = -25.0 // dB: …this far below the speech, at most
	bitrate   = "96"  // kbit/s, constant: lame keeps the whole band (to 16 kHz) from 64 on; 96 leaves room
)

// makeClip makes one clip in the scratch folder dir and moves it to dest.
// Limiting and MP3 coding both change the loudness a little (lame's
// quantizer, by up to a dB and not smoothly), so each rendering is encoded,
// decoded and measured, the gain corrected, and the closest rendering kept.
func makeClip(ctx context.Context, e engine, text, dir, dest string) error {
	raw, err := e.synthesize(ctx, text, dir)
	if err != nil {
		return err
	}
	x, err := readVoice(raw)
	if err != nil {
		return err
	}
	mp3 := filepath.Join(dir, "clip.mp3")
	measure := func(y []float32, rate int) (float64, error) {
		if err := encodeMP3(ctx, y, rate, dir, mp3); err != nil {
			return 0, err
		}
		return clipLoudness(mp3)
	}
	y, rate, err := speech.PrepareMeasured(x, rate, measure)
	if err != nil {
		return err
	}
	if err := encodeMP3(ctx, y, rate, dir, mp3); err != nil {
		return err
	}
	return moveFile(mp3, dest)
}

// readVoice reads the synthesizer's output at rate, mono, without
// the buzz at its end.
func readVoice(raw string) ([]float32, error) {
	data, err := os.ReadFile(raw)
	if err != nil {
		return nil, err
	}
	x, made, err := speech.Read(data, raw)
	if err != nil {
		return nil, err
	}
	if made != rate {
		x = decode.Resample(x, made, rate)
	}
	hp := speech.HighPass(x, rate)
	l, ok := speech.Loudness(hp, rate, speech.Block)
	if !ok {
		return nil, fmt.Errorf("the synthesizer made no sound (%d samples)", len(x))
	}
	return x[:keepBeforeBuzz(hp, l)], nil
}

// moveFile moves a file, also across file systems, replacing dest only
// once the whole file is there.
func moveFile(from, dest string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return safefile.WriteFile(dest, data, true)
}

// keepBeforeBuzz returns how many samples to keep: all but the last buzzSec
// when nothing there comes within buzzDB of the speech loudness l. Lines
// that end on a fricative ("six") are loud to the very end and keep it.
func keepBeforeBuzz(samples []float32, l float64) int {
	n, win := int(buzzSec*rate), rate/200
	if n >= len(samples) {
		return len(samples)
	}
	for i := len(samples) - n; i+win <= len(samples); i += win {
		if speech.RMSDB(samples[i:i+win]) > l+buzzDB {
			return len(samples)
		}
	}
	return len(samples) - n
}

// encodeMP3 encodes a rendering as the clip's MP3. lame writes a LAME tag
// frame with its encoder delay and padding, which the player reads to drop
// them (and the frame) so the clip starts on time.
func encodeMP3(ctx context.Context, y []float32, rate int, dir, mp3 string) error {
	wav := filepath.Join(dir, "clip.wav")
	if err := os.WriteFile(wav, encode.MonoWAV(y, rate), 0o644); err != nil {
		return err
	}
	return command(ctx, "lame", "--silent", "-m", "m", "--resample", "32",
		"-b", bitrate, "-q", "2", "--noreplaygain", wav, mp3)
}

// clipLoudness decodes an MP3 clip as the player does (tag frame, delays
// and padding removed) and returns its speech loudness.
func clipLoudness(path string) (float64, error) {
	samples, sampleRate, err := decodeClip(path)
	if err != nil {
		return 0, fmt.Errorf("decode %s: %w", filepath.Base(path), err)
	}
	l, ok := speech.Loudness(samples, sampleRate, speech.Block)
	if !ok {
		return 0, fmt.Errorf("decode %s: no sound", filepath.Base(path))
	}
	return l, nil
}

// command runs a program. Its error names the program and ends with what it
// wrote to standard error, on one line.
func command(ctx context.Context, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.Join(strings.Fields(stderr.String()), " ")
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
		if msg != "" {
			return fmt.Errorf("%s: %w: %s", filepath.Base(name), err, msg)
		}
		return fmt.Errorf("%s: %w", filepath.Base(name), err)
	}
	return nil
}
