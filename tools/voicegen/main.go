// Command voicegen makes floorcoach's default voice pack from text.
//
// Usage, from the repository root:
//
//	go run ./tools/voicegen [-lines audio/pack/voices/default/lines.txt]
//	    [-out audio/pack/voices/default] [-jobs N] [-only-missing] [-check]
//
// It reads lines.txt (one line of speech per line) and makes one MP3 clip
// per line, out/clips/<slug>.mp3, then writes out/voice.yaml mapping each
// line's text to its clip, in the order of lines.txt, and removes clips no
// line names any more. Each clip is:
//
//  1. said by festival with the CMU SLT HTS voice (text2wave), or by
//     flite's SLT voice when festival is not installed;
//  2. high-passed at 70 Hz, resampled to 22050 Hz, cleared of the faint
//     buzz festival leaves at the end, and measured: K-weighted loudness
//     over 100 ms blocks, gated as in ITU-R BS.1770;
//  3. brought to -19 LUFS, peaks above -4 dBFS held down by a look-ahead
//     limiter;
//  4. trimmed of the quiet at both ends, keeping 30 ms, with short fades;
//  5. encoded by lame: mono, 22050 Hz, 56 kbit/s CBR, with a LAME tag
//     frame giving the encoder delay and padding, which the player drops
//     along with the frame itself; then decoded as the player does (the
//     audio package) and measured, and steps 3 to 5 done again with the
//     gain corrected, up to six times, keeping the rendering nearest the
//     target.
//
// The same tools give the same bytes: running it twice changes nothing.
// Lines run in parallel (-jobs, one per CPU by default); -only-missing
// makes only the clips that do not exist yet. -check makes nothing: it
// decodes every clip as the player does, prints its length, loudness, peak
// and the quiet at each end, and fails if any is out of bounds.
//
// It needs festival, festvox-us-slt-hts, ffmpeg and lame (Debian package
// names). Progress goes to standard error; a failing step stops the run
// with one line naming the line and the command's error output.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
)

type options struct {
	lines, out  string
	jobs        int
	onlyMissing bool
	check       bool
}

func main() {
	var o options
	flag.StringVar(&o.lines, "lines", "audio/pack/voices/default/lines.txt", "the lines to say, one per line")
	flag.StringVar(&o.out, "out", "audio/pack/voices/default", "the voice pack folder to write")
	flag.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "lines made at once")
	flag.BoolVar(&o.onlyMissing, "only-missing", false, "make only the clips that do not exist yet")
	flag.BoolVar(&o.check, "check", false, "make nothing; check the clips and print a table of them")
	flag.Parse()
	if flag.NArg() > 0 || o.jobs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "voicegen:", err)
		stop()
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	clips, err := readLines(o.lines)
	if err != nil {
		return err
	}
	nameClips(clips)
	if o.check {
		return checkPack(os.Stdout, o.out, clips)
	}
	e, err := findEngine()
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "voicegen: %d lines, saying them with %s\n", len(clips), e.Name)
	if err := makeClips(ctx, e, o, clips); err != nil {
		return err
	}
	if err := saveVoiceYAML(o.out, clips, e.Name); err != nil {
		return err
	}
	return removeStale(o.out, clips)
}
