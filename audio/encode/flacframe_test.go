package encode

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// encTestShape is a signal: its frame i, from a random seed.
type encTestShape struct {
	name string
	at   func(i int, seed *uint32) (l, r int16)
	want []string // in flac's analysis of 3 blocks
}

// encTestShapes returns signals that take every path of the framer.
func encTestShapes() []encTestShape {
	return []encTestShape{
		{"silence", func(int, *uint32) (int16, int16) { return 0, 0 }, []string{"type=CONSTANT\tvalue=0"}},
		{"constant runs", func(i int, _ *uint32) (int16, int16) { // the first block constant
			return int16(i/5000*1111 - 9000), int16(-(i / 6000) * 7)
		}, []string{"type=CONSTANT\tvalue=-9000", "type=FIXED"}},
		{"full-scale square", func(i int, _ *uint32) (int16, int16) { // side ±65535 dearer than right
			if i/50%2 == 0 {
				return 32767, -32768
			}
			return -32768, 32767
		}, []string{"channel_assignment=INDEPENDENT\n"}},
		{"side over 16 bits", func(i int, seed *uint32) (int16, int16) { // side ±40000, cheap
			*seed = *seed*1664525 + 1013904223
			low := -32768 + int32(*seed>>16)%25535
			if i/5000%2 == 0 {
				return int16(low + 40000), int16(low)
			}
			return int16(low), int16(low + 40000)
		}, []string{"channel_assignment=LEFT_SIDE", "type=CONSTANT\tvalue=40000", "warmup[0]=-40000"}},
		{"noise", func(_ int, seed *uint32) (int16, int16) { // verbatim
			*seed = *seed*1664525 + 1013904223
			return int16(*seed >> 16), int16(*seed >> 3)
		}, []string{"type=VERBATIM"}},
		{"tones", func(i int, seed *uint32) (int16, int16) { // fixed, orders 2 and 3
			*seed = *seed*1664525 + 1013904223
			v := 12000 * math.Sin(float64(i)/40)
			return int16(v), int16(v/2+float64(int8(*seed>>24))/8) + int16(*seed>>28)
		}, []string{"type=FIXED\torder=2", "type=FIXED\torder=3"}},
	}
}

// frames returns n frames of the signal, interleaved stereo.
func (s encTestShape) frames(n int) []int16 {
	p := make([]int16, 0, 2*n)
	seed := uint32(99)
	for i := range n {
		l, r := s.at(i, &seed)
		p = append(p, l, r)
	}
	return p
}

// TestFLACFrameShapes encodes every shape at every length, to a file and
// to a plain writer (as to a pipe). flac checks the file (frame CRCs,
// the MD5), metaflac its STREAMINFO; the piped stream must be the same
// but for the MD5 left unset; ffmpeg must decode both to the source.
func TestFLACFrameShapes(t *testing.T) {
	testenv.NeedTool(t, "ffmpeg", "flac", "metaflac")
	// one frame, a short last block, exact multiples of the block size,
	// and one over
	lengths := []int{1, 4095, flacBlockFrames, 3 * flacBlockFrames, 2*flacBlockFrames + 1}
	for _, s := range encTestShapes() {
		for _, n := range lengths {
			t.Run(fmt.Sprintf("%s/%d", s.name, n), func(t *testing.T) {
				p := s.frames(n)
				meta := audio.Meta{Chapters: []audio.Chapter{{Title: "all", End: int64(n)}}}
				path := encTestWrite(t, FLAC, &encTestSlice{p}, meta, Options{})
				audiotest.Run(t, "flac", "-t", "-s", path)
				encTestCheckFLACMeta(t, path, p, meta.Chapters)
				encTestDecodesTo(t, path, p)
				if n == 3*flacBlockFrames {
					encTestCheckAnalysis(t, path, s.want)
				}

				var piped bytes.Buffer
				if err := Write(&piped, FLAC, &encTestSlice{p}, meta, Options{}); err != nil {
					t.Fatal(err)
				}
				file, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				file = bytes.Clone(file)
				copy(file[flacMD5At:], make([]byte, 16)) // unset on a pipe
				if !bytes.Equal(piped.Bytes(), file) {
					t.Fatalf("FLAC to a pipe differs from FLAC to a file beyond the MD5")
				}
				pipePath := testenv.TempPath(t, "piped.flac")
				testenv.WriteFile(t, pipePath, piped.Bytes())
				encTestDecodesTo(t, pipePath, p)
			})
		}
	}
}

// TestFLACFrameAllocs: once its buffers have grown, the framer codes a
// block without allocating, whatever the block's coding.
func TestFLACFrameAllocs(t *testing.T) {
	var blocks [][]int16
	for _, s := range encTestShapes() {
		blocks = append(blocks, s.frames(flacBlockFrames), s.frames(100))
	}
	b, f := newFLACBlock(), newFLACFramer()
	for _, p := range blocks { // let the buffers grow
		b.fill(p)
		f.frame(b)
	}
	allocs := testing.AllocsPerRun(5, func() {
		for _, p := range blocks {
			b.fill(p)
			f.frame(b)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per %d blocks, want 0", allocs, len(blocks))
	}
}

// TestFLACFrameNumber checks the frame number's coding against UTF-8,
// which it extends past 21 bits.
func TestFLACFrameNumber(t *testing.T) {
	for _, v := range []uint64{0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x1FFFFF, 0x7FFFFFFF, 1<<36 - 1} {
		var w flacBits
		flacPutNumber(&w, v)
		w.align()
		want := map[uint64][]byte{
			0x1FFFFF: {0xF7, 0xBF, 0xBF, 0xBF}, 0x7FFFFFFF: {0xFD, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF},
			1<<36 - 1: {0xFE, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF},
		}[v]
		if want == nil {
			want = utf8.AppendRune(nil, rune(v))
		}
		if !bytes.Equal(w.b, want) {
			t.Errorf("frame number %#x: % x, want % x", v, w.b, want)
		}
	}
}

// encTestCheckAnalysis checks that flac's analysis of the file at path
// holds each of want.
func encTestCheckAnalysis(t *testing.T, path string, want []string) {
	t.Helper()
	analysis := string(audiotest.Run(t, "flac", "-a", "-s", "-c", path))
	for _, w := range want {
		if !strings.Contains(analysis, w) {
			t.Errorf("no block has %q:\n%s", w, analysis)
		}
	}
}
