package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// How every clip is made (README.md says why).
const (
	rate        = 22050 // Hz, mono: the MP3's rate
	highpassHz  = 70    // removes DC and rumble below the voice
	targetLUFS  = -19.0 // speech loudness of every clip, as decoded
	tolerance   = 0.1   // LU: how close to targetLUFS a clip is made
	maxTries    = 6     // renderings at most, each correcting the gain by what it missed
	speechBlock = 0.100 // s: loudness block, short so single words measure fairly
	limitDB     = -4.0  // dBFS: the limiter's ceiling, below maxPeakDB for MP3 overshoot
	maxPeakDB   = -3.0  // dBFS: no decoded sample may peak above this
	trimDB      = -35.0 // dB below targetLUFS: quieter than this at either end is silence
	keepSec     = 0.030 // s of the quiet before and after speech kept
	fadeInSec   = 0.010 // s: fades over the kept quiet, so the cuts never click
	fadeOutSec  = 0.015
	buzzSec     = 0.040 // s: festival's HTS voice ends each line with a faint buzz…
	buzzDB      = -25.0 // dB: …this far below the speech, at most
	bitrate     = "56"  // kbit/s, constant: the least at which lame writes its LAME tag at 22.05 kHz
)

// makeClip makes one clip in the scratch folder dir and moves it to dest.
// Limiting and MP3 coding both change the loudness a little (lame's
// quantizer, by up to a dB and not smoothly), so each rendering is decoded
// and measured, the gain corrected, and the closest rendering kept.
func makeClip(ctx context.Context, e engine, text, dir, dest string) error {
	raw, err := e.synthesize(ctx, text, dir)
	if err != nil {
		return err
	}
	voice, try, best := filepath.Join(dir, "voice.f32"), filepath.Join(dir, "try.mp3"), filepath.Join(dir, "best.mp3")
	l, err := prepare(ctx, raw, voice)
	if err != nil {
		return err
	}
	gain, bestMiss := targetLUFS-l, math.Inf(1)
	for n := 1; n <= maxTries && bestMiss > tolerance; n++ {
		if err := render(ctx, voice, gain, dir, try); err != nil {
			return err
		}
		got, err := clipLoudness(try)
		if err != nil {
			return err
		}
		if miss := math.Abs(targetLUFS - got); miss < bestMiss {
			if err := os.Rename(try, best); err != nil {
				return err
			}
			bestMiss = miss
		}
		step := targetLUFS - got
		if n > 1 {
			step /= 2 // what is left is the quantizer's jitter: approach it gently
		}
		gain += step
	}
	return moveFile(best, dest)
}

// moveFile moves a file, also across file systems, replacing dest only
// once the whole file is there.
func moveFile(from, dest string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return writeAtomic(dest, data)
}

// prepare high-passes and resamples the synthesizer's output into voice, as
// mono float samples, drops the buzz at its end, and returns its loudness.
func prepare(ctx context.Context, raw, voice string) (float64, error) {
	filter := fmt.Sprintf("highpass=f=%d,aresample=%d", highpassHz, rate)
	if err := ffmpeg(ctx, []string{"-i", raw}, filter, "-ac", "1", "-f", "f32le", voice); err != nil {
		return 0, err
	}
	samples, err := readFloats(voice)
	if err != nil {
		return 0, err
	}
	l, ok := loudness(samples, rate, speechBlock)
	if !ok {
		return 0, fmt.Errorf("the synthesizer made no sound (%d samples)", len(samples))
	}
	if n := keepBeforeBuzz(samples, l); n < len(samples) {
		return l, os.Truncate(voice, int64(4*n))
	}
	return l, nil
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
		if rmsDB(samples[i:i+win]) > l+buzzDB {
			return len(samples)
		}
	}
	return len(samples) - n
}

// render makes an MP3 of voice with gain dB, limited and trimmed. lame
// writes a LAME tag frame with its encoder delay and padding, which the
// player reads to drop them (and the frame) so the clip starts on time.
func render(ctx context.Context, voice string, gain float64, dir, mp3 string) error {
	wav := filepath.Join(dir, "clip.wav")
	if err := ffmpeg(ctx, rawInput(voice), limitChain(gain)+","+trimChain(), "-c:a", "pcm_s16le", wav); err != nil {
		return err
	}
	return command(ctx, "lame", "--silent", "-m", "m", "--resample", "22.05",
		"-b", bitrate, "-q", "2", "--noreplaygain", wav, mp3)
}

// clipLoudness decodes an MP3 clip as the player does (tag frame, delays
// and padding removed) and returns its speech loudness.
func clipLoudness(path string) (float64, error) {
	samples, sampleRate, err := decodeClip(path)
	if err != nil {
		return 0, fmt.Errorf("decode %s: %w", filepath.Base(path), err)
	}
	l, ok := loudness(samples, float64(sampleRate), speechBlock)
	if !ok {
		return 0, fmt.Errorf("decode %s: no sound", filepath.Base(path))
	}
	return l, nil
}

// readFloats reads a file of little-endian float32 samples.
func readFloats(path string) ([]float32, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	samples := make([]float32, len(data)/4)
	for i := range samples {
		samples[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[4*i:]))
	}
	return samples, nil
}

// limitChain is the ffmpeg filter that applies the gain, with a look-ahead
// limiter holding peaks to limitDB (its delay compensated).
func limitChain(gainDB float64) string {
	return fmt.Sprintf("volume=%.3fdB,alimiter=limit=%.6f:level=disabled:attack=5:release=50:latency=1",
		gainDB, math.Pow(10, limitDB/20))
}

// trimChain is the ffmpeg filter that trims the quiet at both ends, keeping
// keepSec of it, and fades over what is kept so the cuts never click. The
// end is trimmed and faded by reversing the sound.
func trimChain() string {
	trim := fmt.Sprintf("silenceremove=start_periods=1:start_threshold=%gdB:start_silence=%g:detection=rms:window=0.01",
		targetLUFS+trimDB, keepSec)
	return strings.Join([]string{
		trim, "areverse", trim,
		fmt.Sprintf("afade=t=in:d=%g", fadeOutSec), "areverse",
		fmt.Sprintf("afade=t=in:d=%g", fadeInSec),
	}, ",")
}

// ffmpeg runs ffmpeg on input with one filter, then the output options.
func ffmpeg(ctx context.Context, input []string, filter string, output ...string) error {
	args := append([]string{"-nostdin", "-v", "error", "-y"}, input...)
	args = append(append(args, "-af", filter), output...)
	return command(ctx, "ffmpeg", args...)
}

// rawInput is ffmpeg's input options for a file of mono float samples.
func rawInput(path string) []string {
	return []string{"-f", "f32le", "-ar", strconv.Itoa(rate), "-ac", "1", "-i", path}
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
