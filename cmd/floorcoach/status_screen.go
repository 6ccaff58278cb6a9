package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/urfave/cli/v2"
)

// redrawEvery is how often the screen follows the session when nothing
// else happens.
const redrawEvery = 200 * time.Millisecond

// screen shows a playing session. On a terminal: the spoken lines as they
// are heard, under them a status line redrawn in place, and keys read in raw
// mode. Elsewhere: one plain line per cue (ticks aside), for logs.
type screen struct {
	w     io.Writer
	tl    *player.Timeline
	live  *player.Live
	feed  *player.Feed
	steps int
	term  *terminal // nil when not on a terminal
	keys  chan key
	last  string // the status line shown
	jobs  func() // stops following job control
	again string // the command that plays the session again, for a resume hint
}

func newScreen(c *cli.Context, p *plan, live *player.Live) *screen {
	return &screen{w: c.App.Writer, tl: p.timeline, live: live, feed: player.NewFeed(p.timeline),
		steps: p.timeline.StepCount(), term: openTerminal(c.App.Reader, c.App.Writer), keys: make(chan key, 16),
		again: playCommandLine(c.App.Name, c.Args().First(), c.String("level"), c.String("voice"))}
}

// open takes the keyboard, in raw mode, when there is a terminal.
func (s *screen) open() error {
	if s.term == nil {
		return nil
	}
	if err := s.term.raw(); err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	if s.term.in != nil {
		s.jobs = s.term.followJobs()
		go readKeys(s.term.in, s.keys)
		fmt.Fprint(s.w, fit(keysHelp, s.term.width()-1)+"\r\n")
	}
	return nil
}

// close clears the status line and gives the terminal back as it was. It
// may be called more than once.
func (s *screen) close() {
	if s.term == nil {
		return
	}
	if s.last != "" {
		fmt.Fprint(s.w, "\r\x1b[K")
		s.last = ""
	}
	if s.jobs != nil {
		s.jobs()
		s.jobs = nil
	}
	s.term.restore()
}

// loop follows the session until Run's result arrives on done.
func (s *screen) loop(done <-chan error, media *media) error {
	tick := time.NewTicker(redrawEvery)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			s.refresh(media)
			return err
		case k := <-s.keys:
			s.press(k)
		case <-s.live.Changed():
		case <-s.continued():
			s.last = "" // the shell wrote on the terminal meanwhile
		case <-tick.C:
		}
		s.refresh(media)
	}
}

// press does what a key asks.
func (s *screen) press(k key) {
	switch k {
	case keyPause:
		s.live.TogglePause()
	case keyNext:
		s.live.Next()
	case keyRestart:
		s.live.Restart()
	case keySide:
		s.live.OtherSide()
	case keyUp:
		s.live.VolumeUp()
	case keyDown:
		s.live.VolumeDown()
	case keyStop:
		s.live.Stop()
	case keySuspend:
		s.term.suspend()
	}
}

// continued says when the job was continued after a stop; never when not
// on a terminal.
func (s *screen) continued() <-chan struct{} {
	if s.term == nil {
		return nil
	}
	return s.term.continued
}

// refresh shows the cues heard since the last refresh and the status.
func (s *screen) refresh(media *media) {
	st := s.live.Status()
	heard := s.feed.Heard(st)
	media.update(st)
	if s.term == nil {
		for _, e := range heard {
			if e.Kind != player.Tick {
				fmt.Fprintln(s.w, logLine(s.tl, s.steps, e))
			}
		}
		return
	}
	var b strings.Builder
	for _, e := range heard {
		if e.Kind == player.Speech {
			b.WriteString("\r\x1b[K" + termtext.Line(e.Text) + "\r\n")
		}
	}
	line := statusLine(st, s.tl.Title, s.term.width())
	if b.Len() == 0 && line == s.last {
		return
	}
	b.WriteString("\r\x1b[K" + line)
	s.last = line
	io.WriteString(s.w, b.String())
}

// finish prints the summary of a session that ended, or returns why it
// could not go on.
func (s *screen) finish(err error) error {
	st := s.live.Status()
	played, steps := s.live.Played()
	switch {
	case err == nil:
		fmt.Fprintln(s.w, summary(s.tl, st, played, steps, true))
		return nil
	case errors.Is(err, player.ErrStopped):
		fmt.Fprintln(s.w, summary(s.tl, st, played, steps, false))
		if hint := resumeHint(s.tl, st, s.again); hint != "" {
			fmt.Fprintln(s.w, hint)
		}
		return nil
	}
	msg := strings.TrimPrefix(err.Error(), "speaker: ")
	if hint := resumeHint(s.tl, st, s.again); hint != "" {
		return fmt.Errorf("%s (stopped %s after %s; %s)", msg, where(s.tl, st), player.Minutes(played), lowerFirst(hint))
	}
	return fmt.Errorf("%s (stopped %s after %s)", msg, where(s.tl, st), player.Minutes(played))
}

// lowerFirst lowers the first letter of a sentence put inside another.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
