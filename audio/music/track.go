package music

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// probeFrames is how much of a track OpenTrack decodes to check it.
const probeFrames = 1 << 14

// A Track is a music file that was opened and checked.
type Track struct {
	Path     string
	Format   string // "mp3", "flac" or "wav"
	Rate     int    // the file's own sample rate
	Channels int
	Len      int64 // frames at audio.SampleRate, after resampling
	seekable bool  // SeekFrame is cheap anywhere: see decoder.Seekable
}

// OpenTrack reads the header of the music file at path and decodes its
// first frames, and fails with an error naming the file if it cannot be
// played: an unknown extension, a file that is not what its extension
// says, an unsupported rate or channel count, a track shorter than
// MinTrack or longer than MaxTrack.
func OpenTrack(path string) (*Track, error) {
	d, err := openDecoder(path)
	if err != nil {
		return nil, fmt.Errorf("music: %w", err)
	}
	defer d.Close()
	t := &Track{Path: path, Format: strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), "."),
		Rate: d.Rate(), Channels: d.Channels(), seekable: d.Seekable()}
	t.Len = (d.Len()*audio.SampleRate + int64(d.Rate()) - 1) / int64(d.Rate())
	if err := t.checkLength(); err != nil {
		return nil, err
	}
	l, r := make([]float32, probeFrames), make([]float32, probeFrames)
	if _, err := readFull(d, l, r); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("music: %s: cannot be decoded: %w", path, err)
	}
	return t, nil
}

func (t *Track) checkLength() error {
	d := audio.Duration(t.Len)
	switch {
	case d < MinTrack:
		return fmt.Errorf("music: %s: %.2f s long; a track must last at least %v", t.Path, d.Seconds(), MinTrack)
	case d > MaxTrack:
		return fmt.Errorf("music: %s: %v long; a track may last at most %v", t.Path, d.Round(time.Second), MaxTrack)
	}
	return nil
}

// Name returns the file's name without its folder.
func (t *Track) Name() string { return filepath.Base(t.Path) }

// open returns a reader of the track at audio.SampleRate.
func (t *Track) open() (*resampler, error) {
	d, err := openDecoder(t.Path)
	if err != nil {
		return nil, fmt.Errorf("music: %w", err)
	}
	return newResampler(d, audio.SampleRate), nil
}
