package clipscmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// lineProgress prints "[3/12] Lie on your back…" on a terminal as each
// line is done.
type lineProgress struct {
	mu           sync.Mutex
	out          io.Writer // nil: not a terminal, or --quiet
	count, total int
}

func newLineProgress(c *cli.Context, total int) *lineProgress {
	p := &lineProgress{total: total}
	if f, ok := c.App.ErrWriter.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !c.Bool("quiet") {
		p.out = f
	}
	return p
}

func (p *lineProgress) done(text string, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	if p.out == nil {
		return
	}
	mark := ""
	if !ok {
		mark = " (failed)"
	}
	fmt.Fprintf(p.out, "[%d/%d] %s%s\n", p.count, p.total, termtext.Line(shorten(text, 60)), mark)
}

// shorten cuts text to n characters, marking the cut with "…".
func shorten(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// report prints the lines that failed, each kind of failure once, and how
// many clips were made; it returns an error if any line failed.
func report(c *cli.Context, dir string, todo []need, errs []error, interrupted bool) error {
	made, failed := 0, 0
	seen := map[string]int{} // a failure's text -> how many lines had it
	var order []string
	for i, err := range errs {
		switch {
		case err == nil:
			made++
		case errors.Is(err, context.Canceled):
		default:
			failed++
			msg := failureText(err)
			if seen[msg] == 0 {
				order = append(order, msg)
				fmt.Fprintf(c.App.ErrWriter, "floorcoach: %q: %s\n", shorten(todo[i].text, 60), termtext.Text(msg))
			}
			seen[msg]++
		}
	}
	for _, msg := range order {
		if n := seen[msg]; n > 1 {
			fmt.Fprintf(c.App.ErrWriter, "floorcoach: and %d more lines failed the same way: %s\n", n-1, termtext.Line(firstOf(msg)))
		}
	}
	if made > 0 && !c.Bool("quiet") {
		ref, _ := cliapp.PackRef(c)
		fmt.Fprintf(c.App.ErrWriter, "made %d clips into %s; to hear them: floorcoach play %s --voice %s\n",
			made, termtext.Line(dir), termtext.Line(c.Args().First()), termtext.Line(ref))
	}
	switch {
	case interrupted:
		return fmt.Errorf("interrupted: the %d clips made so far are kept", made)
	case failed > 0:
		return cli.Exit(fmt.Sprintf("%d of %d lines failed; the command makes only what is missing, so run it again to retry them", failed, len(todo)), cliapp.ExitFail)
	}
	return nil
}

// failureText describes a line's failure: a TTS command's with the last
// lines it printed, indented below.
func failureText(err error) string {
	var te *speech.TTSError
	if !errors.As(err, &te) {
		return err.Error()
	}
	msg := "the TTS command " + te.Err.Error()
	if te.Stderr != "" {
		msg += "; it printed:\n    " + strings.ReplaceAll(te.Stderr, "\n", "\n    ")
	}
	return msg
}

// firstOf returns the first line of msg.
func firstOf(msg string) string {
	first, _, _ := strings.Cut(msg, "\n")
	return first
}
