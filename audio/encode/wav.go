package encode

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"github.com/floorcoach/floorcoach/audio"
)

// A WAV file here is one RIFF/WAVE form, written front to back so it can
// go down a pipe (every size is known before the first sample):
//
//	RIFF WAVE
//	  fmt          PCM, 2 channels, 44100 Hz, 16 bits
//	  LIST INFO    INAM title, ICMT about, ISFT encoder (those set)
//	  data         the frames, little-endian int16, interleaved
//	  cue          one cue point per chapter, at its first frame
//	  LIST adtl    a labl (title) per chapter, then an ltxt (length, "rgn ")
//	               per chapter: ffmpeg reads labl chunks only up to the
//	               first chunk of another kind
//
// The chapters follow the data, where most editors write them; players that
// only look for fmt and data skip them. ffmpeg shows the cue points as
// chapters, each ending where the next begins (it ignores ltxt).

// wavBufferFrames is how many frames encodeWAV converts per write.
const wavBufferFrames = 1 << 15

func encodeWAV(w io.Writer, src audio.Source, meta audio.Meta, opts Options) error {
	fw := formatWriter{w, WAV}
	tail := wavCues(meta.Chapters)
	dataSize := src.Len() * audio.Channels * 2
	head := wavHead(audio.Channels, audio.SampleRate, meta, dataSize, int64(len(tail)))
	if size := int64(len(head)) + dataSize + int64(len(tail)) - 8; size > math.MaxUint32 {
		return fmt.Errorf("audio: %d frames are too long for a WAV file (at most %s)",
			src.Len(), audio.Duration((math.MaxUint32-int64(len(head))-int64(len(tail)))/4))
	}
	if _, err := fw.Write(head); err != nil {
		return err
	}
	if err := copyPCM(fw, src, opts.Progress); err != nil {
		return err
	}
	_, err := fw.Write(tail)
	return err
}

// copyPCM writes all of src to w as little-endian int16.
func copyPCM(w io.Writer, src audio.Source, progress func(int64)) error {
	r := newPCMReader(src)
	p := make([]int16, wavBufferFrames*audio.Channels)
	b := make([]byte, 2*len(p))
	var done int64
	for {
		n, err := r.read(p)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		if _, err := w.Write(putPCM(b, p[:n*audio.Channels])); err != nil {
			return err
		}
		done += int64(n)
		if progress != nil {
			progress(done)
		}
	}
}

// wavHead returns everything before the samples of a 16-bit PCM file of
// channels at rate Hz: the RIFF header (sized for dataSize bytes of
// samples and tailSize bytes after them), fmt, the INFO list of meta's
// text (if any) and the data chunk's header.
func wavHead(channels, rate int, meta audio.Meta, dataSize, tailSize int64) []byte {
	var fmtBody [16]byte
	le := binary.LittleEndian
	le.PutUint16(fmtBody[0:], 1) // PCM
	le.PutUint16(fmtBody[2:], uint16(channels))
	le.PutUint32(fmtBody[4:], uint32(rate))
	le.PutUint32(fmtBody[8:], uint32(rate*channels*2)) // bytes per second
	le.PutUint16(fmtBody[12:], uint16(channels*2))     // bytes per frame
	le.PutUint16(fmtBody[14:], 16)                     // bits per sample

	b := []byte("RIFF\x00\x00\x00\x00WAVE")
	b = riffChunk(b, "fmt ", fmtBody[:])
	if info := wavInfo(meta); info != nil {
		b = riffChunk(b, "LIST", info)
	}
	b = append(b, "data"...)
	b = le.AppendUint32(b, uint32(dataSize))
	le.PutUint32(b[4:], uint32(int64(len(b))-8+dataSize+tailSize))
	return b
}

// wavInfo returns the body of a LIST INFO chunk, or nil if meta has no text.
func wavInfo(meta audio.Meta) []byte {
	b := []byte("INFO")
	for _, f := range []struct{ id, text string }{
		{"INAM", meta.Title}, {"ICMT", meta.About}, {"ISFT", meta.Encoder},
	} {
		if f.text != "" {
			b = riffChunk(b, f.id, append([]byte(f.text), 0))
		}
	}
	if len(b) == 4 {
		return nil
	}
	return b
}

// wavCues returns the cue chunk and the LIST adtl chunk for chapters, or
// nil if there are none. audio.Cue point IDs count from 1, in chapter order.
func wavCues(chapters []audio.Chapter) []byte {
	if len(chapters) == 0 {
		return nil
	}
	le := binary.LittleEndian
	cue := le.AppendUint32(nil, uint32(len(chapters)))
	labels, lengths := []byte("adtl"), []byte(nil)
	for i, c := range chapters {
		id := uint32(i + 1)
		cue = le.AppendUint32(cue, id)
		cue = le.AppendUint32(cue, uint32(c.Start)) // position in play order
		cue = append(cue, "data"...)
		cue = le.AppendUint32(cue, 0) // chunk start: the one data chunk
		cue = le.AppendUint32(cue, 0) // block start: uncompressed
		cue = le.AppendUint32(cue, uint32(c.Start))

		labels = riffChunk(labels, "labl", append(le.AppendUint32(nil, id), append([]byte(c.Title), 0)...))
		ltxt := le.AppendUint32(nil, id)
		ltxt = le.AppendUint32(ltxt, uint32(c.End-c.Start))
		ltxt = append(ltxt, "rgn "...)
		ltxt = append(ltxt, make([]byte, 8)...) // country, language, dialect, code page
		lengths = riffChunk(lengths, "ltxt", ltxt)
	}
	b := riffChunk(nil, "cue ", cue)
	return riffChunk(b, "LIST", append(labels, lengths...))
}

// riffChunk appends a chunk with its id, size and body to b, padded to an
// even length as RIFF requires.
func riffChunk(b []byte, id string, body []byte) []byte {
	b = append(b, id...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(body)))
	b = append(b, body...)
	if len(body)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

// MonoWAV returns samples as a 16-bit mono WAV file at rate Hz, as a
// voice pack keeps a clip.
func MonoWAV(samples []float32, rate int) []byte {
	b := wavHead(1, rate, audio.Meta{}, int64(2*len(samples)), 0)
	for _, v := range samples {
		s := math.Round(float64(v) * 32767)
		b = binary.LittleEndian.AppendUint16(b, uint16(int16(max(-32768, min(32767, s)))))
	}
	return b
}
