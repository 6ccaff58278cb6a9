package speaker

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// ramp is a Seeker whose every frame says where it is: frame f holds f+1,
// its low 16 bits left and the next 16 right, so silence (0, 0) is no frame.
type ramp struct{ n, pos int64 }

func newRamp(d time.Duration) *ramp { return &ramp{n: audio.Frames(d)} }

func (r *ramp) Len() int64 { return r.n }
func (r *ramp) Pos() int64 { return r.pos }

func (r *ramp) SeekFrame(frame int64) error {
	r.pos = min(max(frame, 0), r.n)
	return nil
}

func (r *ramp) Read(p []int16) (int, error) {
	if r.pos >= r.n {
		return 0, io.EOF
	}
	k := min(int64(len(p)/2), r.n-r.pos)
	for i := range k {
		f := r.pos + i + 1
		p[2*i], p[2*i+1] = int16(f), int16(f>>16)
	}
	r.pos += k
	return int(2 * k), nil
}

// span is a run of consecutive ramp frames, first to last inclusive.
type span struct{ first, last int64 }

// heard decodes a recording of ramps into runs of consecutive frames,
// ignoring silence.
func heard(samples []int16) (runs []span) {
	for i := 0; i+1 < len(samples); i += 2 {
		v := int64(uint16(samples[i])) | int64(uint16(samples[i+1]))<<16
		if v == 0 {
			continue
		}
		f := v - 1
		if n := len(runs); n > 0 && runs[n-1].last == f-1 {
			runs[n-1].last = f
		} else {
			runs = append(runs, span{f, f})
		}
	}
	return runs
}

// start runs Play in the background; the channel yields its result.
func start(spk *Speaker, src audio.Seeker) <-chan error {
	done := make(chan error, 1)
	go func() { done <- spk.Play(context.Background(), src) }()
	return done
}

// wait waits for a background Play to return, failing the test after limit.
func wait(t *testing.T, done <-chan error, limit time.Duration) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		t.Fatalf("Play did not return within %v", limit)
		return nil
	}
}

// seconds formats a frame count as seconds, for messages.
func seconds(frames int64) float64 { return audio.Duration(frames).Seconds() }

// within reports whether got is want ± tol.
func within(got, want, tol time.Duration) bool {
	return got >= want-tol && got <= want+tol
}
