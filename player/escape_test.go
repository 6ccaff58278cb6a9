package player

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// handTimeline has one spoken event of text, with title as its title.
func handTimeline(title, text string) *Timeline {
	return &Timeline{Title: title, Level: "standard", SampleRate: 44100, Length: 44100,
		Steps:  []Span{{Index: 1, Name: text, Start: 0, End: 44100}},
		Events: []Event{{At: 0, Dur: 22050, Kind: Speech, Text: text, Step: 1}}}
}

// Captions escape what would end a cue or start a tag or an entity.
func TestCaptionsEscape(t *testing.T) {
	var b bytes.Buffer
	if err := handTimeline("A --> B", "Breathe <b>in</b> & out --> then\n\nrest").WriteVTT(&b); err != nil {
		t.Fatal(err)
	}
	want := "WEBVTT - A -> B\n\n1\n00:00:00.000 --> 00:00:00.500\nBreathe &lt;b&gt;in&lt;/b&gt; &amp; out --&gt; then rest\n"
	if b.String() != want {
		t.Errorf("captions:\n%s\nwant:\n%s", b.String(), want)
	}
}

// The text and JSON plans carry no character a terminal acts on, and the
// JSON still means the same.
func TestPlansEscape(t *testing.T) {
	text := "a\u009b2J\x1b]0;t\x07\u202eb"
	tl := handTimeline(text, text)
	var plain, js bytes.Buffer
	tl.WriteText(&plain, false)
	tl.WriteJSON(&js)
	for name, out := range map[string]string{"text": plain.String(), "json": js.String()} {
		if i := strings.IndexFunc(out, func(r rune) bool { return r != '\n' && (r < 0x20 || r >= 0x7f && r < 0xa0 || r == '\u202e') }); i >= 0 {
			t.Errorf("%s plan keeps %q:\n%s", name, out[i:i+1], out)
		}
	}
	var got struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil || got.Title != text {
		t.Errorf("JSON title = %q, %v; want %q", got.Title, err, text)
	}
}
