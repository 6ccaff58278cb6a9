package music

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/floorcoach/floorcoach/audio"
)

// edgeFade is the length of the fades at each end of a track, in frames:
// 10 ms, enough that a track that starts or ends mid-wave does not click
// where it joins the next, too short to be heard as a fade.
const edgeFade = audio.SampleRate / 100

// Options says how a Bed plays.
type Options struct {
	// Shuffle plays the tracks in a random order, a new one each round.
	Shuffle bool
	// Seed makes the shuffle repeatable; 0 picks one at random.
	Seed uint64
	// Target is the loudness, in LUFS, each track is brought to.
	Target float64
}

// A Bed is the music of one session: its tracks laid out over length
// frames, read as 44.1 kHz stereo from any frame. Read is not safe for
// concurrent use.
type Bed struct {
	tracks  []*Track // by the index of their file; nil for one that never plays
	entries []entry
	length  int64
	target  float64

	gains  []float32       // per track, once measured
	known  []chan struct{} // per track: closed once its gain is set
	errs   []error         // per track: why it could not be measured
	stop   chan struct{}
	wg     sync.WaitGroup
	ready  bool // Measure or Decode was called
	closed bool

	cache  *cache // after Decode
	cur    int    // the track src reads
	src    pcm
	fadeIn []float32 // gains of a track's first edgeFade frames
}

// errReady is returned by a second call to Measure or Decode.
var errReady = errors.New("music: the bed is already measured")

// Open lays out the music at path (a file or a folder) over a session of
// length frames, opening and checking every track that plays. It fails,
// naming the file, at the first one that cannot be played.
func Open(path string, length int64, o Options) (*Bed, error) {
	files, err := Find(path)
	if err != nil {
		return nil, err
	}
	b := &Bed{length: max(length, 0), target: o.Target, cur: -1, stop: make(chan struct{})}
	var rng *rand.Rand
	if o.Shuffle {
		seed := o.Seed
		if seed == 0 {
			seed = rand.Uint64()
		}
		rng = rand.New(rand.NewPCG(seed, 0x666c6f6f72))
	}
	if err := b.layout(files, rng); err != nil {
		return nil, err
	}
	b.gains = make([]float32, len(b.tracks))
	b.errs = make([]error, len(b.tracks))
	b.known = make([]chan struct{}, len(b.tracks))
	for i := range b.known {
		b.known[i] = make(chan struct{})
	}
	b.fadeIn = make([]float32, edgeFade)
	for i := range b.fadeIn {
		b.fadeIn[i] = float32(0.5 - 0.5*math.Cos(math.Pi*(float64(i)+0.5)/edgeFade))
	}
	return b, nil
}

// Len returns the length of the session, in frames.
func (b *Bed) Len() int64 { return b.length }

// Measure measures the level of the first track that plays, and starts
// measuring the others, in the order they play, in the background: the
// way to ready a Bed that is read live, as it plays. (An export calls
// Decode instead.) Read waits for a track's level if it comes to it first.
func (b *Bed) Measure() error {
	if b.ready {
		return errReady
	}
	b.ready = true
	order := b.playOrder()
	if len(order) == 0 {
		return nil
	}
	if err := b.measure(order[0], nil); err != nil {
		return err
	}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		for _, t := range order[1:] {
			select {
			case <-b.stop:
				return
			default:
			}
			b.measure(t, nil)
		}
	}()
	return nil
}

// playOrder returns the tracks that play, each once, in the order they
// first play.
func (b *Bed) playOrder() []int {
	seen := make([]bool, len(b.tracks))
	var order []int
	for _, e := range b.entries {
		if !seen[e.track] {
			seen[e.track] = true
			order = append(order, e.track)
		}
	}
	return order
}

// measure sets track t's gain from its level, read from src, or from its
// file when src is nil.
func (b *Bed) measure(t int, src pcm) error {
	defer close(b.known[t])
	if src == nil {
		d, err := b.tracks[t].open()
		if err != nil {
			b.errs[t] = err
			return err
		}
		src = &decoded{r: d}
		defer src.Close()
	}
	lufs, ok, err := level(src, b.used(t))
	if err != nil {
		b.errs[t] = fmt.Errorf("music: %s: %w", b.tracks[t].Path, err)
		return b.errs[t]
	}
	b.gains[t] = gainFor(lufs, ok, b.target)
	return nil
}

// Gain returns the gain, in dB, the track at path is played with, once
// measured.
func (b *Bed) Gain(t *Track) (float64, bool) {
	for i, tr := range b.tracks {
		if tr == t {
			select {
			case <-b.known[i]:
				return 20 * math.Log10(float64(b.gains[i])), b.errs[i] == nil
			default:
			}
		}
	}
	return 0, false
}

// Read fills l and r with the music of the frames from frame on: each
// track at its gain, faded at its ends; silence outside the session.
func (b *Bed) Read(l, r []float32, frame int64) error {
	if !b.ready {
		return errors.New("music: Read before Measure or Decode")
	}
	for done := 0; done < len(l); {
		f := frame + int64(done)
		i := b.entryAt(f)
		if i < 0 {
			clear(l[done:])
			clear(r[done:])
			return nil
		}
		e := b.entries[i]
		n := int(min(int64(len(l)-done), e.at+e.n-f))
		if err := b.readEntry(e, l[done:done+n], r[done:done+n], f-e.at); err != nil {
			return err
		}
		done += n
	}
	return nil
}

// readEntry reads frames of entry e's track from track frame from on.
func (b *Bed) readEntry(e entry, l, r []float32, from int64) error {
	<-b.known[e.track]
	if err := b.errs[e.track]; err != nil {
		return err
	}
	src, err := b.source(e.track)
	if err != nil {
		return err
	}
	got := 0
	for got < len(l) {
		n, err := src.ReadAt(l[got:], r[got:], from+int64(got))
		got += n
		if errors.Is(err, io.EOF) || n == 0 && err == nil {
			break // a file shorter than its header says: silence
		}
		if err != nil {
			return fmt.Errorf("music: %s: %w", b.tracks[e.track].Path, err)
		}
	}
	clear(l[got:])
	clear(r[got:])
	b.shape(e, l, r, from)
	return nil
}

// shape applies the track's gain and the fades at its ends.
func (b *Bed) shape(e entry, l, r []float32, from int64) {
	g := b.gains[e.track]
	tail := b.tracks[e.track].Len - edgeFade // where the fade out starts, if e plays to the end
	for k := range l {
		f, gk := from+int64(k), g
		if f < edgeFade {
			gk *= b.fadeIn[f]
		} else if e.n == b.tracks[e.track].Len && f >= tail {
			gk *= b.fadeIn[edgeFade-1-(f-tail)]
		}
		l[k] *= gk
		r[k] *= gk
	}
}

// source returns the reader of track t: the cache after Decode, else the
// track's file, opened when it is first needed after another.
func (b *Bed) source(t int) (pcm, error) {
	if b.cache != nil {
		return b.cache.track(t), nil
	}
	if b.cur != t {
		if b.src != nil {
			b.src.Close()
			b.src, b.cur = nil, -1
		}
		d, err := b.tracks[t].open()
		if err != nil {
			return nil, err
		}
		b.src, b.cur = &decoded{r: d}, t
	}
	return b.src, nil
}

// Close stops the measuring, closes the files and removes the temporary
// file of decoded music.
func (b *Bed) Close() error {
	if b.closed {
		return nil
	}
	b.closed = true
	close(b.stop)
	b.wg.Wait()
	if b.src != nil {
		b.src.Close()
	}
	if b.cache != nil {
		return b.cache.close()
	}
	return nil
}

// decoded reads a track from its file.
type decoded struct{ r *resampler }

func (d *decoded) ReadAt(l, r []float32, frame int64) (int, error) {
	if d.r.pos != frame {
		if err := d.r.SeekFrame(frame); err != nil {
			return 0, err
		}
	}
	return d.r.Read(l, r)
}

func (d *decoded) Close() error { return d.r.d.Close() }
