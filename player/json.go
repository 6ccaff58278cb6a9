package player

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/floorcoach/floorcoach/internal/termtext"
)

// The JSON form of a timeline: times in seconds from the session start,
// each a whole number of samples; steps numbered as Span.Index numbers
// them, and each event's step is that number (0 for the session's own
// cues).
type jsonHead struct {
	Title      string   `json:"title"`
	Level      string   `json:"level"`
	SampleRate int      `json:"sample_rate"`
	Duration   float64  `json:"duration"`
	Missing    []string `json:"missing_clips,omitempty"`
}

type jsonSpan struct {
	Index int     `json:"index"`
	Name  string  `json:"name"`
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Round int     `json:"round,omitempty"`
}

type jsonEvent struct {
	At    float64 `json:"at"`
	Dur   float64 `json:"dur"`
	Kind  Kind    `json:"kind"`
	Text  string  `json:"text,omitempty"`
	Step  int     `json:"step"`
	Side  string  `json:"side,omitempty"`
	Round int     `json:"round,omitempty"`
	Rep   int     `json:"rep,omitempty"`
}

// WriteJSON writes the timeline as JSON (what show --json prints), one step
// or event a line.
func (t *Timeline) WriteJSON(w io.Writer) error {
	sec := func(f int64) float64 { return float64(f) / float64(t.SampleRate) }
	head, err := json.Marshal(jsonHead{t.Title, string(t.Level), t.SampleRate, sec(t.Length), t.Missing})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Write(head[:len(head)-1])
	buf.WriteString(",\n \"steps\": [")
	for i, s := range t.Steps {
		line(&buf, i, jsonSpan{s.Index, s.Name, sec(s.Start), sec(s.End), s.Round})
	}
	buf.WriteString("],\n \"events\": [")
	for i, e := range t.Events {
		line(&buf, i, jsonEvent{sec(e.At), sec(e.Dur), e.Kind, e.Text, e.Step, e.Side, e.Round, e.Rep})
	}
	buf.WriteString("]}\n")
	_, err = w.Write(jsonSafe(buf.Bytes()))
	return err
}

// jsonSafe escapes, as \uXXXX, the characters encoding/json leaves as
// they are that a terminal would act on (C1 controls such as U+009B,
// DEL, bidirectional overrides): the JSON means the same, and printing
// it is safe. They can only be inside strings; the newlines between
// elements stay.
func jsonSafe(b []byte) []byte {
	unsafe := func(r rune) bool { return r != '\n' && termtext.Unsafe(r) }
	if !bytes.ContainsFunc(b, unsafe) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for _, r := range string(b) {
		if unsafe(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
			continue
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// line appends one element of a JSON list on a line of its own.
func line(buf *bytes.Buffer, i int, v any) {
	if i > 0 {
		buf.WriteByte(',')
	}
	buf.WriteString("\n  ")
	b, _ := json.Marshal(v) // plain structs of strings and numbers always marshal
	buf.Write(b)
}
