package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// roundsScript has a spoken step, a repeated step and a rest of its own,
// so that its chapters must tell rounds apart and cover rests.
const roundsScript = `title: Rounds
warning: Go gently.
defaults: {ready: 2s, rest: 3s, remind: []}
steps:
  - say: Lie on your back.
  - repeat: 2
    steps:
      - name: Knee rock
        hold: 5s
  - rest: 4s
  - name: Stretch
    hold: 5s
    sides: [right, left]
closing: Well done.
`

// Every format the CLI writes is accepted by ffprobe, with chapters that
// cover the whole file, from 0 to its end without a gap: an opening
// chapter, then one per step at the timeline's spans, each up to the next
// one's start, rounds told apart, the last one ending with the audio. And
// each is at its loudness by ffmpeg's ebur128 filter: -16 LUFS within 1
// LU, its true peak at most -1 dBTP.
func TestExportChaptersCoverTheFile(t *testing.T) {
	testenv.NeedTool(t, "ffprobe", "ffmpeg")
	rounds := filepath.Join(t.TempDir(), "rounds.yaml")
	if err := os.WriteFile(rounds, []byte(roundsScript), 0o644); err != nil {
		t.Fatal(err)
	}
	// demo: a step with sides, one with reps, the rest between them; the
	// encoders' own tests cover long sources.
	for _, session := range []string{"demo", rounds} {
		tl := timelineOf(t, session)
		want := tl.Chapters()
		if len(want) != len(tl.Steps)+1 {
			t.Fatalf("%s: %d chapters for %d steps, want an opening one and one per step", session, len(want), len(tl.Steps))
		}
		for _, ext := range []string{"wav", "mp3", "flac"} {
			t.Run(filepath.Base(session)+"/"+ext, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "s."+ext)
				if code, _, stderr := runApp(t, "export", session, "-o", out, "-q"); code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				p := audiotest.FFprobe(t, out)
				length := float64(tl.Length) / audio.SampleRate
				if got := int64(len(audiotest.FFmpegDecode(t, out)) / audio.Channels); got != tl.Length {
					t.Errorf("decodes to %d frames, the timeline has %d", got, tl.Length)
				}
				// ffprobe's duration counts whole MP3 frames (26 ms each).
				if d := audiotest.Seconds(t, p.Format.Duration) - length; d < -0.001 || d > 0.053 {
					t.Errorf("duration %s, timeline %.3f", p.Format.Duration, length)
				}
				checkCover(t, p, length)
				checkLoudness(t, out, defaultLoudness)
				if len(p.Chapters) != len(want) {
					t.Fatalf("%d chapters, want %d", len(p.Chapters), len(want))
				}
				for i, c := range p.Chapters {
					w := want[i]
					if c.Tags["title"] != w.Title || math.Abs(audiotest.Seconds(t, c.StartTime)-float64(w.Start)/audio.SampleRate) > 0.001 {
						t.Errorf("chapter %d = %q at %s, want %q at %.3f", i+1, c.Tags["title"], c.StartTime, w.Title, float64(w.Start)/audio.SampleRate)
					}
				}
			})
		}
	}
}

// checkCover checks that chapters run from 0 to the end of the audio, each
// ending where the next begins, with titles that differ.
func checkCover(t *testing.T, p audiotest.Probe, length float64) {
	t.Helper()
	if len(p.Chapters) == 0 {
		t.Fatal("no chapters")
	}
	titles := map[string]bool{}
	at := 0.0
	for i, c := range p.Chapters {
		start, end := audiotest.Seconds(t, c.StartTime), audiotest.Seconds(t, c.EndTime)
		if math.Abs(start-at) > 0.001 || end <= start {
			t.Errorf("chapter %d %q runs %s to %s, want it to start at %.3f", i+1, c.Tags["title"], c.StartTime, c.EndTime, at)
		}
		if titles[c.Tags["title"]] {
			t.Errorf("chapter %d: title %q twice", i+1, c.Tags["title"])
		}
		titles[c.Tags["title"]] = true
		at = end
	}
	if math.Abs(at-length) > 0.001 {
		t.Errorf("the last chapter ends at %.3f, the audio at %.3f", at, length)
	}
}
