package main

import (
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// progress shows a bar with the time left on a terminal, for work that
// takes longer than a second; it shows nothing when stderr is not a
// terminal or --quiet is set.
type progress struct {
	total   int64
	what    string // the stage under way: "exporting", "measuring"…
	started time.Time
	bar     *progressbar.ProgressBar
	out     *os.File // nil: no terminal, never shown
}

func newProgress(c *cli.Context, total int64) *progress {
	p := &progress{total: total, what: "exporting", started: time.Now()}
	if f, ok := c.App.ErrWriter.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !c.Bool("quiet") {
		p.out = f
	}
	return p
}

// set records the frames done so far; the bar appears after a second.
func (p *progress) set(done int64) {
	if p.out == nil {
		return
	}
	if p.bar == nil {
		if time.Since(p.started) < time.Second {
			return
		}
		p.bar = progressbar.NewOptions64(p.total,
			progressbar.OptionSetWriter(p.out),
			progressbar.OptionSetDescription(p.what),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
	}
	p.bar.Set64(done)
}

// stage starts a new stage of the work, of total units, named what.
func (p *progress) stage(what string, total int64) {
	p.what, p.total = what, total
	if p.bar != nil {
		p.bar.Reset()
		p.bar.ChangeMax64(total)
		p.bar.Describe(what)
	}
}

// finish clears the bar.
func (p *progress) finish(ok bool) {
	if p.bar == nil {
		return
	}
	if ok {
		p.bar.Finish()
	} else {
		p.bar.Exit()
	}
}
