package pack

import "testing"

// TestGaplessLength checks that an MP3 with a LAME tag decodes to exactly
// the frames that were encoded.
func TestGaplessLength(t *testing.T) {
	v := testVoice(t, "gapless")
	for _, tt := range []struct {
		text string
		want int64
	}{
		{"Chirp 22k", 22050},                     // 11025 frames at 22.05 kHz
		{"Chirp 44k", 22050},                     // 22050 at 44.1 kHz
		{"Chirp 22k no tag", 2 * (22*576 - 529)}, // 22 frames of 576, less the decoder delay
	} {
		n, err := v.Probe(tt.text)
		s, serr := v.Sound(tt.text)
		if err != nil || serr != nil {
			t.Fatalf("%q: %v, %v", tt.text, err, serr)
		}
		if n != tt.want || s.Len() != n {
			t.Errorf("%q: Length %d, audio.Sound %d frames; want %d", tt.text, n, s.Len(), tt.want)
		}
	}
}
