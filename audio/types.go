package audio

import "time"

// SampleRate is the rate of everything floorcoach mixes, plays and writes.
const SampleRate = 44100

// Channels is the channel count of everything floorcoach plays and writes.
const Channels = 2

// Frames converts a duration to a whole number of frames at SampleRate,
// rounding to the nearest frame.
func Frames(d time.Duration) int64 {
	return (int64(d)*SampleRate + int64(time.Second)/2) / int64(time.Second)
}

// Duration converts a number of frames at SampleRate to a duration.
func Duration(frames int64) time.Duration {
	return time.Duration(frames * int64(time.Second) / SampleRate)
}

// Sound is a mono sound at SampleRate, ready to mix: a decoded voice clip or
// a synthesized tone. Samples are in [-1, 1].
type Sound struct {
	Name    string // what it is, for errors and tests: a clip's text or a tone's kind
	Samples []float32
}

// Len returns the length of the sound in frames.
func (s *Sound) Len() int64 { return int64(len(s.Samples)) }

// Cue is a sound placed at a frame of a session.
type Cue struct {
	At    int64   // first frame, from the session start
	Len   int64   // frames to play: the sound is cut or padded with silence to this; 0 plays it whole
	Sound *Sound  // nil plays silence
	Gain  float32 // linear gain; 0 means 1
}

// Source is a stream of interleaved 16-bit stereo frames of a known length,
// at SampleRate. Read fills p (len(p) must be even) and returns the number of
// int16 values written; it returns io.EOF after the last frame.
type Source interface {
	Read(p []int16) (n int, err error)
	Len() int64 // total frames
}

// Seeker is a Source that can start again at any frame: the live player
// uses it to skip and restart steps.
type Seeker interface {
	Source
	SeekFrame(frame int64) error
	Pos() int64 // the next frame Read returns
}

// Chapter is a named span of a session, in frames, for exported files.
type Chapter struct {
	Title      string
	Start, End int64
}

// Meta is what an exported file says about itself.
type Meta struct {
	Title    string
	About    string
	Encoder  string // the tool and its version, e.g. "floorcoach 0.1"
	Chapters []Chapter
}
