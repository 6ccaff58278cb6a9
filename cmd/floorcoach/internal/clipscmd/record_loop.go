package clipscmd

import (
	"context"
	"fmt"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/mic"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/urfave/cli/v2"
)

// How recording paces itself.
const (
	noSpeechAfter   = 15 * time.Second      // a take with no speech this long is given up…
	maxSilentTakes  = 3                     // …and with --auto, after this many in a row, so is recording
	settleAfterTone = 80 * time.Millisecond // the input's first sound after the tone is dropped
)

// A recorder records a session's lines into a pack, one take at a time,
// following the microphone, the keys and the speaker from one loop.
type recorder struct {
	scr  *recScreen
	auto bool
	mic  *mic.Mic
	spk  *speaker.Speaker // nil: no tone and no listening
	note string           // why spk is nil
	pack *pack.Writer     // nil until the first take is kept, for a new pack
	cs   *clipSet
	dir  string // the pack's folder
	todo []need

	floor  *mic.Floor
	blocks chan []float32
	micErr chan error
	keys   chan recKey
	silent int // takes in a row with no speech

	kept, skipped int
	flagged       []string // lines kept with a problem
}

// newRecorder returns a recorder of the lines todo into the pack of w, or
// when w is nil, a new pack at cs.dir, made when a take is first kept.
func newRecorder(c *cli.Context, tm Terminal, m *mic.Mic, w *pack.Writer, cs *clipSet, todo []need) *recorder {
	dir := cs.dir
	if w != nil {
		dir = w.Dir
	}
	return &recorder{scr: newRecScreen(c.App.Writer, tm), auto: c.Bool("auto"), mic: m, pack: w, cs: cs, dir: dir, todo: todo,
		floor: mic.NewFloor(m.Rate), blocks: make(chan []float32, 64), micErr: make(chan error, 1), keys: make(chan recKey, 16)}
}

// An outcome is what ended a wait.
type outcome struct {
	key  recKey // a key was pressed
	done bool   // what was waited for ended
	err  error  // the microphone went, or the command was interrupted
}

// run records every line, then says what was done.
func (r *recorder) run(ctx context.Context) error {
	if err := r.scr.open(r.keys); err != nil {
		return err
	}
	defer r.scr.close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go r.listen(ctx)
	r.scr.intro(r.cs, r.dir, r.mic.Source.Description, r.auto, len(r.todo), r.note)
	var err error
	for i := range r.todo {
		var quit bool
		if quit, err = r.line(ctx, i); quit || err != nil {
			break
		}
	}
	r.scr.close()
	return r.finish(err)
}

// listen sends the microphone's sound to r.blocks until ctx ends.
func (r *recorder) listen(ctx context.Context) {
	for {
		b, err := r.mic.Read(ctx)
		if err != nil {
			if ctx.Err() == nil {
				r.micErr <- err
			}
			return
		}
		select {
		case r.blocks <- b:
		case <-ctx.Done():
			return
		}
	}
}

// A decision is what becomes of a take.
type decision int

const (
	keepTake decision = iota
	retake
	skipLine
	quitAll
)

// line records line i until a take is kept, or it is skipped, or the
// person quits.
func (r *recorder) line(ctx context.Context, i int) (quit bool, err error) {
	r.scr.line(i, r.todo)
	for {
		y, problems, d, err := r.take(ctx)
		switch {
		case err != nil:
			return false, err
		case d == keepTake:
			return false, r.keep(i, y, problems)
		case d == skipLine:
			r.skipped++
			return false, nil
		case d == quitAll:
			return true, nil
		}
	}
}

// take records a take and decides what becomes of it: a key pressed while
// recording or in review decides, or with --auto, the take itself.
func (r *recorder) take(ctx context.Context) ([]float32, []string, decision, error) {
	t, o := r.record(ctx)
	switch {
	case o.err != nil:
		return nil, nil, 0, o.err
	case o.key == keyQuit:
		r.scr.verdict("stopped")
		return nil, nil, quitAll, nil
	case o.key == keySkip:
		r.scr.verdict("skipped")
		return nil, nil, skipLine, nil
	case o.key == keyRetake:
		r.scr.verdict("again")
		return nil, nil, retake, nil
	}
	y, problems := prepareTake(t, r.mic.Rate)
	if y == nil {
		r.scr.verdict(problems[0] + ": again")
		if r.silent++; r.auto && r.silent >= maxSilentTakes {
			return nil, nil, 0, fmt.Errorf("heard no speech in %d takes in a row: stopped", r.silent)
		}
		return nil, nil, retake, nil
	}
	r.silent = 0
	if r.auto || o.key == keyKeep {
		return y, problems, keepTake, nil
	}
	d, err := r.review(ctx, y, problems, o.key == keyListen)
	return y, problems, d, err
}

// record plays the tone and records one take. It returns the take, and
// the key that ended it early, if one did.
func (r *recorder) record(ctx context.Context) (*mic.Take, outcome) {
	if r.spk != nil {
		r.scr.show("♪ ready…")
		done := r.play(ctx, audio.Tone(audio.TonePip))
		for o := r.wait(ctx, done, nil); !o.done; o = r.wait(ctx, done, nil) {
			if o.err != nil || o.key == keyQuit || o.key == keySkip {
				return nil, o
			}
		}
	}
	r.drain(settleAfterTone)
	take := mic.NewTake(r.mic.Rate, r.floor.Level())
	r.scr.recording(take)
	defer r.scr.recording(nil)
	return take, r.wait(ctx, nil, take)
}

// review shows a take and waits for a key: enter keeps it, r records
// again, space plays it, s skips the line, q quits.
func (r *recorder) review(ctx context.Context, y []float32, problems []string, listen bool) (decision, error) {
	r.scr.problems(problems)
	for {
		if listen && r.spk != nil {
			r.scr.show("▶ listening…")
			o := r.wait(ctx, r.play(ctx, &audio.Sound{Name: "take", Samples: y}), nil)
			if o.err != nil {
				return 0, o.err
			}
		}
		r.scr.review(len(y), r.mic.Rate, problems, r.spk != nil)
		o := r.wait(ctx, nil, nil)
		switch {
		case o.err != nil:
			return 0, o.err
		case o.key == keyKeep:
			return keepTake, nil
		case o.key == keyRetake:
			r.scr.verdict("again")
			return retake, nil
		case o.key == keySkip:
			r.scr.verdict("skipped")
			return skipLine, nil
		case o.key == keyQuit:
			r.scr.verdict("stopped")
			return quitAll, nil
		}
		listen = o.key == keyListen
	}
}

// play plays a sound through the speaker; the channel gets Play's error.
func (r *recorder) play(ctx context.Context, s *audio.Sound) <-chan error {
	done := make(chan error, 1)
	src := audio.NewRenderer([]audio.Cue{{Sound: s}}, s.Len())
	go func() { done <- r.spk.Play(ctx, src) }()
	return done
}

// drain drops the microphone's sound for a while, as it was made while
// the tone played.
func (r *recorder) drain(d time.Duration) {
	deadline := time.After(d)
	for {
		select {
		case <-r.blocks:
		case <-deadline:
			return
		}
	}
}

// wait follows the microphone (the meter, the noise floor, and take if
// one is being recorded) until done ends, take is over, a key is pressed,
// the microphone goes or ctx ends.
func (r *recorder) wait(ctx context.Context, done <-chan error, take *mic.Take) outcome {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case b := <-r.blocks:
			r.scr.meter(mic.Peak(b))
			if take == nil {
				r.floor.Add(b)
			} else if take.Add(b) {
				return outcome{done: true}
			}
		case err := <-done:
			if err != nil && ctx.Err() == nil {
				r.speakerFailed(err)
			}
			return outcome{done: true}
		case k := <-r.keys:
			return outcome{key: k}
		case err := <-r.micErr:
			return outcome{err: err}
		case <-ctx.Done():
			return outcome{err: ctx.Err()}
		case <-tick.C:
			if take != nil && !take.Started() && take.Len() >= noSpeechAfter {
				return outcome{done: true}
			}
			r.scr.redraw()
		}
	}
}

// speakerFailed goes on without the speaker, saying why.
func (r *recorder) speakerFailed(err error) {
	r.spk.Close()
	r.spk = nil
	r.scr.verdict("the sound output failed, so no more tones or listening: " + termtext.Line(err.Error()))
}
