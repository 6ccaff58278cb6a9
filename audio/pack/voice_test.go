package pack

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Next:", "next"},
		{"Knee-to-chest.", "knee to chest"},
		{"  KNEE  to\tchest!! ", "knee to chest"},
		{"Child's pose", "childs pose"},
		{"Child’s pose", "childs pose"},
		{"Hold 20-30 seconds", "hold 20 30 seconds"},
		{"Étirement—doux…", "étirement doux"},
		{"...", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func testVoice(t *testing.T, dir string) *Voice {
	t.Helper()
	v, err := Load(os.DirFS("../testdata"), dir)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestVoiceMatching(t *testing.T) {
	v := testVoice(t, "pack")
	if v.Name != "testvoice" || v.Language != "en" {
		t.Errorf("Name, Language = %q, %q; want testvoice, en", v.Name, v.Language)
	}
	for _, text := range []string{"Knee-to-chest.", "knee to chest", "KNEE TO CHEST", " knee-to  chest! ", "next", "Next.", "NEXT:"} {
		if !v.Has(text) {
			t.Errorf("Has(%q) = false, want true", text)
		}
	}
	for _, text := range []string{"knee to", "nex", "kneetochest", ""} {
		if v.Has(text) {
			t.Errorf("Has(%q) = true, want false", text)
		}
	}
	want := []string{"Broken.", "Cut short", "Knee-to-chest.", "Left 48k", "Next:", "Sine 16k", "Sine 22k", "Sine 44k"}
	if got := v.Texts(); !slices.Equal(got, want) {
		t.Errorf("Texts() = %q, want %q", got, want)
	}
}

// TestVoiceClips decodes clips of several formats and rates and checks that
// each comes out at 44.1 kHz, exactly as long as Length says, at its pitch
// and level.
func TestVoiceClips(t *testing.T) {
	v := testVoice(t, "pack")
	// The MP3s have no LAME tag: only go-mp3's decoder delay is cut, 529
	// frames at 22.05 kHz from whole frames of 576.
	tests := []struct {
		text   string
		frames int64   // 0: not checked
		hz     float64 // 0: speech, not checked
		amp    float64
	}{
		{"Sine 16k", 22050, 440, 0.5},               // 8000 frames at 16 kHz
		{"Sine 22k", 2 * (22*576 - 529), 440, 0.5},  // 22 MP3 frames at 22.05 kHz
		{"Left 48k", 4410, 440, 0.3},                // 4800 stereo frames, mixed down
		{"Sine 44k", 8820, 660, 0.5},                // no resampling
		{"knee to chest", 46967, 0, 0},              // 17040 frames at 16 kHz: 46966.5 rounded up
		{"next", 0, 0, 0},                           // MP3 at 16 kHz
		{"cut short", 2 * (10*576 - 529), 440, 0.5}, // ends inside the 10th frame
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			n, ok := v.Length(tt.text)
			s, err := v.Sound(tt.text)
			if !ok || err != nil {
				t.Fatalf("Length ok = %v, audio.Sound error = %v", ok, err)
			}
			if int64(len(s.Samples)) != n {
				t.Errorf("Sound has %d frames, Length says %d", len(s.Samples), n)
			}
			if tt.frames != 0 && n != tt.frames {
				t.Errorf("Length = %d, want %d", n, tt.frames)
			}
			if tt.hz == 0 {
				if rms := audiotest.RMS(s.Samples); rms < 0.01 {
					t.Errorf("speech RMS %.4f: silent", rms)
				}
				return
			}
			checkSine(t, s.Samples, tt.hz, tt.amp)
		})
	}
}

// checkSine finds the sound's loud part and checks its pitch and level.
func checkSine(t *testing.T, x []float32, hz, amp float64) {
	t.Helper()
	on := audiotest.Onsets(x, audio.SampleRate, amp/4, 0)
	if len(on) == 0 {
		t.Fatal("no sound")
	}
	mid := x[on[0]:]
	mid = mid[len(mid)/8 : len(mid)/2] // skip fades, and silence padding a cut-short file
	if got := audiotest.Pitch(mid, audio.SampleRate); math.Abs(got-hz) > hz*0.01 {
		t.Errorf("pitch %.1f Hz, want %.1f Hz ±1%%", got, hz)
	}
	if got := audiotest.Peak(mid); math.Abs(got-amp) > amp*0.05 {
		t.Errorf("peak %.3f, want %.3f ±5%%", got, amp)
	}
}

func TestVoiceTruncatedPadded(t *testing.T) {
	v := testVoice(t, "pack")
	s, err := v.Sound("cut short")
	if err != nil {
		t.Fatal(err)
	}
	if tail := s.Samples[len(s.Samples)-100:]; audiotest.Peak(tail) != 0 {
		t.Errorf("the end of a cut-short clip is not silence: peak %v", audiotest.Peak(tail))
	}
}

func TestVoiceErrors(t *testing.T) {
	v := testVoice(t, "pack")
	if _, ok := v.Length("Broken."); ok {
		t.Error("Length of a corrupt clip: ok")
	}
	const want = `audio: decode clip "pack/lines/corrupt.mp3": `
	if _, err := v.Probe("broken"); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Probe error = %v, want one starting %q", err, want)
	}
	if _, err := v.Sound("broken"); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Sound error = %v, want one starting %q", err, want)
	}
	if _, err := v.Sound("Not in the pack"); !errors.Is(err, ErrNoClip) {
		t.Errorf("Sound of a missing line: error %v, want ErrNoClip", err)
	} else if got := err.Error(); got != `audio: no clip for "Not in the pack" in voice "testvoice"` {
		t.Errorf("error = %q", got)
	}
	if n, ok := v.Length("Not in the pack"); ok || n != 0 {
		t.Errorf("Length of a missing line = %d, %v; want 0, false", n, ok)
	}
}

func TestVoiceSoundOnce(t *testing.T) {
	v := testVoice(t, "pack")
	sounds := make([]*audio.Sound, 8)
	var wg sync.WaitGroup
	for i := range sounds {
		wg.Go(func() {
			s, err := v.Sound([]string{"Sine 16k", "sine 16K", "SINE-16k"}[i%3])
			if err != nil {
				t.Error(err)
			}
			sounds[i] = s
		})
	}
	wg.Wait()
	for _, s := range sounds {
		if s != sounds[0] {
			t.Fatal("the same clip was decoded more than once")
		}
	}
	if sounds[0].Name != "Sine 16k" {
		t.Errorf("Name = %q, want the pack's spelling %q", sounds[0].Name, "Sine 16k")
	}
}

func TestLoadVoiceErrors(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	wav, err := os.ReadFile("../testdata/pack/tones/sine440-16k.wav")
	if err != nil {
		t.Fatal(err)
	}
	pack := func(yaml string) fstest.MapFS {
		return fstest.MapFS{
			"p/voice.yaml": {Data: []byte(yaml)},
			"p/a.wav":      {Data: wav},
			"p/notes.txt":  {Data: []byte("x")},
			"outside.wav":  {Data: wav},
		}
	}
	tests := []struct{ name, yaml, want string }{
		{"absolute", `clips: {"a": /p/a.wav}`, `p/voice.yaml:1:14: clip "/p/a.wav" for "a": the path must be relative`},
		{"drive", `clips: {"a": "C:/a.wav"}`, `clip "C:/a.wav" for "a": the path must be relative`},
		{"backslash", `clips: {"a": 'sub\a.wav'}`, `clip "sub\\a.wav" for "a": the path must be relative`},
		{"dot dot", `clips: {"a": ../outside.wav}`, `clip "../outside.wav" for "a": the path must stay inside the pack folder`},
		{"dot dot inside", `clips: {"a": x/../a.wav}`, `clip "x/../a.wav" for "a": the path must stay inside`},
		{"format", `clips: {"a": notes.txt}`, `clip "notes.txt" for "a": not an .mp3 or .wav file`},
		{"missing", `clips: {"a": b.wav}`, `p/voice.yaml:1:14: clip "b.wav" for "a": open p/b.wav: file does not exist`},
		{"empty path", `clips: {"a": ""}`, `clip "" for "a": no file named`},
		{"no words", `clips: {"?!": a.wav}`, `line "?!" has no words`},
		{"same line", `clips: {"Next": a.wav, "next.": a.wav}`, `p/voice.yaml:1:24: lines "Next" and "next." differ only in case, spacing or punctuation`},
		{"unknown key", "name: x\nvoice: y\n", `p/voice.yaml:2:1: unknown key "voice" (valid: name, language, extends, clips)`},
		{"wrong type", "clips: [a.wav]\n", `p/voice.yaml:1:8: clips: got a list, want a mapping of lines to clip files`},
		{"a name that is a list", "name: [x]\n", `p/voice.yaml:1:7: name: got a list, want text`},
		{"a clip that is a mapping", "clips:\n  a:\n    b: a.wav\n", `p/voice.yaml:3:5: clip for "a": got a mapping, want a file name`},
		{"a line twice", "clips:\n  a: a.wav\n  b: a.wav\n  a: a.wav\n", `p/voice.yaml:4:3: line "a" is given twice (first at line 2)`},
		{"a key twice", "name: x\nname: y\n", `p/voice.yaml:2:1: name is given twice (first at line 1)`},
		{"an alias", "name: &n x\nlanguage: *n\n", `p/voice.yaml:2:11: language: got an alias, want text`},
		{"not YAML", "name: x\nclips:\n  a: a.wav\n  b: a.wav\n c: a.wav\n", `p/voice.yaml:5:2: not valid YAML: `},
		{"a tab", "name: x\nclips:\n  a: a.wav\n\tb: a.wav\n", `p/voice.yaml:4:1: not valid YAML: found a tab character`},
		{"not a mapping", "- a\n- b\n", `p/voice.yaml:1:1: got a list, want a mapping of name, language, extends and clips`},
		{"extends unknown", "extends: anna\n", `p/voice.yaml:1:10: extends "anna": you have no voice pack "anna"`},
		{"extends absolute", "extends: /p\n", `extends "/p": name one of your packs, or a folder relative to this pack's`},
		{"extends outside", "extends: ../../q\n", `extends "../../q": a folder may be this pack's sibling (../anna) or inside it, no further out`},
		{"extends outside, by the back", "extends: sub/../../../q\n", `extends "sub/../../../q": a folder may be this pack's sibling`},
		{"extends outside, alone", "extends: ..\n", `extends "..": a folder may be this pack's sibling`},
		{"extends itself", "extends: ./\n", `extends "./": a cycle: p → p`},
		{"empty", "", `p/voice.yaml:1:1: empty file (want a mapping of name, language, extends and clips)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(pack(tt.yaml), "p")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %v\nwant one containing %s", err, tt.want)
			}
		})
	}
	if _, err := Load(fstest.MapFS{}, "p"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of no pack: error %v, want fs.ErrNotExist", err)
	}
	v, err := Load(pack(`clips: {"a": ./a.wav, "b": sub/../a.wav}`), "p")
	if err == nil {
		t.Errorf("Load accepted a path with ..: %v", v.Texts())
	}
	v, err = Load(pack(`clips: {"A": ./a.wav}`), "p")
	if err != nil || v.Name != "p" || !v.Has("a") {
		t.Errorf("Load with ./ path and no name = %v, %v", v, err)
	}
}

func ExampleNormalizeText() {
	fmt.Println(NormalizeText("Knee-to-chest."))
	fmt.Println(NormalizeText("  Child’s POSE!"))
	// Output:
	// knee to chest
	// childs pose
}

// TestPreload decodes clips concurrently (run it with -race) and checks
// that they are the clips audio.Sound gives and decodes one by one.
func TestPreload(t *testing.T) {
	t.Setenv("FLOORCOACH_CACHE", "off")
	texts := cacheTexts(t)
	for _, dir := range []string{"pack", "gapless", ""} {
		v, serial := loadVoice(t, dir), loadVoice(t, dir)
		lines := append(slices.Clone(texts[dir]), "not in the pack")
		lines = append(lines, texts[dir]...) // each clip twice
		if err := v.Preload(lines); err != nil {
			t.Fatal(err)
		}
		for _, text := range texts[dir] {
			c := v.lookup(text)
			got, want := c.sound, c.soundErr // set by Preload, not by audio.Sound
			if s, err := serial.Sound(text); got == nil || err != nil || want != nil || !sameBits(got.Samples, s.Samples) {
				t.Errorf("%q: Preload gave %v, %v; one by one it is %v", text, got, want, err)
			}
			if s, _ := v.Sound(text); s != got {
				t.Errorf("%q: audio.Sound after Preload decoded again", text)
			}
		}
	}
	if err := testVoice(t, "pack").Preload(nil); err != nil {
		t.Errorf("Preload(nil) = %v", err)
	}
}

func TestPreloadError(t *testing.T) {
	wav, err := os.ReadFile("../testdata/pack/tones/sine440-16k.wav")
	if err != nil {
		t.Fatal(err)
	}
	v, err := Load(fstest.MapFS{
		"p/voice.yaml": {Data: []byte(`clips: {"a": a.mp3, "b": b.mp3, "c": c.wav}`)},
		"p/a.mp3":      {Data: []byte("not an MP3")},
		"p/b.mp3":      {Data: []byte("not one either")},
		"p/c.wav":      {Data: wav},
	}, "p")
	if err != nil {
		t.Fatal(err)
	}
	const want = `audio: decode clip "p/b.mp3": `
	if err := v.Preload([]string{"c", "b", "a"}); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Preload error = %v, want the first bad clip's, starting %q", err, want)
	}
	if s, err := v.Sound("c"); err != nil || s.Len() != 22050 {
		t.Errorf("the good clip: %v", err)
	}
}
