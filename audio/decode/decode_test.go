package decode

import (
	"os"
	"testing"
)

// TestMP3 checks that MP3 gives what a clip decodes to before
// resampling: the tagged chirp exactly as encoded, 11025 frames at
// 22.05 kHz, and the untagged one with lame's encoder delay still in.
func TestMP3(t *testing.T) {
	tests := []struct {
		file   string
		frames int
	}{
		{"../testdata/gapless/chirp-22k.mp3", 11025},
		{"../testdata/gapless/chirp-22k-notag.mp3", 0},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		got, rate, err := MP3(data)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		f, err := Open(data, tt.file)
		if err != nil {
			t.Fatal(err)
		}
		want, err := f.Samples()
		if err != nil {
			t.Fatal(err)
		}
		if rate != 22050 || len(got) != len(want) {
			t.Errorf("%s: %d frames at %d Hz, want %d at 22050", tt.file, len(got), rate, len(want))
		}
		if tt.frames != 0 && len(got) != tt.frames {
			t.Errorf("%s: %d frames, want %d", tt.file, len(got), tt.frames)
		}
	}
	if _, _, err := MP3([]byte("not an mp3")); err == nil {
		t.Error("MP3 of junk: no error")
	}
}
