package encode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
)

func TestParseFormat(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Format
		err  string
	}{
		{"wav", WAV, ""}, {"MP3", MP3, ""}, {".flac", FLAC, ""},
		{"ogg", "", `audio: unknown format "ogg"; use .wav, .mp3, .flac`},
		{"", "", `audio: unknown format ""; use .wav, .mp3, .flac`},
	} {
		got, err := ParseFormat(tt.in)
		if got != tt.want || fmt.Sprint(err) != fmt.Sprint(encTestErr(tt.err)) {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, %s", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestFormatFromName(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Format
		err  string
	}{
		{"session.mp3", MP3, ""}, {"dir.v2/Back.FLAC", FLAC, ""}, {"a.b.wav", WAV, ""},
		{"session.ogg", "", `audio: "session.ogg": unknown extension ".ogg"; use .wav, .mp3, .flac`},
		{"dir.v2/session", "", `audio: "dir.v2/session" has no extension to tell its format; use .wav, .mp3, .flac`},
	} {
		got, err := FormatFromName(tt.in)
		if got != tt.want || fmt.Sprint(err) != fmt.Sprint(encTestErr(tt.err)) {
			t.Errorf("FormatFromName(%q) = %q, %v; want %q, %s", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// encTestErr makes an error of s, or nil for "".
func encTestErr(s string) error {
	if s == "" {
		return nil
	}
	return errors.New(s)
}

func TestEncodeBadMeta(t *testing.T) {
	const n = 1000
	for _, tt := range []struct {
		name     string
		chapters []audio.Chapter
		err      string
	}{
		{"past the end", []audio.Chapter{{Title: "a", Start: 0, End: 1001}}, `audio: chapter 1 "a": frames 0 to 1001 lie outside the 1000 frames of audio`},
		{"negative", []audio.Chapter{{Title: "a", Start: -1, End: 10}}, `audio: chapter 1 "a": frames -1 to 10 lie outside the 1000 frames of audio`},
		{"empty", []audio.Chapter{{Title: "a", Start: 5, End: 5}}, `audio: chapter 1 "a": ends at frame 5, not after its start 5`},
		{"overlap", []audio.Chapter{{Title: "a", Start: 0, End: 10}, {Title: "b", Start: 9, End: 20}}, `audio: chapter 2 "b": starts at frame 9, before the previous chapter ends at 10`},
		{"bad UTF-8", []audio.Chapter{{Title: "\xff", Start: 0, End: 10}}, `audio: chapter 1 "\xff": title is not valid UTF-8`},
	} {
		for _, f := range Formats() {
			err := Write(&bytes.Buffer{}, f, newEncTestSource(n), audio.Meta{Chapters: tt.chapters}, Options{})
			if fmt.Sprint(err) != tt.err {
				t.Errorf("%s, %s:\n got %v\nwant %s", tt.name, f, err, tt.err)
			}
		}
	}
	for _, f := range Formats() {
		if err := Write(&bytes.Buffer{}, f, newEncTestSource(0), audio.Meta{}, Options{}); !errors.Is(err, ErrEmpty) {
			t.Errorf("%s of an empty source: %v, want ErrEmpty", f, err)
		}
	}
	if err := Write(&bytes.Buffer{}, "ogg", newEncTestSource(1), audio.Meta{}, Options{}); err == nil {
		t.Errorf("Encode to ogg: no error")
	}
}

// encTestBadSource is the test signal, but its Read fails at frame failAt
// with err, or it ends there, or it runs on past its Len.
type encTestBadSource struct {
	*encTestSource
	failAt int64
	err    error // nil: end early (or, with extra, run on)
	extra  bool
}

func (s *encTestBadSource) Read(p []int16) (int, error) {
	if s.extra && s.pos >= s.n {
		p[0], p[1] = 1, 1
		s.pos++
		return 2, nil
	}
	if s.pos >= s.failAt && !s.extra {
		if s.err != nil {
			return 0, s.err
		}
		return 0, io.EOF
	}
	if left := int(s.failAt-s.pos) * audio.Channels; !s.extra && len(p) > left {
		p = p[:left]
	}
	return s.encTestSource.Read(p)
}

func TestEncodeSourceErrors(t *testing.T) {
	errBroken := errors.New("clip decoder broke")
	const n = 5 * audio.SampleRate
	for _, tt := range []struct {
		name string
		src  func() *encTestBadSource
		want string
	}{
		{"fails", func() *encTestBadSource {
			return &encTestBadSource{encTestSource: newEncTestSource(n), failAt: 70000, err: errBroken}
		}, "audio: read source: clip decoder broke"},
		{"ends early", func() *encTestBadSource {
			return &encTestBadSource{encTestSource: newEncTestSource(n), failAt: 70001}
		}, "audio: read source: ended at frame 70001 of 220500"},
		{"runs on", func() *encTestBadSource {
			return &encTestBadSource{encTestSource: newEncTestSource(n), extra: true}
		}, "audio: read source: more than its Len of 220500 frames"},
	} {
		for _, f := range Formats() {
			src := tt.src()
			err := Write(io.Discard, f, src, encTestMeta(n), Options{})
			if fmt.Sprint(err) != tt.want {
				t.Errorf("%s, %s:\n got %v\nwant %s", tt.name, f, err, tt.want)
			}
			if tt.src().err != nil && !errors.Is(err, errBroken) {
				t.Errorf("%s, %s: %v does not wrap the source's error", tt.name, f, err)
			}
		}
	}
}

// TestEncodeWriteErrors fails the writer at several points of a long
// encoding: Encode must return the writer's error, wrapped, at once,
// without reading on through the source.
func TestEncodeWriteErrors(t *testing.T) {
	const n = 10 * 60 * audio.SampleRate // ten minutes: far longer than a prompt return
	for _, f := range Formats() {
		for _, after := range []int{0, 10, 5000, 300000} {
			w := &encTestFailWriter{n: after}
			src := newEncTestSource(n)
			err := Write(w, f, src, encTestMeta(n), Options{})
			want := "audio: write " + string(f) + ": disk full"
			if fmt.Sprint(err) != want || !errors.Is(err, encTestErrDiskFull) {
				t.Errorf("%s, failing after %d bytes: %v, want %s", f, after, err, want)
			}
			// MP3 reads up to 2 segments per worker ahead of the writer.
			if read := src.pos; read > 45*audio.SampleRate {
				t.Errorf("%s, failing after %d bytes: read %.1f s of the source before stopping",
					f, after, float64(read)/audio.SampleRate)
			}
		}
	}
}

func TestEncodeProgress(t *testing.T) {
	const n = 12*audio.SampleRate + 5
	for _, f := range Formats() {
		var calls []int64
		opts := Options{Progress: func(done int64) { calls = append(calls, done) }}
		if err := Write(io.Discard, f, newEncTestSource(n), audio.Meta{}, opts); err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(calls); i++ {
			if calls[i] <= calls[i-1] {
				t.Errorf("%s: progress went from %d to %d", f, calls[i-1], calls[i])
			}
		}
		if len(calls) < 3 || calls[len(calls)-1] != n {
			t.Errorf("%s: progress %v, want several calls ending at %d", f, calls, n)
		}
	}
}

func TestEncodeBadText(t *testing.T) {
	err := Write(&bytes.Buffer{}, MP3, newEncTestSource(10), audio.Meta{Title: "a\xffb"}, Options{})
	if err == nil || !strings.Contains(err.Error(), "not valid UTF-8") {
		t.Errorf("bad UTF-8 title: %v", err)
	}
}

// encTestFailWriter fails every write after the first n bytes.
type encTestFailWriter struct {
	n, written int
	calls      int
}

var encTestErrDiskFull = errors.New("disk full")

func (w *encTestFailWriter) Write(p []byte) (int, error) {
	w.calls++
	if w.written+len(p) > w.n {
		k := w.n - w.written
		w.written = w.n
		return k, encTestErrDiskFull
	}
	w.written += len(p)
	return len(p), nil
}
