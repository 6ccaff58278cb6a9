package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

func TestClipsSheet(t *testing.T) {
	script := clipsSetup(t)
	code, out, stderr := runApp(t, "clips", "sheet", script)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := `Recording sheet: Hip opener (voice "default": 9 of 19 lines to record)

Record each line into its own WAV or MP3 file named as shown, all in one
folder, then add them to your voice pack:
    floorcoach clips add ` + script + ` FOLDER --into mine

  1. Hip opener
     file: 01-hip-opener.wav
  2. Stop if it hurts.
     file: 02-stop-if-it-hurts.wav
  3. Figure four
     file: 03-figure-four.wav
  4. Cross one ankle over the other knee.
     file: 04-cross-one-ankle-over-the-other-knee.wav
  8. Seven seconds left.
     file: 08-seven-seconds-left.wav
 14. Butterfly
     file: 14-butterfly.wav
 15. Open
     file: 15-open.wav
 16. Close
     file: 16-close.wav
 19. Breathe out.
     file: 19-breathe-out.wav
`
	if out != want {
		t.Errorf("sheet:\n%s\nwant:\n%s", out, want)
	}
	_, all, _ := runApp(t, "clips", "sheet", script, "--all")
	if !strings.Contains(all, "(voice \"default\": 19 of 19 lines to record)") || !strings.Contains(all, "  5. Right side.\n     file: 05-right-side.wav\n") {
		t.Errorf("sheet --all:\n%s", all)
	}
}

// Recordings named as on the sheet go into the pack, trimmed and as loud
// as the default voice; files that match no line or cannot be read are
// reported, and lines the pack has are kept.
func TestClipsAdd(t *testing.T) {
	script := clipsSetup(t)
	rec := t.TempDir()
	writeTone(t, filepath.Join(rec, "01-hip-opener.wav"), 0.05)
	writeTone(t, filepath.Join(rec, "figure-four.wav"), 0.5) // no number: the words say which line
	writeTone(t, filepath.Join(rec, "15-open.WAV"), 0.2)
	writeTone(t, filepath.Join(rec, "99-unknown.wav"), 0.2)
	testenv.WriteFile(t, filepath.Join(rec, "16-close.wav"), "a broken recording")
	testenv.WriteFile(t, filepath.Join(rec, "notes.txt"), "take 2 was better")
	dir := testenv.TempPath(t, "anna")
	code, _, stderr := runApp(t, "clips", "add", script, rec, "--into", dir)
	for _, want := range []string{
		"floorcoach: 99-unknown.wav: matches no line of the sheet",
		`floorcoach: audio: decode clip "` + filepath.Join(rec, "16-close.wav") + `": not a WAV file (no RIFF WAVE header)`,
		"added 3 clips to " + dir,
		"floorcoach: 2 of 5 files could not be added",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	v, err := pack.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Hip opener", "Figure four", "Open"} {
		s, err := v.Sound(text)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if l, _ := speech.Loudness(s.Samples, audio.SampleRate, speech.Block); !audiotest.Near(l, speech.LUFS, 0.3) {
			t.Errorf("%q: %.2f LUFS, want the default voice's %.1f", text, l, speech.LUFS)
		}
	}
	_, out, _ := runApp(t, "clips", "missing", script, "--voice", dir)
	if strings.Contains(out, "Hip opener") || strings.Count(out, "needed by") != 6 {
		t.Errorf("missing after add:\n%s", out)
	}
	os.Remove(filepath.Join(rec, "16-close.wav"))
	os.Remove(filepath.Join(rec, "99-unknown.wav"))
	code, _, stderr = runApp(t, "clips", "add", script, rec, "--into", dir)
	if code != 0 || !strings.Contains(stderr, `01-hip-opener.wav: kept the clip the pack has for "Hip opener"`) || !strings.Contains(stderr, "added 0 clips") {
		t.Errorf("adding again: exit %d:\n%s", code, stderr)
	}
}
