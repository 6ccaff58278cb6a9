package music

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// WAV format tags.
const (
	wavPCM        = 1
	wavFloat      = 3
	wavExtensible = 0xFFFE
)

// wavDecoder reads PCM (8 to 32 bits) and float (32, 64 bits) WAV files.
type wavDecoder struct {
	src      *bufSeeker
	float    bool
	bits     int
	channels int
	rate     int
	data     int64 // file offset of the first frame
	length   int64 // frames
	pos      int64
	buf      []byte
}

func newWAV(f *os.File) (*wavDecoder, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	d := &wavDecoder{src: newBufSeeker(f)}
	var head [12]byte
	if _, err := io.ReadFull(d.src, head[:]); err != nil || string(head[0:4]) != "RIFF" || string(head[8:12]) != "WAVE" {
		return nil, errors.New("not a WAV file (no RIFF WAVE header)")
	}
	if err := d.findData(info.Size()); err != nil {
		return nil, err
	}
	return d, nil
}

// findData reads the chunks up to the data chunk.
func (d *wavDecoder) findData(fileSize int64) error {
	offset := int64(12)
	sawFormat := false
	for {
		var h [8]byte
		if _, err := io.ReadFull(d.src, h[:]); err != nil {
			return errors.New("a WAV file with no data chunk")
		}
		id, size := string(h[0:4]), int64(binary.LittleEndian.Uint32(h[4:8]))
		offset += 8
		switch id {
		case "fmt ":
			if err := d.readFormat(size); err != nil {
				return err
			}
			sawFormat = true
		case "data":
			if !sawFormat {
				return errors.New("a WAV file whose data comes before its format")
			}
			d.data = offset
			// Streamed WAVs declare no size, or a huge one: the file's end
			// is the data's end.
			if size == 0 || size > fileSize-offset {
				size = fileSize - offset
			}
			d.length = size / int64(d.frameBytes())
			return nil
		default:
			if _, err := d.src.Seek(size+size%2, io.SeekCurrent); err != nil {
				return err
			}
		}
		offset += size + size%2
	}
}

// readFormat reads a fmt chunk of size bytes.
func (d *wavDecoder) readFormat(size int64) error {
	if size < 16 || size > 1024 {
		return fmt.Errorf("a WAV format chunk of %d bytes", size)
	}
	b := make([]byte, size+size%2)
	if _, err := io.ReadFull(d.src, b); err != nil {
		return errors.New("a WAV file cut short in its format chunk")
	}
	tag := binary.LittleEndian.Uint16(b[0:2])
	d.channels = int(binary.LittleEndian.Uint16(b[2:4]))
	d.rate = int(binary.LittleEndian.Uint32(b[4:8]))
	d.bits = int(binary.LittleEndian.Uint16(b[14:16]))
	if tag == wavExtensible && size >= 40 {
		tag = binary.LittleEndian.Uint16(b[24:26]) // the sub-format GUID's first two bytes
	}
	switch {
	case tag == wavPCM && (d.bits == 8 || d.bits == 16 || d.bits == 24 || d.bits == 32):
	case tag == wavFloat && (d.bits == 32 || d.bits == 64):
		d.float = true
	default:
		return fmt.Errorf("WAV of format %d with %d bits; want PCM of 8, 16, 24 or 32 bits, or 32- or 64-bit float", tag, d.bits)
	}
	if d.channels < 1 {
		return errors.New("a WAV file of no channels")
	}
	return nil
}

func (d *wavDecoder) frameBytes() int { return d.channels * d.bits / 8 }
func (d *wavDecoder) Rate() int       { return d.rate }
func (d *wavDecoder) Channels() int   { return d.channels }
func (d *wavDecoder) Len() int64      { return d.length }
func (d *wavDecoder) Close() error    { return d.src.Close() }
func (d *wavDecoder) Seekable() bool  { return true }

func (d *wavDecoder) SeekFrame(frame int64) error {
	d.pos = min(max(frame, 0), d.length)
	_, err := d.src.Seek(d.data+d.pos*int64(d.frameBytes()), io.SeekStart)
	return err
}

func (d *wavDecoder) Read(l, r []float32) (int, error) {
	n := int(min(int64(len(l)), d.length-d.pos))
	if n == 0 {
		return 0, io.EOF
	}
	fb := d.frameBytes()
	if cap(d.buf) < n*fb {
		d.buf = make([]byte, n*fb)
	}
	b := d.buf[:n*fb]
	if k, err := io.ReadFull(d.src, b); err != nil {
		if n = k / fb; n == 0 {
			return 0, io.EOF // the file is shorter than it said
		}
	}
	size := d.bits / 8
	last := (d.channels - 1) * size // the right channel of stereo; mono's only one
	for i := range n {
		f := b[i*fb:]
		l[i], r[i] = d.sample(f), d.sample(f[last:])
	}
	d.pos += int64(n)
	return n, nil
}

// sample decodes one sample at the start of b.
func (d *wavDecoder) sample(b []byte) float32 {
	switch {
	case d.float && d.bits == 32:
		return finite(float64(math.Float32frombits(binary.LittleEndian.Uint32(b))))
	case d.float:
		return finite(math.Float64frombits(binary.LittleEndian.Uint64(b)))
	case d.bits == 8:
		return float32(int(b[0])-128) / 128
	case d.bits == 16:
		return float32(int16(binary.LittleEndian.Uint16(b))) / (1 << 15)
	case d.bits == 24:
		return float32(int32(uint32(b[0])<<8|uint32(b[1])<<16|uint32(b[2])<<24)>>8) / (1 << 23)
	}
	return float32(int32(binary.LittleEndian.Uint32(b))) / (1 << 31)
}

// finite returns a float sample, or 0 for one that is not a number or far
// beyond full scale: one bad sample must not poison the whole mix.
func finite(v float64) float32 {
	if !(v >= -16 && v <= 16) {
		return 0
	}
	return float32(v)
}
