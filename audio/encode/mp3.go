package encode

import (
	"io"
	"runtime"
	"sync"

	"github.com/floorcoach/floorcoach/audio"
)

// An MP3 file here is an ID3v2.4 tag (id3.go), an Info frame with the
// encoder delay and padding (encode_mp3info.go), then constant-bitrate
// MPEG-1 Layer III frames from shine (github.com/braheezy/shine-mp3),
// encoded in segments on several goroutines (encode_mp3seg.go). shine
// encodes stereo correctly only when given exactly 1152 frames per call,
// so the source is cut into such chunks and the last is padded with
// silence.
//
// Three kinds of goroutine share the work: a reader fills segments from
// the source, workers encode them, and Write's own goroutine writes them
// in order. At most a few segments are in flight, so memory stays flat
// however long the source is.

func encodeMP3(w io.Writer, src audio.Source, meta audio.Meta, opts Options) error {
	plan, err := newMP3Plan(src.Len(), opts.Bitrate)
	if err != nil {
		return err
	}
	tag, err := id3Tag(meta)
	if err != nil {
		return err
	}
	fw := formatWriter{w, MP3}
	if _, err := fw.Write(append(tag, plan.infoFrame()...)); err != nil {
		return err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return runMP3(fw, src, plan, workers, opts.Progress)
}

// mp3Run is one encoding's pipeline.
type mp3Run struct {
	plan    *mp3Plan
	jobs    chan *mp3Job  // reader to workers
	order   chan *mp3Job  // reader to writer, in stream order
	stop    chan struct{} // closed when the writer gives up
	pcmFree chan []int16  // segment buffers for reuse
	outFree chan []byte   // encoded-frame buffers for reuse
}

func runMP3(w io.Writer, src audio.Source, plan *mp3Plan, workers int, progress func(int64)) error {
	inFlight := 2 * workers
	r := &mp3Run{
		plan:    plan,
		jobs:    make(chan *mp3Job, workers),
		order:   make(chan *mp3Job, inFlight),
		stop:    make(chan struct{}),
		pcmFree: make(chan []int16, inFlight+workers+2),
		outFree: make(chan []byte, inFlight+workers+2),
	}
	var wg sync.WaitGroup
	var readErr error
	wg.Go(func() { readErr = r.read(src) })
	for range workers {
		wg.Go(r.work)
	}
	err := r.write(w, progress)
	close(r.stop)
	wg.Wait()
	if err == nil {
		err = readErr
	}
	return err
}

// read cuts the source into segments and hands them out, in order.
func (r *mp3Run) read(src audio.Source) error {
	defer close(r.order)
	defer close(r.jobs)
	const chunk = mp3FrameLen * audio.Channels
	pcm := newPCMReader(src)
	prev := make([]int16, chunk) // the input before the first frame: silence
	lag := -r.plan.frac
	var done int64
	for first := int64(0); first < r.plan.frames; first += mp3SegmentFrames {
		n := int(min(mp3SegmentFrames, r.plan.frames-first))
		job := &mp3Job{n: n, lag: lag, done: make(chan struct{})}
		job.pcm = reuse(r.pcmFree, (n+2)*chunk)
		copy(job.pcm, prev)
		body := job.pcm[chunk : (n+1)*chunk]
		got, err := pcm.read(body)
		if err != nil {
			return err
		}
		mp3Level(body[:got*audio.Channels])
		clear(job.pcm[chunk+got*audio.Channels:])
		copy(prev, body[len(body)-chunk:])
		done += int64(got)
		job.src = done
		for range n {
			_, lag = r.plan.pad(lag)
		}
		if !r.send(r.order, job) || !r.send(r.jobs, job) {
			return nil
		}
	}
	return nil
}

// send sends job on c unless the writer has given up.
func (r *mp3Run) send(c chan *mp3Job, job *mp3Job) bool {
	select {
	case c <- job:
		return true
	case <-r.stop:
		return false
	}
}

// work encodes segments until there are no more.
func (r *mp3Run) work() {
	wk := newMP3Worker(r.plan)
	for job := range r.jobs {
		job.out, job.err = wk.encode(job, reuse(r.outFree, 0))
		close(job.done)
	}
}

// write writes the segments' frames in order.
func (r *mp3Run) write(w io.Writer, progress func(int64)) error {
	for job := range r.order {
		<-job.done
		if job.err != nil {
			return job.err
		}
		if _, err := w.Write(job.out); err != nil {
			return err
		}
		recycle(r.pcmFree, job.pcm)
		recycle(r.outFree, job.out)
		if progress != nil {
			progress(job.src)
		}
	}
	return nil
}

// reuse returns a slice of length n from free, or a new one.
func reuse[T any](free chan []T, n int) []T {
	select {
	case b := <-free:
		if cap(b) >= n {
			return b[:n]
		}
	default:
	}
	return make([]T, n)
}

// recycle offers b to free for reuse.
func recycle[T any](free chan []T, b []T) {
	select {
	case free <- b:
	default:
	}
}
