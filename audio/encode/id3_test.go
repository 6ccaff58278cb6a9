package encode

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// encTestID3Frame is one ID3v2.4 frame as encTestID3 reads it.
type encTestID3Frame struct {
	id   string
	body []byte
}

// encTestID3 reads an ID3v2.4 tag at the start of b: its frames, and the
// size of the whole tag.
func encTestID3(t *testing.T, b []byte) ([]encTestID3Frame, int) {
	t.Helper()
	if string(b[:3]) != "ID3" || b[3] != 4 || b[4] != 0 || b[5] != 0 {
		t.Fatalf("not an ID3v2.4.0 tag without flags: % x", b[:6])
	}
	size := encTestSyncsafe(t, b[6:10])
	return encTestID3Frames(t, b[10:10+size]), 10 + size
}

func encTestID3Frames(t *testing.T, b []byte) []encTestID3Frame {
	t.Helper()
	var frames []encTestID3Frame
	for len(b) > 0 {
		if len(b) < 10 {
			t.Fatalf("%d stray bytes after the last frame", len(b))
		}
		size := encTestSyncsafe(t, b[4:8])
		if b[8] != 0 || b[9] != 0 || 10+size > len(b) {
			t.Fatalf("frame %q: flags % x, size %d of %d", b[:4], b[8:10], size, len(b)-10)
		}
		frames = append(frames, encTestID3Frame{string(b[:4]), b[10 : 10+size]})
		b = b[10+size:]
	}
	return frames
}

func encTestSyncsafe(t *testing.T, b []byte) int {
	t.Helper()
	n := 0
	for _, c := range b {
		if c&0x80 != 0 {
			t.Fatalf("size % x is not syncsafe", b)
		}
		n = n<<7 | int(c)
	}
	return n
}

// encTestTOC is a CTOC frame read back.
type encTestTOC struct {
	id           string
	top, ordered bool
	children     []string
	extra        int // bytes of sub-frames after the children: we write none
}

func encTestReadTOC(b []byte) encTestTOC {
	id, rest, _ := bytes.Cut(b, []byte{0})
	toc := encTestTOC{id: string(id), top: rest[0]&2 != 0, ordered: rest[0]&1 != 0}
	count, rest := int(rest[1]), rest[2:]
	for range count {
		var child []byte
		child, rest, _ = bytes.Cut(rest, []byte{0})
		toc.children = append(toc.children, string(child))
	}
	toc.extra = len(rest)
	return toc
}

func TestID3(t *testing.T) {
	meta := encTestMeta(10 * audio.SampleRate)
	tag, err := id3Tag(meta)
	if err != nil {
		t.Fatal(err)
	}
	frames, size := encTestID3(t, tag)
	if size != len(tag) {
		t.Errorf("tag says %d bytes, has %d", size, len(tag))
	}
	var ids []string
	for _, f := range frames {
		ids = append(ids, f.id)
	}
	if want := []string{"TIT2", "COMM", "TSSE", "CHAP", "CHAP", "CHAP", "CTOC"}; !slices.Equal(ids, want) {
		t.Fatalf("frames %v, want %v", ids, want)
	}
	texts := map[string]string{
		"TIT2": "\x03" + meta.Title, "COMM": "\x03eng\x00" + meta.About, "TSSE": "\x03" + meta.Encoder,
	}
	for _, f := range frames[:3] {
		if string(f.body) != texts[f.id] {
			t.Errorf("%s: %q, want %q", f.id, f.body, texts[f.id])
		}
	}
	for i, f := range frames[3:6] {
		encTestCheckChap(t, f.body, i, meta.Chapters[i])
	}
	toc := encTestReadTOC(frames[6].body)
	want := encTestTOC{id: "toc", top: true, ordered: true, children: []string{"ch0", "ch1", "ch2"}}
	if fmt.Sprint(toc) != fmt.Sprint(want) {
		t.Errorf("CTOC %+v, want %+v", toc, want)
	}
}

// encTestCheckChap checks the body of the CHAP frame for chapter i.
func encTestCheckChap(t *testing.T, body []byte, i int, c audio.Chapter) {
	t.Helper()
	be := binary.BigEndian
	id, rest, _ := bytes.Cut(body, []byte{0})
	start, end := int64(be.Uint32(rest)), int64(be.Uint32(rest[4:]))
	ws, we := int64(math.Round(float64(c.Start)*1000/audio.SampleRate)), int64(math.Round(float64(c.End)*1000/audio.SampleRate))
	if string(id) != fmt.Sprintf("ch%d", i) || start != ws || end != we {
		t.Errorf("CHAP %d: %s, %d to %d ms; want ch%d, %d to %d", i, id, start, end, i, ws, we)
	}
	if be.Uint32(rest[8:]) != 0xFFFFFFFF || be.Uint32(rest[12:]) != 0xFFFFFFFF {
		t.Errorf("CHAP %d: byte offsets % x, want none", i, rest[8:16])
	}
	sub := encTestID3Frames(t, rest[16:])
	if len(sub) != 1 || sub[0].id != "TIT2" || string(sub[0].body) != "\x03"+c.Title {
		t.Errorf("CHAP %d: sub-frames %q, want TIT2 %q", i, sub, c.Title)
	}
}

// TestID3ManyChapters: one CTOC lists at most 255 children, so past that
// the top-level table lists sub-tables of 255 chapters each; ffprobe reads
// every chapter.
func TestID3ManyChapters(t *testing.T) {
	for _, count := range []int{255, 256, 600} {
		meta := audio.Meta{Chapters: make([]audio.Chapter, count)}
		for i := range meta.Chapters {
			meta.Chapters[i] = audio.Chapter{Title: fmt.Sprint(i), Start: int64(i) * 441, End: int64(i+1) * 441}
		}
		tag, err := id3Tag(meta)
		if err != nil {
			t.Fatal(err)
		}
		frames, _ := encTestID3(t, tag)
		listed := encTestTOCOrder(t, frames)
		for i, id := range listed {
			if id != fmt.Sprintf("ch%d", i) {
				t.Fatalf("%d chapters: table lists %s at %d", count, id, i)
			}
		}
		if len(listed) != count {
			t.Errorf("%d chapters: tables list %d", count, len(listed))
		}
	}
	if _, err := id3Tag(audio.Meta{Chapters: make([]audio.Chapter, 255*255+1)}); err == nil {
		t.Errorf("%d chapters: no error", 255*255+1)
	}
}

// encTestTOCOrder returns the element IDs the tables of contents list, in
// order, through one level of sub-tables.
func encTestTOCOrder(t *testing.T, frames []encTestID3Frame) []string {
	t.Helper()
	tocs := map[string]encTestTOC{}
	var top []string
	for _, f := range frames {
		if f.id == "CTOC" {
			toc := encTestReadTOC(f.body)
			tocs[toc.id] = toc
			if toc.top {
				top = append(top, toc.id)
			}
		}
	}
	if len(top) != 1 {
		t.Fatalf("top-level tables %v, want one", top)
	}
	var listed []string
	for _, child := range tocs[top[0]].children {
		if sub, ok := tocs[child]; ok {
			listed = append(listed, sub.children...)
		} else {
			listed = append(listed, child)
		}
	}
	return listed
}

func TestID3ManyChaptersFFprobe(t *testing.T) {
	testenv.NeedTool(t, "ffprobe")
	meta := audio.Meta{Title: "many"}
	for i := range 300 {
		meta.Chapters = append(meta.Chapters, audio.Chapter{Title: fmt.Sprint("step ", i), Start: int64(i) * 4410, End: int64(i)*4410 + 4000})
	}
	path := encTestEncode(t, MP3, 300*4410, meta, Options{})
	encTestCheckChapters(t, audiotest.FFprobe(t, path), meta.Chapters)
}

func TestID3Empty(t *testing.T) {
	tag, err := id3Tag(audio.Meta{})
	if err != nil || !bytes.Equal(tag, []byte("ID3\x04\x00\x00\x00\x00\x00\x00")) {
		t.Errorf("empty tag % x, %v; want a bare header", tag, err)
	}
}
