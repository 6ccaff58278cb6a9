package encode

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

func TestFLAC(t *testing.T) {
	testenv.NeedTool(t, "ffprobe", "ffmpeg", "sox", "flac", "metaflac")
	n := int64(20*audio.SampleRate + 7)
	meta := encTestMeta(n)
	path := encTestEncode(t, FLAC, n, meta, Options{})
	// Neither the cue sheet nor the comments say where a chapter ends:
	// readers end each where the next begins, the last at the end.
	encTestCheckLossless(t, path, "flac", n, meta)
	audiotest.Run(t, "flac", "-t", "-s", path) // decodes, checks CRCs and the MD5

	encTestCheckFLACMeta(t, path, encTestPCM(n), meta.Chapters)
}

// encTestCheckFLACMeta checks STREAMINFO and the cue sheet with metaflac.
func encTestCheckFLACMeta(t *testing.T, path string, pcm []int16, chapters []audio.Chapter) {
	t.Helper()
	info := string(audiotest.Run(t, "metaflac", "--list", "--block-number=0", path))
	for _, line := range []string{
		"minimum blocksize: 4096 samples", "maximum blocksize: 4096 samples",
		fmt.Sprintf("total samples: %d", len(pcm)/audio.Channels),
		fmt.Sprintf("MD5 signature: %x", md5.Sum(putPCM(make([]byte, 2*len(pcm)), pcm))),
	} {
		if !strings.Contains(info, line) {
			t.Errorf("STREAMINFO lacks %q:\n%s", line, info)
		}
	}
	cues := string(audiotest.Run(t, "metaflac", "--export-cuesheet-to=-", path))
	for i, c := range chapters {
		if line := fmt.Sprintf("TRACK %02d AUDIO\n    INDEX 01 %d\n", i+1, c.Start); !strings.Contains(cues, line) {
			t.Errorf("cue sheet lacks %q:\n%s", line, cues)
		}
	}
}

// TestFLACPipe writes to a plain writer: the same file, but for the MD5 in
// STREAMINFO, which is left unset (all zero).
func TestFLACPipe(t *testing.T) {
	n := int64(3*audio.SampleRate + 1)
	meta := encTestMeta(n)
	file, err := os.ReadFile(encTestEncode(t, FLAC, n, meta, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	piped := encTestEncodeBytes(t, FLAC, n, meta)
	const md5At = 4 + 4 + 18 // "fLaC", block header, fields before the MD5
	if len(piped) != len(file) || !bytes.Equal(piped[:md5At], file[:md5At]) || !bytes.Equal(piped[md5At+16:], file[md5At+16:]) {
		t.Fatalf("FLAC to a pipe differs from FLAC to a file beyond the MD5")
	}
	if !bytes.Equal(piped[md5At:md5At+16], make([]byte, 16)) || bytes.Equal(file[md5At:md5At+16], make([]byte, 16)) {
		t.Errorf("MD5 to a pipe % x, to a file % x; want unset, set", piped[md5At:md5At+16], file[md5At:md5At+16])
	}
}

// TestFLACOffset writes into a file that already holds something: the
// FLAC stream starts where the file was, and Encode leaves it at the end.
func TestFLACOffset(t *testing.T) {
	n := int64(audio.SampleRate)
	want := encTestEncodeBytes(t, FLAC, n, audio.Meta{})
	f, err := os.CreateTemp(t.TempDir(), "*.flac")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	prefix := []byte("something before")
	if _, err := f.Write(prefix); err != nil {
		t.Fatal(err)
	}
	if err := Write(f, FLAC, newEncTestSource(n), audio.Meta{}, Options{}); err != nil {
		t.Fatal(err)
	}
	at, _ := f.Seek(0, 1)
	got, _ := os.ReadFile(f.Name())
	if at != int64(len(got)) {
		t.Errorf("left at offset %d of %d bytes", at, len(got))
	}
	got = got[len(prefix):]
	const md5At = 26
	if !bytes.Equal(got[:md5At], want[:md5At]) || !bytes.Equal(got[md5At+16:], want[md5At+16:]) {
		t.Errorf("FLAC written after a prefix differs")
	}
}

// TestFLACManyChapters: past 254 chapters the cue sheet is left out and
// the comments carry them alone; past 999 Encode refuses.
func TestFLACManyChapters(t *testing.T) {
	testenv.NeedTool(t, "ffprobe", "flac", "metaflac")
	for _, count := range []int{1, 254, 300, 999} {
		meta := audio.Meta{Title: "many"}
		for i := range count {
			meta.Chapters = append(meta.Chapters, audio.Chapter{Title: fmt.Sprintf("c%d", i), Start: int64(i) * 441, End: int64(i+1) * 441})
		}
		n := int64(count) * 441
		path := encTestEncode(t, FLAC, n, meta, Options{})
		audiotest.Run(t, "flac", "-t", "-s", path)
		p := audiotest.FFprobe(t, path)
		encTestCheckChapters(t, p, meta.Chapters)
		hasCue := strings.Contains(string(audiotest.Run(t, "metaflac", "--list", path)), "CUESHEET")
		if hasCue != (count <= 254) {
			t.Errorf("%d chapters: cue sheet %v", count, hasCue)
		}
	}
	meta := audio.Meta{Chapters: make([]audio.Chapter, 1000)}
	for i := range meta.Chapters {
		meta.Chapters[i] = audio.Chapter{Start: int64(i), End: int64(i + 1)}
	}
	err := Write(&bytes.Buffer{}, FLAC, newEncTestSource(1000), meta, Options{})
	if err == nil || !strings.Contains(err.Error(), "1000 chapters are too many for FLAC") {
		t.Errorf("1000 chapters: %v", err)
	}
}

// encTestSlice is a audio.Source over a slice of interleaved frames.
type encTestSlice struct{ p []int16 }

func (s *encTestSlice) Len() int64 { return int64(len(s.p) / audio.Channels) }

func (s *encTestSlice) Read(p []int16) (int, error) {
	if len(s.p) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.p)
	s.p = s.p[n:]
	return n, nil
}

// TestFLACCodings checks every way a block's channels can be coded, by
// decoding: constant, verbatim (full-scale noise), fixed predictors, left
// and side.
func TestFLACCodings(t *testing.T) {
	testenv.NeedTool(t, "ffmpeg", "flac")
	var p []int16
	seed := uint32(7)
	for i := range 4*flacBlockFrames + 100 {
		var l, r int16
		switch i / flacBlockFrames {
		case 0: // constant, not zero
			l, r = 1234, -5
		case 1: // noise no predictor can shrink
			seed = seed*1664525 + 1013904223
			l, r = int16(seed>>16), int16(seed>>8)
		case 2: // the same on both sides
			l = int16(20000 * math.Sin(float64(i)/7))
			r = l
		default: // full scale, different sides
			l, r = int16(32767*math.Sin(float64(i)/3)), int16(-32768*math.Cos(float64(i)/5))
		}
		p = append(p, l, r)
	}
	path := encTestWrite(t, FLAC, &encTestSlice{p}, audio.Meta{}, Options{})
	audiotest.Run(t, "flac", "-t", "-s", path)
	encTestDecodesTo(t, path, p)
	analysis := string(audiotest.Run(t, "flac", "-a", "-s", "-c", path))
	for _, want := range []string{"type=CONSTANT", "type=VERBATIM", "type=FIXED", "channel_assignment=LEFT_SIDE", "channel_assignment=INDEPENDENT"} {
		if !strings.Contains(analysis, want) {
			t.Errorf("no block has %s", want)
		}
	}
}

// TestFLACOSPipe writes to a real pipe: an *os.File, so an io.WriteSeeker,
// whose Seek fails. Encode must notice at the start and stream.
func TestFLACOSPipe(t *testing.T) {
	n := int64(2 * audio.SampleRate)
	want := encTestEncodeBytes(t, FLAC, n, encTestMeta(n))
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	errc := make(chan error, 1)
	go func() {
		errc <- Write(w, FLAC, newEncTestSource(n), encTestMeta(n), Options{})
		w.Close()
	}()
	got, err := io.ReadAll(r)
	if err := <-errc; err != nil {
		t.Fatalf("Encode to a pipe: %v", err)
	}
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("FLAC through a pipe: %d bytes, %v; want the %d bytes written to a plain writer", len(got), err, len(want))
	}
}
