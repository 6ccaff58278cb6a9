package music

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/floorcoach/floorcoach/audio/decode"
	"github.com/hajimehoshi/go-mp3"
)

// mp3Preroll is how many frames before a seek target are decoded and
// dropped. An MP3 frame may take up to 511 bytes of its data from the
// frames before it (the bit reservoir), and its first samples overlap the
// previous frame's; decoding from 16 frames of 1152 samples earlier (9 s at
// the lowest bitrates, 0.4 s at 44.1 kHz) makes the samples after a seek
// exactly those a decode from the start gives.
const mp3Preroll = 16 * 1152

// mp3Decoder decodes MP3 with go-mp3, which always gives 16-bit stereo.
// It gives the sound that was encoded, as gapless players do: go-mp3's
// output less the encoder's and decoder's delay at the start and the
// padding at the end, as the LAME tag says (decode.MP3Gap). Looped music
// then goes on across the loop with no gap; with them it had 50 ms of
// silence there.
type mp3Decoder struct {
	src    *bufSeeker
	d      *mp3.Decoder
	buf    []byte
	skip   int64 // go-mp3's frames before the sound
	length int64 // the sound's frames
	pos    int64 // the next frame Read gives
}

func newMP3(f *os.File) (*mp3Decoder, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	// go-mp3 trusts its input: an ID3 tag's size is allocated as it
	// stands, damaged frames decode as noise, and some crash it. The
	// checks the clips get, a frame at a time: a file read once more.
	if _, _, err := decode.CheckMP3(f, info.Size()); err != nil {
		return nil, fmt.Errorf("not an MP3 file that can be read: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	src := newBufSeeker(f)
	d, err := mp3.NewDecoder(src)
	if err != nil {
		return nil, fmt.Errorf("not an MP3 file that can be read: %w", err)
	}
	skip, pad := decode.MP3Gap(f, info.Size())
	m := &mp3Decoder{src: src, d: d, skip: skip, length: d.Length()/4 - skip - pad}
	if m.length <= 0 {
		return nil, errors.New("not an MP3 file that can be read: no audio frames")
	}
	if err := m.SeekFrame(0); err != nil {
		return nil, fmt.Errorf("not an MP3 file that can be read: %w", err)
	}
	return m, nil
}

func (m *mp3Decoder) Rate() int      { return m.d.SampleRate() }
func (m *mp3Decoder) Channels() int  { return 2 }
func (m *mp3Decoder) Len() int64     { return m.length }
func (m *mp3Decoder) Close() error   { return m.src.Close() }
func (m *mp3Decoder) Seekable() bool { return true } // go-mp3 indexes the frames

func (m *mp3Decoder) Read(l, r []float32) (n int, err error) {
	defer recovered(&err)
	if m.pos >= m.length {
		return 0, io.EOF
	}
	l, r = l[:min(int64(len(l)), m.length-m.pos)], r[:min(int64(len(r)), m.length-m.pos)]
	need := 4 * len(l)
	if cap(m.buf) < need {
		m.buf = make([]byte, need)
	}
	b := m.buf[:need]
	got := 0
	for got < need {
		n, err := m.d.Read(b[got:])
		got += n
		if err != nil {
			if got -= got % 4; got > 0 && errors.Is(err, io.EOF) {
				break
			}
			return 0, err
		}
	}
	n = got / 4
	for i := range n {
		l[i] = float32(int16(binary.LittleEndian.Uint16(b[4*i:]))) / 32768
		r[i] = float32(int16(binary.LittleEndian.Uint16(b[4*i+2:]))) / 32768
	}
	m.pos += int64(n)
	return n, nil
}

// SeekFrame makes frame of the sound the next Read gives.
func (m *mp3Decoder) SeekFrame(frame int64) (err error) {
	defer recovered(&err)
	frame = min(max(frame, 0), m.length)
	m.pos = frame
	frame += m.skip
	start := max(0, frame-mp3Preroll)
	if _, err := m.d.Seek(4*start, io.SeekStart); err != nil {
		return err
	}
	_, err = io.CopyN(io.Discard, m.d, 4*(frame-start))
	return err
}
