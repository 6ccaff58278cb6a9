package player

import (
	"errors"
	"io"
	"slices"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

// readAll reads src to its end, in reads of n values.
func readAll(t *testing.T, src audio.Source, n int) []int16 {
	t.Helper()
	var out []int16
	buf := make([]int16, n)
	for {
		k, err := src.Read(buf)
		out = append(out, buf[:k]...)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// Stream starts from its head and plays on, across the head's end, after
// seeks back, exactly what Render plays.
func TestStreamPlaysWhatRenderDoes(t *testing.T) {
	t.Setenv("FLOORCOACH_CACHE", "off") // decoding takes long enough to read past the head first
	s, err := scripts.Builtin("demo")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Build(s, defaultVoice(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	full, err := tl.Render(defaultVoice(t), Unity)
	if err != nil {
		t.Fatal(err)
	}
	want := readAll(t, full, 8192)
	from := tl.Steps[1].Start // the second step, past the rest
	src, err := tl.Stream(defaultVoice(t), Unity, from)
	if err != nil {
		t.Fatal(err)
	}
	if src.Pos() != from || src.Len() != tl.Length {
		t.Fatalf("stream at %d of %d, want %d of %d", src.Pos(), src.Len(), from, tl.Length)
	}
	if got := readAll(t, src, 1000); !slices.Equal(got, want[2*from:]) {
		t.Errorf("from frame %d: %d values differ from Render's %d", from, len(got), len(want[2*from:]))
	}
	for _, at := range []int64{0, tl.Steps[0].Start + 12345} {
		if err := src.SeekFrame(at); err != nil {
			t.Fatal(err)
		}
		if got := readAll(t, src, 4096); !slices.Equal(got, want[2*at:]) {
			t.Errorf("after a seek to frame %d: differs from Render", at)
		}
	}
	if err := src.SeekFrame(tl.Length + 1); err == nil {
		t.Error("seek past the end: no error")
	}
}
