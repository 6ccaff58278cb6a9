package encode

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
)

// Format is a kind of audio file floorcoach exports.
type Format string

// The formats Write writes.
const (
	WAV  Format = "wav"  // 16-bit PCM in RIFF; chapters as cue points with labels
	MP3  Format = "mp3"  // MPEG-1 Layer III, constant bitrate; ID3v2.4 chapters
	FLAC Format = "flac" // lossless; chapters as a cue sheet and Vorbis comments
)

// Formats lists every format, in the order they are offered to users.
func Formats() []Format { return []Format{WAV, MP3, FLAC} }

// ParseFormat returns the format named s ("mp3", "FLAC", ".wav").
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimPrefix(s, ".")))
	for _, known := range Formats() {
		if f == known {
			return f, nil
		}
	}
	return "", fmt.Errorf("audio: unknown format %q; use %s", s, formatList())
}

// FormatFromName returns the format a file name's extension stands for.
func FormatFromName(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", fmt.Errorf("audio: %q has no extension to tell its format; use %s", path, formatList())
	}
	f, err := ParseFormat(ext)
	if err != nil {
		return "", fmt.Errorf("audio: %q: unknown extension %q; use %s", path, ext, formatList())
	}
	return f, nil
}

func formatList() string {
	var names []string
	for _, f := range Formats() {
		names = append(names, "."+string(f))
	}
	return strings.Join(names, ", ")
}

// DefaultBitrate is the MP3 bitrate in kbit/s when Options leaves it 0:
// clear speech and tones at about 1 MB a minute.
const DefaultBitrate = 128

// Options tunes Write. The zero value is ready to use.
type Options struct {
	// Bitrate is the MP3 bitrate in kbit/s, one of MP3Bitrates; 0 means
	// DefaultBitrate. Other formats ignore it.
	Bitrate int
	// Workers is how many goroutines encode MP3 at once; 0 means one per
	// CPU (GOMAXPROCS). The output is the same for any number.
	Workers int
	// Progress, if set, is called from Write's goroutine each time more of
	// the source has been encoded and written, with the frames done so far.
	Progress func(framesDone int64)
}

// ErrEmpty is returned by Write for a source with no frames.
var ErrEmpty = errors.New("audio: nothing to encode: the source has no frames")

// Write writes src as a whole file of format f to w, with meta's title,
// description, encoder and chapters. It reads src once, to its end, and
// checks that it holds exactly Len frames; it never closes w. MP3 reads
// src on another goroutine, but never after Write returns.
//
// WAV and MP3 stream: they write w front to back and work on a pipe. FLAC
// writes its STREAMINFO first and fills in the MD5 of the samples at the
// end: if w is an io.WriteSeeker that can seek (a file, not a pipe)
// Write seeks back to do so and then leaves the offset at the end; on
// any other writer the MD5 stays unset, which the FLAC format allows.
//
// Decoders that honour the MP3's LAME tag (ffmpeg and players built on it)
// give back exactly Len frames; others add up to about 50 ms of silence
// before and 26 ms after (the codec's delay and the last frame's padding).
//
// A failed write returns promptly as "audio: write mp3: ..." and a failed
// Read of src as "audio: read source: ..."; both wrap the cause.
func Write(w io.Writer, f Format, src audio.Source, meta audio.Meta, opts Options) error {
	if src.Len() <= 0 {
		return ErrEmpty
	}
	if err := checkMeta(meta, src.Len()); err != nil {
		return err
	}
	switch f {
	case WAV:
		return encodeWAV(w, src, meta, opts)
	case MP3:
		return encodeMP3(w, src, meta, opts)
	case FLAC:
		return encodeFLAC(w, src, meta, opts)
	}
	return fmt.Errorf("audio: unknown format %q; use %s", f, formatList())
}
