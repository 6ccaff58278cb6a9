package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/duck"
	"github.com/floorcoach/floorcoach/audio/pulseduck"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/urfave/cli/v2"
)

// How play --duck follows the session: other streams go down over
// duckDown, starting duckLead before a line so that they are down when it
// begins (the extra 100 ms for the server to act), and come back over
// duckUp once it ends. Lines close together are one span, as for music.
const (
	duckPoll = 20 * time.Millisecond
	duckDown = 250 * time.Millisecond
	duckLead = duckDown + 100*time.Millisecond
	duckUp   = 600 * time.Millisecond
)

// ducking lowers other applications' streams while the voice of a live
// session speaks, from its own goroutine.
type ducking struct {
	d     *pulseduck.Ducker
	spans []duck.Span // merged: cues close together are one span, as music is ducked
	quit  chan struct{}
	done  chan struct{}
}

// startDucking starts lowering other streams around the lines of tl as
// live plays them; without a server that allows it, it says so in one line
// and returns a ducking that does nothing.
func startDucking(c *cli.Context, tl *player.Timeline, live *player.Live) *ducking {
	g := &ducking{quit: make(chan struct{}), done: make(chan struct{})}
	d, err := pulseduck.Open("")
	if err != nil {
		fmt.Fprintf(c.App.ErrWriter, "floorcoach: --duck: %s; playing on without it\n",
			strings.TrimPrefix(termtext.Line(err.Error()), "pulseduck: "))
		close(g.done)
		return g
	}
	g.d = d
	g.spans = duck.New(tl.Speech(), tl.Length, audio.SampleRate, duck.Default).Spans()
	go g.follow(c, live)
	return g
}

// follow lowers the others from duckLead before each span to its end,
// and gives them back otherwise, and when paused or done.
func (g *ducking) follow(c *cli.Context, live *player.Live) {
	defer close(g.done)
	tick := time.NewTicker(duckPoll)
	defer tick.Stop()
	lead := audio.Frames(duckLead)
	down := false
	for {
		select {
		case <-g.quit:
			return
		case <-tick.C:
		}
		st := live.Status()
		want := !st.Paused && !st.Done && g.speaking(st.Pos+lead)
		var err error
		switch {
		case want && !down:
			err = g.d.Lower(duckDown)
		case !want && down:
			err = g.d.Restore(duckUp)
		}
		if err != nil {
			fmt.Fprintf(c.App.ErrWriter, "floorcoach: --duck: %s; other sound is left as it is from here\n", termtext.Line(err.Error()))
			g.d.Restore(0)
			return
		}
		down = want
	}
}

// speaking reports whether frame is in a ducked span, or in the lead before
// one (frame is ahead of the position by the lead).
func (g *ducking) speaking(frame int64) bool {
	lead := audio.Frames(duckLead)
	for _, s := range g.spans {
		if frame >= s.Start && frame < s.End+lead {
			return true
		}
		if s.Start > frame {
			break
		}
	}
	return false
}

// stop ends the ducking and gives every lowered stream its volume back.
func (g *ducking) stop() {
	if g.d == nil {
		return
	}
	close(g.quit)
	<-g.done
	g.d.Close()
}
