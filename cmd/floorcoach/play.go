package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/floorcoach/floorcoach/audio/mixdown"
	"github.com/floorcoach/floorcoach/audio/music"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/player"
	"github.com/urfave/cli/v2"
)

func playCommand() *cli.Command {
	return &cli.Command{
		Name:      "play",
		Usage:     "play a session live through the speaker, hands-free",
		ArgsUsage: "SESSION",
		Description: "Speaks every instruction, counts holds and reps with tones, and tells you when\n" +
			"to switch sides, through the computer's sound output (PulseAudio or PipeWire on\n" +
			"Linux). On a terminal a status line shows the step, the time left and what comes\n" +
			"next, and single keys steer the session:\n\n" +
			"   space      pause / resume\n" +
			"   n or →     skip to the next step\n" +
			"   p or ←     restart the step; twice: the previous step\n" +
			"   s          go straight to the other side (of a step done on each side)\n" +
			"   + and -    volume up / down\n" +
			"   q, Ctrl-C  stop\n\n" +
			"Headset and media keys (play/pause, next, previous) work too, where the desktop\n" +
			"has a D-Bus session bus. Not on a terminal, it prints one line per cue instead.\n\n" +
			"Examples:\n" +
			"   floorcoach play lower-back\n" +
			"   floorcoach play lower-back --level full\n" +
			"   floorcoach play lower-back --from 4        # start at the fourth step\n" +
			"   floorcoach play lower-back --resume        # where it stopped last time\n" +
			"   floorcoach play my-routine.yaml --volume 0.6\n" +
			"   floorcoach play lower-back --music calm.flac\n" +
			"   floorcoach play lower-back --duck           # your own music player goes quiet while floorcoach speaks\n\n" +
			"With --music, music plays under the voice as in an export; with --duck, other\n" +
			"applications playing on the sound server are turned down by 15 dB while a line\n" +
			"is spoken, and given back their own volume after (and when floorcoach stops).",
		Flags: append([]cli.Flag{
			levelFlag(), voiceFlag(), strictFlag(),
			&cli.IntFlag{Name: "from", DefaultText: "the beginning",
				Usage: "start at step `N`, as 'floorcoach show' numbers them"},
			&cli.Float64Flag{Name: "volume", Value: 1, DefaultText: "the settings file's volume:, else 1",
				Usage: "the volume: a `GAIN` from 0 (silent) through 1 (as recorded) to 2 (6 dB louder, loud peaks held under full scale by a limiter)"},
			resumeFlag(),
			&cli.BoolFlag{Name: "duck", Usage: "turn other applications' sound down while floorcoach speaks (PulseAudio, PipeWire)"},
		}, mixFlags()...),
		Action: runPlay,
	}
}

func runPlay(c *cli.Context) (err error) {
	defer cliapp.Recovered(&err)
	vol, err := volumeSetting(c)
	if err != nil {
		return err
	}
	if !(vol >= 0 && vol <= player.MaxVolume) {
		return usagef("--volume %v: must be from 0 to %v", vol, player.MaxVolume)
	}
	mix, err := readMixFlags(c)
	if err != nil {
		return err
	}
	p, err := loadPlan(c)
	if err != nil {
		return err
	}
	from, err := startFrame(c, p)
	if err != nil {
		return err
	}
	warnMissing(c, p)
	bed, err := mix.openMusic(p.timeline)
	if err != nil {
		return err
	}
	if bed != nil {
		defer bed.Close()
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	spk, src, err := prepare(p, mix, bed, from, vol)
	if err != nil {
		return noOutput(err, c.Args().First())
	}
	defer spk.Close()
	live := player.NewLive(p.timeline, boosted{spk, src}, src, vol)
	if c.Bool("duck") {
		d := startDucking(c, p.timeline, live)
		defer d.stop()
	}
	return play(ctx, c, p, live)
}

// boosted is the speaker with the volume above 1 given to the mix: a sound
// server's volume above 100% would clip, where the mix's limiter does not.
type boosted struct {
	*speaker.Speaker
	mix *mixdown.Mix
}

func (b boosted) SetVolume(v float64) error {
	b.mix.SetGain(max(v, 1))
	return b.Speaker.SetVolume(min(v, 1))
}

// startFrame returns the frame --from N asks to start at: step N's first;
// with --resume, where the journal says the session stopped; else the
// session's very first, before its title.
func startFrame(c *cli.Context, p *plan) (int64, error) {
	tl := p.timeline
	if c.Bool("resume") {
		return resumeFrame(c, p)
	}
	if !c.IsSet("from") {
		return 0, nil
	}
	n := c.Int("from")
	from, ok := tl.StartOf(n)
	if n < 1 || !ok {
		return 0, usagef("--from %d: %q has steps 1 to %d", n, tl.Title, tl.StepCount())
	}
	return from, nil
}

// prepare opens the sound output while the start of the session, and of
// its music, is decoded, and returns both.
func prepare(p *plan, mix mixSettings, bed *music.Bed, from int64, vol float64) (*speaker.Speaker, *mixdown.Mix, error) {
	type opened struct {
		spk *speaker.Speaker
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		spk, err := speaker.Open(speaker.Options{})
		ch <- opened{spk, err}
	}()
	src, err := startMix(p, mix, bed, from, vol)
	o := <-ch
	if o.err == nil && err != nil {
		o.spk.Close()
		return nil, nil, err
	}
	return o.spk, src, o.err
}

// startMix readies the live mix from frame from: the voice's first seconds
// decoded, the first track's level measured.
func startMix(p *plan, mix mixSettings, bed *music.Bed, from int64, vol float64) (*mixdown.Mix, error) {
	if bed != nil {
		if err := bed.Measure(); err != nil {
			return nil, err
		}
	}
	voice, err := p.timeline.Stream(p.voice, mix.balance(), from)
	if err != nil {
		return nil, err
	}
	return newMix(p.timeline, voice, bed, mixdown.Options{Gain: max(vol, 1), CeilingDB: liveCeiling})
}

// liveCeiling is the true peak live play is held to, as exports are.
const liveCeiling = -1.0

// noOutput explains a failure to open the sound output, suggesting export.
func noOutput(err error, session string) error {
	if !errors.Is(err, speaker.ErrNoOutput) {
		return err
	}
	name := strings.TrimSuffix(filepath.Base(session), filepath.Ext(session))
	msg := strings.ReplaceAll(strings.TrimPrefix(err.Error(), "speaker: "), "\n", " ")
	return fmt.Errorf("%s (to listen elsewhere: floorcoach export %s -o %s.mp3)", msg, session, name)
}

// play runs the session, showing it and taking keys, until it ends, and
// prints the summary.
func play(ctx context.Context, c *cli.Context, p *plan, live *player.Live) error {
	s := newScreen(c, p, live)
	if err := s.open(); err != nil {
		return err
	}
	defer s.close()
	media := startMedia(live, p.timeline)
	defer media.close()
	pr := startPractice(c, p, live)
	done := make(chan error, 1)
	go func() {
		var err error
		defer func() { done <- err }()
		defer cliapp.Recovered(&err)
		err = live.Run(ctx)
	}()
	err := s.loop(done, media)
	s.close()
	pr.finish(err)
	return s.finish(err)
}
