package clipscmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/floorcoach/floorcoach/audio/mic"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/urfave/cli/v2"
)

func clipsRecordCommand(open OpenTerminal) *cli.Command {
	return &cli.Command{
		Name:      "record",
		Usage:     "record the lines a session lacks at the microphone, one by one",
		ArgsUsage: "SESSION",
		Description: "Records, in your own voice, every line SESSION speaks (at any level) that the\n" +
			"pack has no clip for, from the sound server's default input (PulseAudio or\n" +
			"PipeWire; choose the microphone in your sound settings). For each line it shows\n" +
			"the text and the line after it, plays a short tone, and records. A take ends\n" +
			"when you press a key, or by itself after about a second of quiet after you\n" +
			"speak. A meter shows the input level; a take that clipped (too loud), is too\n" +
			"quiet, or is drowned in noise says so.\n\n" +
			"   enter      keep the take and go on to the next line\n" +
			"   r          record the line again\n" +
			"   space      listen to the take\n" +
			"   s          skip the line\n" +
			"   q, Ctrl-C  stop; the takes kept so far stay in the pack\n\n" +
			"With --auto it runs hands-free: each take ends when you stop speaking, is kept,\n" +
			"and the next line follows (q still stops). Each take is trimmed to its speech\n" +
			"and brought to the loudness of the built-in voice, exactly as 'clips make' does,\n" +
			"then written into the pack (a WAV file and its line in voice.yaml) whole or\n" +
			"not at all. Run it again to record the lines you skipped.\n\n" +
			"Examples:\n" +
			"   floorcoach clips record my-routine.yaml --into anna\n" +
			"   floorcoach clips record my-routine.yaml --into anna --auto\n" +
			"   floorcoach clips record my-routine.yaml --into anna --all   # numbers and coaching words too\n" +
			"   floorcoach play my-routine.yaml --voice anna",
		Flags: []cli.Flag{
			intoFlag(),
			&cli.StringFlag{Name: "voice", Usage: "the same as --into (`PACK`)"},
			levelsFlag(), allLinesFlag(),
			&cli.BoolFlag{Name: "auto", Usage: "hands-free: end each take after a second of quiet, keep it and go on"},
		},
		Action: func(c *cli.Context) error { return runClipsRecord(c, open) },
	}
}

func runClipsRecord(c *cli.Context, open OpenTerminal) (err error) {
	defer cliapp.Recovered(&err)
	name, err := cliapp.SessionArg(c)
	if err != nil {
		return err
	}
	tm := open(c.App.Reader, c.App.Writer)
	if !c.Bool("auto") && (tm == nil || tm.Input() == nil) {
		return cliapp.Usagef("record: its keys need a terminal; to record hands-free without one, add --auto")
	}
	w, cs, err := openTarget(c, name)
	if err != nil {
		return err
	}
	todo := cs.todo(w, c.Bool("all"))
	if len(todo) == 0 {
		closePack(w)
		fmt.Fprintf(c.App.ErrWriter, "all %d lines have clips in voice %q: nothing to record\n", len(cs.needs), cs.voice.Name)
		return nil
	}
	m, err := mic.Open(mic.Options{})
	if err != nil {
		closePack(w)
		return err
	}
	defer m.Close()
	spk, spkErr := speaker.Open(speaker.Options{})
	if spkErr == nil {
		defer spk.Close()
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	r := newRecorder(c, tm, m, w, cs, todo)
	defer func() { closePack(r.pack) }()
	if spkErr == nil {
		r.spk = spk
	} else {
		r.note = "no sound output, so no tone before a take and no listening (" + termtext.Line(spkErr.Error()) + ")"
	}
	return r.run(ctx)
}

// closePack closes a pack writer, if there is one.
func closePack(w *pack.Writer) {
	if w != nil {
		w.Close()
	}
}

// keep writes the take into the pack, as clips make writes a clip.
func (r *recorder) keep(i int, y []float32, problems []string) error {
	var err error
	if r.pack, err = packWriter(r.pack, r.cs); err != nil {
		return err
	}
	if _, err := r.pack.Add(r.todo[i].text, y, r.mic.Rate); err != nil {
		return err
	}
	r.kept++
	msg := fmt.Sprintf("kept (%.1f s)", float64(len(y))/float64(r.mic.Rate))
	if len(problems) > 0 {
		msg += ", " + problems[0]
		r.flagged = append(r.flagged, r.todo[i].text)
	}
	r.scr.verdict(msg)
	return nil
}

// prepareTake trims a take to its speech and matches its loudness, as
// clips make does. With no speech in it, it returns nil and why.
func prepareTake(take *mic.Take, rate int) ([]float32, []string) {
	problems := take.Problems()
	x := take.Speech()
	if x == nil {
		return nil, problems
	}
	y, _, err := speech.Prepare(x, rate)
	if err != nil {
		return nil, []string{err.Error()}
	}
	return y, problems
}

// finish prints what was recorded and returns the run's error.
func (r *recorder) finish(err error) error {
	r.scr.summary(r.kept, r.skipped, len(r.todo), r.dir, r.flagged)
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: the %d takes kept so far are in the pack", r.kept)
	}
	return err
}
