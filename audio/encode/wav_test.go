package encode

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// encTestChunk is one chunk of a RIFF file, as encTestRIFF reads it.
type encTestChunk struct {
	id   string
	body []byte
}

// encTestRIFF splits a RIFF/WAVE file into its chunks, checking the sizes
// and the padding as it goes.
func encTestRIFF(t *testing.T, b []byte) []encTestChunk {
	t.Helper()
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("not a RIFF/WAVE file: % x", b[:min(len(b), 12)])
	}
	if got := binary.LittleEndian.Uint32(b[4:]); int(got) != len(b)-8 {
		t.Errorf("RIFF size %d, want %d", got, len(b)-8)
	}
	return encTestSubchunks(t, b[12:])
}

func encTestSubchunks(t *testing.T, b []byte) []encTestChunk {
	t.Helper()
	var chunks []encTestChunk
	for len(b) > 0 {
		if len(b) < 8 {
			t.Fatalf("%d stray bytes after the last chunk", len(b))
		}
		size := int(binary.LittleEndian.Uint32(b[4:]))
		if 8+size > len(b) {
			t.Fatalf("chunk %q of %d bytes runs past the end", b[:4], size)
		}
		chunks = append(chunks, encTestChunk{string(b[:4]), b[8 : 8+size]})
		b = b[8+size+size%2:]
	}
	return chunks
}

func TestWAV(t *testing.T) {
	testenv.NeedTool(t, "ffprobe", "ffmpeg", "sox")
	n := int64(20*audio.SampleRate + 7) // odd, so nothing lines up by luck
	meta := encTestMeta(n)
	path := encTestEncode(t, WAV, n, meta, Options{})
	// ffprobe reads the cue points and labels but not the lengths (ltxt):
	// each chapter ends where the next begins, the last at the end.
	encTestCheckLossless(t, path, "pcm_s16le", n, meta)
}

// TestWAVChunks reads the file with our own parser: the exact chapter ends
// (which ffprobe does not show) and the layout.
func TestWAVChunks(t *testing.T) {
	n := int64(5*audio.SampleRate + 3)
	meta := encTestMeta(n)
	b := encTestEncodeBytes(t, WAV, n, meta)
	chunks := encTestRIFF(t, b)
	var ids []string
	for _, c := range chunks {
		ids = append(ids, c.id)
	}
	if got, want := strings.Join(ids, " "), "fmt  LIST data cue  LIST"; got != want {
		t.Errorf("chunks %q, want %q", got, want)
	}
	if got := len(chunks[2].body); got != int(n)*4 {
		t.Errorf("data chunk holds %d bytes, want %d", got, n*4)
	}
	info := encTestSubchunks(t, chunks[1].body[4:])
	for i, want := range []encTestChunk{{"INAM", []byte(meta.Title)}, {"ICMT", []byte(meta.About)}, {"ISFT", []byte(meta.Encoder)}} {
		if got := info[i]; got.id != want.id || string(bytes.TrimRight(got.body, "\x00")) != string(want.body) {
			t.Errorf("INFO %d: %s %q, want %s %q", i, got.id, got.body, want.id, want.body)
		}
	}
	if got := encTestCues(t, chunks[3].body, chunks[4].body); !slices.Equal(got, meta.Chapters) {
		t.Errorf("cues:\n got %v\nwant %v", got, meta.Chapters)
	}
}

// encTestCues reads chapters back from a cue chunk and a LIST adtl chunk.
func encTestCues(t *testing.T, cue, adtl []byte) []audio.Chapter {
	t.Helper()
	le := binary.LittleEndian
	count := int(le.Uint32(cue))
	if len(cue) != 4+24*count {
		t.Fatalf("cue chunk of %d bytes for %d points", len(cue), count)
	}
	chapters := make([]audio.Chapter, count)
	for i := range chapters {
		p := cue[4+24*i:]
		if id := le.Uint32(p); id != uint32(i+1) || string(p[8:12]) != "data" || le.Uint32(p[4:]) != le.Uint32(p[20:]) {
			t.Errorf("cue point %d: % x", i, p[:24])
		}
		chapters[i].Start = int64(le.Uint32(p[20:]))
	}
	if string(adtl[:4]) != "adtl" {
		t.Fatalf("LIST %q, want adtl", adtl[:4])
	}
	for _, c := range encTestSubchunks(t, adtl[4:]) {
		i := int(le.Uint32(c.body)) - 1
		switch c.id {
		case "labl":
			chapters[i].Title = string(bytes.TrimRight(c.body[4:], "\x00"))
		case "ltxt":
			if string(c.body[8:12]) != "rgn " {
				t.Errorf("ltxt purpose %q, want \"rgn \"", c.body[8:12])
			}
			chapters[i].End = chapters[i].Start + int64(le.Uint32(c.body[4:]))
		}
	}
	return chapters
}

// TestWAVPipe checks that WAV streams: written to a plain writer it is the
// same file.
func TestWAVPipe(t *testing.T) {
	n := int64(3 * audio.SampleRate)
	path := encTestEncode(t, WAV, n, encTestMeta(n), Options{})
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if piped := encTestEncodeBytes(t, WAV, n, encTestMeta(n)); !bytes.Equal(piped, file) {
		t.Errorf("WAV written to a pipe differs from WAV written to a file")
	}
}

func TestWAVNoMeta(t *testing.T) {
	b := encTestEncodeBytes(t, WAV, 1, audio.Meta{})
	if got := len(encTestRIFF(t, b)); got != 2 {
		t.Errorf("%d chunks, want 2 (fmt, data)", got)
	}
	if len(b) != 44+4 {
		t.Errorf("%d bytes, want the 44-byte header and one frame", len(b))
	}
}

func TestWAVTooLong(t *testing.T) {
	src := &encTestFixedLen{n: math.MaxUint32 / 4}
	err := Write(&bytes.Buffer{}, WAV, src, audio.Meta{}, Options{})
	if err == nil || !strings.Contains(err.Error(), "too long for a WAV file") {
		t.Errorf("Encode of %d frames: %v, want too long", src.n, err)
	}
}

// encTestFixedLen claims a length and fails if read.
type encTestFixedLen struct{ n int64 }

func (s *encTestFixedLen) Len() int64 { return s.n }

func (s *encTestFixedLen) Read(p []int16) (int, error) {
	panic("read a source that should have been refused")
}

// A mono clip, as voice packs keep them, reads back through an
// independent reader at its rate, one channel, sample for sample.
func TestMonoWAV(t *testing.T) {
	x := audiotest.Sine(300, 0.5, 0.1, 16000)
	x[10], x[11] = 1.5, -1.5 // clipped, not wrapped
	rate, channels, got, err := audiotest.DecodeWAV(MonoWAV(x, 16000))
	if err != nil || rate != 16000 || channels != 1 || len(got[0]) != len(x) {
		t.Fatalf("read back: %v; %d Hz, %d channels, %d samples; want 16000, 1, %d", err, rate, channels, len(got), len(x))
	}
	for i, v := range x {
		want := max(-32768, min(32767, math.Round(float64(v)*32767))) / 32768
		if got[0][i] != want {
			t.Fatalf("sample %d: %v, want %v", i, got[0][i], want)
		}
	}
}
