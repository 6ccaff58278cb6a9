package player

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// StreamHead is how much of a session Stream makes ready before it
// returns; the rest is decoded while that plays.
const StreamHead = 8 * time.Second

// Preloader is implemented by voices that can decode many lines at once,
// concurrently and from a cache, as *pack.Voice does.
type Preloader interface {
	Preload(texts []string) error
}

// Stream returns the session's audio at the balance's gains as a Seeker
// positioned at frame from, for a live player, as soon as the clips of its
// first StreamHead are decoded: the rest are decoded in the background, concurrently, and the
// stream plays exactly what Render would. Should it reach a part whose clips
// are not decoded yet, Read waits for them. A clip that fails to decode
// fails the next Read.
func (t *Timeline) Stream(v Clips, b Balance, from int64) (audio.Seeker, error) {
	if from < 0 || from > t.Length {
		return nil, fmt.Errorf("player: stream from frame %d, outside 0 to %d", from, t.Length)
	}
	hi := min(from+audio.Frames(StreamHead), t.Length)
	head := *t
	head.Events = nil
	for _, e := range t.Events {
		if e.At < hi && e.End() > from {
			head.Events = append(head.Events, e)
		}
	}
	decodeAll(v, head.texts())
	r, err := head.Render(v, b)
	if err != nil {
		return nil, err
	}
	if err := r.SeekFrame(from); err != nil {
		return nil, err
	}
	s := &stream{head: r, lo: from, hi: hi, pos: from, length: t.Length, ready: make(chan struct{})}
	go s.complete(t, v, b)
	return s, nil
}

// texts returns the distinct spoken lines of t, in order of first use.
func (t *Timeline) texts() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range t.Events {
		if e.Spoken() && !seen[e.Text] {
			seen[e.Text] = true
			out = append(out, e.Text)
		}
	}
	return out
}

// decodeAll has the voice decode the clips of texts at once, concurrently,
// if it can (else Cues decodes them one by one). Errors are left for Sound
// to report again.
func decodeAll(v Clips, texts []string) {
	if p, ok := v.(Preloader); ok {
		p.Preload(texts)
	}
}

// stream plays its head (frames lo to hi) from a renderer made of the cues
// of that part alone, until full, the whole session's, is ready.
type stream struct {
	mu     sync.Mutex
	head   *audio.Renderer
	lo, hi int64
	pos    int64
	length int64

	ready chan struct{} // closed when full or err is set
	full  *audio.Renderer
	err   error
}

// complete decodes the whole session and makes the full renderer.
func (s *stream) complete(t *Timeline, v Clips, b Balance) {
	defer close(s.ready)
	defer func() {
		if p := recover(); p != nil {
			s.err = fmt.Errorf("player: decoding the session: %v", p)
		}
	}()
	decodeAll(v, t.texts())
	s.full, s.err = t.Render(v, b)
}

// fullNow returns the full renderer if it is ready, and the decoding error
// if there was one.
func (s *stream) fullNow() (*audio.Renderer, error) {
	select {
	case <-s.ready:
		return s.full, s.err
	default:
		return nil, nil
	}
}

func (s *stream) Len() int64 { return s.length }

func (s *stream) Pos() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pos
}

func (s *stream) SeekFrame(frame int64) error {
	if frame < 0 || frame > s.length {
		return fmt.Errorf("player: seek to frame %d, outside 0 to %d", frame, s.length)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pos = frame
	return nil
}

func (s *stream) Read(p []int16) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pos >= s.length {
		return 0, io.EOF
	}
	full, err := s.fullNow()
	if err != nil {
		return 0, err
	}
	if full == nil && s.pos >= s.lo && s.pos < s.hi {
		return s.readFrom(s.head, p[:min(len(p), int(2*(s.hi-s.pos)))])
	}
	if full == nil {
		<-s.ready // beyond the head before the rest is decoded
		if full, err = s.full, s.err; err != nil {
			return 0, err
		}
	}
	return s.readFrom(full, p)
}

// readFrom reads from r at the stream's position.
func (s *stream) readFrom(r *audio.Renderer, p []int16) (int, error) {
	if r.Pos() != s.pos {
		if err := r.SeekFrame(s.pos); err != nil {
			return 0, err
		}
	}
	n, err := r.Read(p)
	s.pos += int64(n / 2)
	return n, err
}
