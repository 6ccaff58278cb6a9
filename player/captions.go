package player

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/termtext"
)

// WriteVTT writes every spoken line as a WebVTT caption at its time, for
// reading along and for people who are hard of hearing. Each step's name
// is spoken, so it is captioned like any line.
func (t *Timeline) WriteVTT(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "WEBVTT - %s\n", strings.ReplaceAll(oneLine(t.Title), "-->", "->"))
	n := 0
	for _, e := range t.Events {
		if !e.Spoken() {
			continue
		}
		n++
		fmt.Fprintf(bw, "\n%d\n%s --> %s\n%s\n", n, vttTime(e.At), vttTime(e.End()), cueText(e.Text))
	}
	return bw.Flush()
}

// vttTime formats a frame as hh:mm:ss.ttt.
func vttTime(f int64) string {
	ms := audio.Duration(f).Milliseconds()
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// oneLine keeps a caption's text on one line, so no blank line ends its
// cue early, with no control character.
func oneLine(s string) string {
	return termtext.Line(strings.Join(strings.Fields(s), " "))
}

// cueEscaper writes the characters a cue's text may not hold as they
// are: "<" opens a tag, "&" an entity, and "-->" would end the cue's
// text ("&gt;" keeps it from being one).
var cueEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// cueText is a line as the text of a cue: one line, escaped.
func cueText(s string) string { return cueEscaper.Replace(oneLine(s)) }
