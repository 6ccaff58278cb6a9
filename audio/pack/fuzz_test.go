package pack

import (
	"os"
	"testing"
	"testing/fstest"
)

// FuzzClip runs any bytes through the whole path of a clip: a pack that
// names them, the header read for the line's length, the decoding, the
// cache entry written and read back. Each step is an error or keeps its
// promise (Sound is exactly Probe's length, the second time from the
// cache); none panics. Crashers found are kept in testdata/fuzz/FuzzClip.
func FuzzClip(f *testing.F) {
	for _, name := range []string{"pack/tones/sine440-16k.wav", "pack/tones/sine440-22k.mp3", "extends/ready.wav", "gapless/chirp-44k-id3.mp3"} {
		data, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, name[len(name)-3:] == "mp3")
	}
	f.Fuzz(func(t *testing.T, data []byte, mp3 bool) {
		file := "clip.wav"
		if mp3 {
			file = "clip.mp3"
		}
		fsys := fstest.MapFS{
			"p/voice.yaml": {Data: []byte("name: fuzz\nclips:\n  \"Line.\": " + file + "\n")},
			"p/" + file:    {Data: data},
		}
		for range 2 { // decoded, then from the cache
			v, err := Load(fsys, "p")
			if err != nil {
				t.Fatal(err)
			}
			n, err := v.Probe("Line.")
			if err != nil {
				return
			}
			s, err := v.Sound("Line.")
			if err != nil {
				return
			}
			if int64(len(s.Samples)) != n {
				t.Fatalf("Sound has %d frames, Probe said %d", len(s.Samples), n)
			}
		}
	})
}

// FuzzPack loads any voice.yaml beside a few clips: an error or a pack
// whose every line has a clip that probes, never a panic.
func FuzzPack(f *testing.F) {
	wav, err := os.ReadFile("../testdata/extends/ready.wav")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		"name: a\nlanguage: en\nclips:\n  \"Get ready.\": ready.wav\n",
		"name: b\nextends: default\nclips: {\"One.\": sub/one.wav, \"Two\": ready.wav}\n",
		"extends: ../q\nclips: {x: ready.wav}\n",
		"extends: ../p\n",
		"clips: {\"a\": ../ready.wav, \"b\": /etc/passwd.wav}\n",
		"name: &a x\nlanguage: *a\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, yaml string) {
		t.Setenv("XDG_DATA_HOME", t.TempDir())
		fsys := fstest.MapFS{
			"p/voice.yaml":  {Data: []byte(yaml)},
			"p/ready.wav":   {Data: wav},
			"p/sub/one.wav": {Data: wav},
			"q/voice.yaml":  {Data: []byte("extends: ../p\nclips: {q: r.wav}\n")},
			"q/r.wav":       {Data: wav},
		}
		v, err := Load(fsys, "p")
		if err != nil {
			return
		}
		for _, text := range v.Texts() {
			if _, err := v.Probe(text); err != nil {
				t.Fatalf("line %q of a loaded pack: %v", text, err)
			}
		}
	})
}
