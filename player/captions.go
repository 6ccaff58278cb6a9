package player

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
)

// WriteVTT writes every spoken line as a WebVTT caption at its time, for
// reading along and for people who are hard of hearing. Each step's name
// is spoken, so it is captioned like any line.
func (t *Timeline) WriteVTT(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "WEBVTT - %s\n", oneLine(t.Title))
	n := 0
	for _, e := range t.Events {
		if !e.Spoken() {
			continue
		}
		n++
		fmt.Fprintf(bw, "\n%d\n%s --> %s\n%s\n", n, vttTime(e.At), vttTime(e.End()), oneLine(e.Text))
	}
	return bw.Flush()
}

// vttTime formats a frame as hh:mm:ss.ttt.
func vttTime(f int64) string {
	ms := audio.Duration(f).Milliseconds()
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// oneLine keeps a caption's text from ending its cue early: a blank line or
// "-->" would.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "-->", "->")
}
