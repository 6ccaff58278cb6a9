package clipscmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

func clipsMakeCommand() *cli.Command {
	return &cli.Command{
		Name:      "make",
		Usage:     "make the clips a session lacks with any text-to-speech command",
		ArgsUsage: "SESSION",
		Description: "Runs a text-to-speech command for every line SESSION speaks (at any level)\n" +
			"that the pack has no clip for, several at once. In the command, {text} stands\n" +
			"for the line, {textfile} for a file holding it, and {out} for the WAV file to\n" +
			"write; floorcoach quotes them, so leave them bare. Without {out}, the WAV is\n" +
			"read from the command's standard output (a streamed WAV is read to its end);\n" +
			"without {text} or {textfile}, the line is given on its standard input.\n\n" +
			"Which form is safe: {text} is one argument, but a program may still take a\n" +
			"line that starts with - for an option (espeak-ng {text} would read\n" +
			"\"-f/etc/hostname\" as -f). Put {text} only after an option that takes the\n" +
			"next argument as it is, as flite's -t does; otherwise use {textfile} (with\n" +
			"espeak-ng -f) or standard input (piper, espeak-ng without -f).\n\n" +
			"Each clip is trimmed of the quiet at its ends and brought to the loudness of\n" +
			"the built-in voice, then written as a WAV file into the pack, and its line into\n" +
			"the pack's voice.yaml. Lines the pack already has are not made again, so run it\n" +
			"again after editing the script. With --all, every line the session speaks is\n" +
			"made into the pack itself, the coaching words (\"Get ready.\", \"Switch sides.\")\n" +
			"and the numbers it counts included, so that the whole session speaks with one\n" +
			"voice instead of borrowing lines from the pack it extends. A command that fails,\n" +
			"hangs past --timeout, or writes more than 32 MiB to its output or to any file,\n" +
			"is killed with every process it started, and reported with the last lines it\n" +
			"printed (its other output is not kept); the other lines are still made, and the\n" +
			"exit status is 1.\n\n" +
			"Examples:\n" +
			"   floorcoach clips make my-routine.yaml --tts 'flite -voice slt -t {text} -o {out}'\n" +
			"   floorcoach clips make my-routine.yaml --all --tts 'flite -voice slt -t {text} -o {out}'\n" +
			"   floorcoach clips make my-routine.yaml --tts 'espeak-ng --stdout -f {textfile}' --into ~/voices/robot\n" +
			"   floorcoach clips make my-routine.yaml --tts 'piper -m en_US-amy-medium.onnx -f {out}'\n" +
			"   floorcoach play my-routine.yaml --voice mine",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "tts", Required: true,
				Usage: "the text-to-speech `COMMAND`, run by the shell, with {text} or {textfile}, and {out}"},
			intoFlag(),
			&cli.StringFlag{Name: "voice", Usage: "the same as --into (`PACK`)"},
			levelsFlag(), allLinesFlag(),
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), DefaultText: "one per CPU",
				Usage: "how many lines to make at once (`N`)"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second,
				Usage: "how long one line may take before the command is killed (`DURATION`)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		},
		Action: runClipsMake,
	}
}

func runClipsMake(c *cli.Context) error {
	name, err := cliapp.SessionArg(c)
	if err != nil {
		return err
	}
	tts := speech.TTS{Command: c.String("tts"), Timeout: c.Duration("timeout")}
	if err := tts.Check(); err != nil {
		return cliapp.Usagef("--tts: %v", err)
	}
	if c.Int("jobs") < 1 || c.Duration("timeout") < 0 {
		return cliapp.Usagef("make: --jobs must be 1 or more, and --timeout not negative")
	}
	w, cs, err := openTarget(c, name)
	if err != nil {
		return err
	}
	todo := cs.todo(w, c.Bool("all"))
	if len(todo) == 0 {
		own := ""
		if c.Bool("all") {
			own = " of its own"
		}
		fmt.Fprintf(c.App.ErrWriter, "all %d lines have clips%s in voice %q: nothing to make\n", len(cs.needs), own, cs.voice.Name)
		return nil
	}
	if w, err = packWriter(w, cs); err != nil {
		return err
	}
	defer w.Close()
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	errs, err := makeClips(ctx, c, tts, w, todo)
	if err != nil {
		return err
	}
	return report(c, w.Dir, todo, errs, ctx.Err() != nil)
}

// allLinesFlag returns a new flag that makes make and record fill every
// line into the pack itself.
func allLinesFlag() *cli.BoolFlag {
	return &cli.BoolFlag{Name: "all",
		Usage: "every line the session speaks, coaching words and numbers too, also those the pack takes from the one it extends"}
}

// todo returns the lines to make into the pack of w (nil: a pack still
// to be made): those the voice lacks, or with all, those the pack itself
// lacks.
func (cs *clipSet) todo(w *pack.Writer, all bool) []need {
	if !all {
		return cs.missing()
	}
	var out []need
	for _, n := range cs.needs {
		if w == nil || !w.Has(n.text) {
			out = append(out, n)
		}
	}
	return out
}

// openTarget opens the pack make and add write to and loads the session's
// lines. For a pack that does not exist yet it returns no writer: the
// caller creates the pack (at clipSet.dir) once there is a line to put in.
func openTarget(c *cli.Context, session string) (*pack.Writer, *clipSet, error) {
	dir, err := targetPack(c)
	if err != nil {
		return nil, nil, err
	}
	if _, err := cliapp.Level(c); err != nil { // before the pack is made
		return nil, nil, err
	}
	if _, err := scripts.Load(session); err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		// A new pack extends the default voice: nothing is created unless
		// that voice lacks a line.
		v, err := pack.Default()
		if err != nil {
			return nil, nil, err
		}
		cs, err := loadClips(c, session, v)
		if err == nil {
			cs.dir = dir
		}
		return nil, cs, err
	}
	w, err := pack.OpenWriter(dir)
	if err != nil {
		return nil, nil, err
	}
	v, err := pack.OpenDir(dir)
	if err == nil {
		var cs *clipSet
		if cs, err = loadClips(c, session, v); err == nil {
			return w, cs, nil
		}
	}
	w.Close()
	return nil, nil, err
}

// packWriter returns w, or for a pack still to be made, makes it now that
// there is something to put in it.
func packWriter(w *pack.Writer, cs *clipSet) (*pack.Writer, error) {
	if w != nil {
		return w, nil
	}
	return pack.OpenWriter(cs.dir)
}

// makeClips makes the clips of the lines, --jobs at a time, and returns
// each line's error. It stops starting lines when ctx ends.
func makeClips(ctx context.Context, c *cli.Context, tts speech.TTS, w *pack.Writer, todo []need) ([]error, error) {
	scratch, err := os.MkdirTemp("", "floorcoach-tts-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	errs := make([]error, len(todo))
	for i := range errs {
		errs[i] = context.Canceled // until the line is made
	}
	p := newLineProgress(c, len(todo))
	reapAll := speech.ReapSince()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(c.Int("jobs"), len(todo)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(todo) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				errs[i] = makeClip(ctx, tts, w, todo[i].text, filepath.Join(scratch, strconv.Itoa(i)))
				p.done(todo[i].text, errs[i] == nil)
			}
		})
	}
	wg.Wait()
	reapAll() // what commands left running, out of their reach (setsid, a cleared environment)
	return errs, nil
}

// makeClip says one line with the TTS command, in its own scratch folder,
// readies the sound and adds it to the pack.
func makeClip(ctx context.Context, tts speech.TTS, w *pack.Writer, text, dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	x, rate, err := tts.Say(ctx, text, dir)
	if err != nil {
		return err
	}
	y, rate, err := speech.Prepare(x, rate)
	if err != nil {
		return fmt.Errorf("the TTS command's WAV file: %w", err)
	}
	_, err = w.Add(text, y, rate)
	return err
}
