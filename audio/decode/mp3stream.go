package decode

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/floorcoach/floorcoach/audio/internal/mp3frame"
)

// maxTrailer is the most a stream's bytes after its last frame may be: a
// tag or zeros.
const maxTrailer = 1 << 20

// CheckMP3 makes the checks Open makes of an MP3 clip (see checkMP3) on an
// MP3 of size bytes read from r a frame at a time, for files too large to
// hold in memory, such as music: an ID3v2 tag within the file, then
// Layer III frames of one rate, back to back, each with side information
// go-mp3 reads safely, then a tag or zeros. It returns the rate and the
// frames of sound go-mp3 will give, reading r to its end.
func CheckMP3(r io.Reader, size int64) (rate int, frames int64, err error) {
	br := bufio.NewReaderSize(r, 64<<10) // holds the largest frame, 2881 bytes, many times over
	pos, err := skipTag(br, size)
	if err != nil {
		return 0, 0, err
	}
	var first mp3frame.Header
	n := 0
	for {
		b, _ := br.Peek(4)
		h, ok := mp3frame.ReadHeader(b)
		if len(b) < 4 || !ok {
			if n == 0 && len(b) >= 4 {
				return 0, 0, errors.New("not an MP3: no frame at its start")
			}
			rest, err := io.ReadAll(io.LimitReader(br, maxTrailer+1))
			if err != nil {
				return 0, 0, err
			}
			return mp3End(first, n, rest)
		}
		if n == 0 {
			first = h
		}
		frame, _ := br.Peek(h.Len()) // short only at the end of the file
		if _, err := checkFrame(h, first, frame); err != nil {
			return 0, 0, fmt.Errorf("frame %d (byte %d): %w", n+1, pos, err)
		}
		n++
		k, _ := br.Discard(h.Len())
		if pos += int64(k); k < h.Len() {
			return mp3End(first, n, nil) // cut short in its last frame
		}
	}
}

// skipTag reads past the tag at the start of an MP3, as id3End finds it,
// and returns its length.
func skipTag(br *bufio.Reader, size int64) (int64, error) {
	head, _ := br.Peek(10)
	end, err := id3End(head, size)
	if err != nil {
		return 0, err
	}
	k, err := br.Discard(end)
	return int64(k), err
}
