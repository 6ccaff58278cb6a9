package player

import (
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// Paused in the middle of a spoken line, the session resumes at the start
// of that line; paused between lines, where it was.
func TestPauseMidLineGoesBackToItsStart(t *testing.T) {
	tl := liveTimeline(t)
	line := find(t, tl, 1, Speech, 2) // "Hug one knee.", one second long
	quiet := line.End() + audio.Frames(100*time.Millisecond)
	if _, ok := tl.lineStart(quiet); ok || tl.StatusAt(quiet).Line != "" {
		t.Fatalf("frame %d is not between lines", quiet)
	}
	for _, tc := range []struct {
		name      string
		pos, want int64
	}{
		{"mid-line", line.At + line.Dur/2, line.At},
		{"its last frame", line.End() - 1, line.At},
		{"its first frame", line.At, line.At},
		{"between lines", quiet, quiet},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, out, _ := startLive(t, tl, 0)
			out.set(tc.pos)
			if err := l.Pause(); err != nil {
				t.Fatal(err)
			}
			if !out.Paused() || out.Position() != tc.want {
				t.Errorf("paused at %d: output paused %v at %d, want paused at %d", tc.pos, out.Paused(), out.Position(), tc.want)
			}
			if err := l.Resume(); err != nil {
				t.Fatal(err)
			}
			st := l.Status()
			if st.Paused || st.Pos != tc.want {
				t.Errorf("resumed at %d, paused %v; want %d", st.Pos, st.Paused, tc.want)
			}
			if st.Jumps != 1 {
				t.Errorf("%d jumps, want the start's only: a Feed must not show the line twice", st.Jumps)
			}
			if frames, _ := l.Played(); frames != tc.pos {
				t.Errorf("%d frames played, want %d: the frames before the pause", frames, tc.pos)
			}
		})
	}
}
