package music

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
)

// How Decode works.
const (
	decodeChunk = 1 << 21 // frames decoded as one job: 47 s
	// cacheScale is the gain the decoded music is stored at, as 16-bit
	// frames: 6 dB of headroom for the overshoot of resampled masters
	// that peak at full scale.
	cacheScale = 0.5
)

// Decode decodes every track that plays, the part of it that plays, into
// a temporary file in dir (the system's temporary folder if ""), on every
// CPU at once; measures each track's level from there; and from then on
// reads the music from that file. progress, if not nil, is called from
// Decode's goroutine with the frames decoded so far and the total. A track
// that fails to decode fails Decode with an error naming it. The file is
// removed by Close (at once, on systems that allow removing an open file).
func (b *Bed) Decode(ctx context.Context, dir string, progress func(done, total int64)) error {
	if b.ready {
		return errReady
	}
	b.ready = true
	c, jobs, err := b.newCache(dir)
	if err != nil {
		return err
	}
	b.cache = c
	if err := c.fill(ctx, b.tracks, jobs, progress); err != nil {
		return err
	}
	for _, t := range b.playOrder() {
		if err := b.measure(t, c.track(t)); err != nil {
			return err
		}
	}
	return nil
}

// A job decodes frames start to end of a track into the cache, whose
// first frame is the cache's frame offset.
type job struct {
	track      int
	start, end int64
	offset     int64
}

// newCache makes the temporary file, sized for the part of each track that
// plays, and the jobs that fill it.
func (b *Bed) newCache(dir string) (*cache, []job, error) {
	f, err := os.CreateTemp(dir, "floorcoach-music-*.raw")
	if err != nil {
		return nil, nil, fmt.Errorf("music: temporary file: %w", err)
	}
	c := &cache{f: f, readers: make([]*cachedTrack, len(b.tracks))}
	c.removed = os.Remove(f.Name()) == nil // gone when closed, even if the program is killed
	var total int64
	var jobs []job
	for _, t := range b.playOrder() {
		used := b.used(t)
		c.readers[t] = &cachedTrack{c: c, offset: total, frames: used}
		chunk := int64(decodeChunk)
		if !b.tracks[t].seekable { // seeking would decode up to the chunk: one job, from the start
			chunk = used
		}
		for s := int64(0); s < used; s += chunk {
			jobs = append(jobs, job{track: t, start: s, end: min(s+chunk, used), offset: total})
		}
		total += used
	}
	c.total = total
	if err := f.Truncate(4 * total); err != nil {
		c.close()
		return nil, nil, fmt.Errorf("music: temporary file: %w", err)
	}
	return c, jobs, nil
}

// cache is the temporary file of decoded music: each track's frames that
// play, one after the other, as 16-bit stereo at cacheScale.
type cache struct {
	f       *os.File
	removed bool
	total   int64
	readers []*cachedTrack
}

func (c *cache) track(t int) *cachedTrack { return c.readers[t] }

func (c *cache) close() error {
	err := c.f.Close()
	if !c.removed {
		os.Remove(c.f.Name())
	}
	return err
}

// fill runs the jobs on every CPU.
func (c *cache) fill(ctx context.Context, tracks []*Track, jobs []job, progress func(done, total int64)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	todo := make(chan job, len(jobs))
	for _, j := range jobs {
		todo <- j
	}
	close(todo)
	done := make(chan int64)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range todo {
				if err := c.decode(ctx, tracks[j.track], j, done); err != nil {
					select {
					case errs <- err:
					default:
					}
					cancel()
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	var n int64
	for d := range done {
		if n += d; progress != nil {
			progress(n, c.total)
		}
	}
	select {
	case err := <-errs:
		return err
	default:
	}
	return ctx.Err()
}

// decode runs one job, telling done of each block it writes.
func (c *cache) decode(ctx context.Context, t *Track, j job, done chan<- int64) error {
	s, err := t.open()
	if err != nil {
		return err
	}
	defer s.d.Close()
	if err := s.SeekFrame(j.start); err != nil {
		return fmt.Errorf("music: %s: %w", t.Path, err)
	}
	const block = 16384
	l, r, buf := make([]float32, block), make([]float32, block), make([]byte, 4*block)
	for f := j.start; f < j.end; {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, err := s.Read(l[:min(block, j.end-f)], r[:min(block, j.end-f)])
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("music: %s: cannot be decoded: %w", t.Path, err)
		}
		if n == 0 {
			return nil // shorter than its header says: the rest stays silent
		}
		for i := range n {
			binary.LittleEndian.PutUint16(buf[4*i:], uint16(toInt16(l[i])))
			binary.LittleEndian.PutUint16(buf[4*i+2:], uint16(toInt16(r[i])))
		}
		if _, err := c.f.WriteAt(buf[:4*n], 4*(j.offset+f)); err != nil {
			return fmt.Errorf("music: temporary file: %w", err)
		}
		done <- int64(n)
		f += int64(n)
	}
	return nil
}

// toInt16 scales a sample by cacheScale to 16 bits, clamping.
func toInt16(v float32) int16 {
	x := v * cacheScale * 32768
	switch {
	case x >= 32767:
		return 32767
	case x <= -32768:
		return -32768
	}
	if x < 0 {
		return int16(x - 0.5)
	}
	return int16(x + 0.5)
}

// cachedTrack reads one track from the cache.
type cachedTrack struct {
	c      *cache
	offset int64 // the cache frame of the track's first
	frames int64
	buf    []byte
}

func (t *cachedTrack) ReadAt(l, r []float32, frame int64) (int, error) {
	n := int(min(int64(len(l)), t.frames-frame))
	if n <= 0 {
		return 0, io.EOF
	}
	if cap(t.buf) < 4*n {
		t.buf = make([]byte, 4*n)
	}
	b := t.buf[:4*n]
	if _, err := t.c.f.ReadAt(b, 4*(t.offset+frame)); err != nil {
		return 0, fmt.Errorf("temporary file: %w", err)
	}
	const scale = 1 / (cacheScale * 32768)
	for i := range n {
		l[i] = float32(int16(binary.LittleEndian.Uint16(b[4*i:]))) * scale
		r[i] = float32(int16(binary.LittleEndian.Uint16(b[4*i+2:]))) * scale
	}
	return n, nil
}

func (t *cachedTrack) Close() error { return nil }
