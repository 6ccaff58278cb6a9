package encode

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"io"

	"github.com/mewkiz/flac"
	"github.com/mewkiz/flac/meta"

	"github.com/floorcoach/floorcoach/audio"
)

// A FLAC file here is 16-bit stereo at 44100 Hz in blocks of 4096 frames,
// each channel pair coded as left/right or left/side (whichever is
// smaller; voice mixed to the middle costs almost nothing on the side),
// each channel with a fixed predictor chosen by flacCost and flacPredict.
// flacFramer writes the frames; github.com/mewkiz/flac the metadata:
//
//	STREAMINFO      length, and the MD5 of the samples (on a seekable w)
//	CUESHEET        a track per chapter at its first frame, exact to the
//	                frame, and the lead-out (not a CD; the track count is
//	                one byte, so past 254 chapters it is left out)
//	VORBIS_COMMENT  TITLE, DESCRIPTION, ENCODER, and CHAPTERnnn (start,
//	                HH:MM:SS.mmm) with CHAPTERnnnNAME, nnn counting from 001
//
// ffmpeg shows chapters from both: the cue sheet's tracks, then the
// comments' times and names over them (both use the number as the
// chapter's ID). Neither can say where a chapter ends, so players end each
// one where the next begins.

// flacBlockFrames is the frames per FLAC block: the format's usual size.
const flacBlockFrames = 4096

// flacMaxChapters is the most CHAPTERnnn comments can number: ffmpeg reads
// three digits.
const flacMaxChapters = 999

func encodeFLAC(w io.Writer, src audio.Source, m audio.Meta, opts Options) error {
	if len(m.Chapters) > flacMaxChapters {
		return fmt.Errorf("audio: %d chapters are too many for FLAC (at most %d); use MP3 or WAV",
			len(m.Chapters), flacMaxChapters)
	}
	head, err := flacHead(m, src.Len())
	if err != nil {
		return err
	}
	out := newFLACOut(w)
	if err := out.write(head); err != nil {
		return err
	}
	sum, err := writeFLACFrames(src, out, opts.Progress)
	if err != nil {
		return err
	}
	return out.finish(sum)
}

// flacHead returns "fLaC" and the metadata blocks, written by mewkiz/flac.
// STREAMINFO has the length, the block size, no frame sizes (unknown
// until the end, and a pipe cannot go back) and no MD5 yet.
func flacHead(m audio.Meta, length int64) ([]byte, error) {
	info := &meta.StreamInfo{
		BlockSizeMin: flacBlockFrames, BlockSizeMax: flacBlockFrames,
		SampleRate: audio.SampleRate, NChannels: audio.Channels, BitsPerSample: 16,
		NSamples: uint64(length),
	}
	var head bytes.Buffer
	if _, err := flac.NewEncoder(&head, info, flacBlocks(m, length)...); err != nil {
		return nil, fmt.Errorf("audio: encode flac: %w", err)
	}
	return head.Bytes(), nil
}

// writeFLACFrames encodes all of src, a block at a time, and returns the
// MD5 of its samples.
func writeFLACFrames(src audio.Source, out *flacOut, progress func(int64)) (sum [md5.Size]byte, err error) {
	r := newPCMReader(src)
	p := make([]int16, flacBlockFrames*audio.Channels)
	pb := make([]byte, 2*len(p))
	h := md5.New()
	b, f := newFLACBlock(), newFLACFramer()
	var done int64
	for {
		n, err := r.read(p)
		if err != nil {
			return sum, err
		}
		if n == 0 {
			h.Sum(sum[:0])
			return sum, nil
		}
		h.Write(putPCM(pb, p[:n*audio.Channels]))
		b.fill(p[:n*audio.Channels])
		if err := out.write(f.frame(b)); err != nil {
			return sum, err
		}
		done += int64(n)
		if progress != nil {
			progress(done)
		}
	}
}

// flacBlock is one block's channels and how to code them, its memory
// reused from block to block.
type flacBlock struct {
	l, r, s  []int32 // left, right and side (left - right)
	sub      [audio.Channels]flacSub
	leftSide bool // the second subframe is the side, not the right
}

func newFLACBlock() *flacBlock {
	b := &flacBlock{l: make([]int32, flacBlockFrames), r: make([]int32, flacBlockFrames), s: make([]int32, flacBlockFrames)}
	for c := range b.sub {
		b.sub[c].res = make([]uint32, 0, flacBlockFrames)
	}
	return b
}

// fill sets the block to the interleaved frames p, and chooses how to
// code each channel.
func (b *flacBlock) fill(p []int16) {
	n := len(p) / audio.Channels
	l, r, s := b.l[:n], b.r[:n], b.s[:n]
	for i := range n {
		l[i], r[i] = int32(p[2*i]), int32(p[2*i+1])
		s[i] = l[i] - r[i]
	}
	_, orderL := flacCost(l)
	costR, orderR := flacCost(r)
	costS, orderS := flacCost(s)
	flacPredict(&b.sub[0], l, orderL, 16)
	b.leftSide = costS < costR
	if b.leftSide {
		flacPredict(&b.sub[1], s, orderS, 17) // the side needs a 17th bit
		return
	}
	flacPredict(&b.sub[1], r, orderR, 16)
}

// flacBlocks returns the metadata blocks after STREAMINFO.
func flacBlocks(m audio.Meta, length int64) []*meta.Block {
	var tags [][2]string
	for _, t := range [][2]string{{"TITLE", m.Title}, {"DESCRIPTION", m.About}, {"ENCODER", m.Encoder}} {
		if t[1] != "" {
			tags = append(tags, t)
		}
	}
	for i, c := range m.Chapters {
		key := fmt.Sprintf("CHAPTER%03d", i+1)
		tags = append(tags, [2]string{key, flacTime(c.Start)}, [2]string{key + "NAME", c.Title})
	}
	// Length only has to be non-zero: mewkiz/flac writes a zero-length
	// block as empty, and works out the real length itself.
	comments := &meta.Block{
		Header: meta.Header{Type: meta.TypeVorbisComment, Length: 1},
		Body:   &meta.VorbisComment{Vendor: "github.com/mewkiz/flac", Tags: tags},
	}
	if len(m.Chapters) == 0 || len(m.Chapters) > 254 {
		return []*meta.Block{comments}
	}
	cue := &meta.Block{
		Header: meta.Header{Type: meta.TypeCueSheet, Length: 1},
		Body:   flacCueSheet(m.Chapters, length),
	}
	return []*meta.Block{cue, comments}
}

// flacCueSheet returns a cue sheet with a track per chapter, numbered from
// 1, and the lead-out track (255) at the end of the audio.
func flacCueSheet(chapters []audio.Chapter, length int64) *meta.CueSheet {
	cs := &meta.CueSheet{}
	for i, c := range chapters {
		cs.Tracks = append(cs.Tracks, meta.CueSheetTrack{
			Offset: uint64(c.Start), Num: uint8(i + 1), IsAudio: true,
			Indicies: []meta.CueSheetTrackIndex{{Offset: 0, Num: 1}},
		})
	}
	cs.Tracks = append(cs.Tracks, meta.CueSheetTrack{Offset: uint64(length), Num: 255, IsAudio: true})
	return cs
}

// flacTime formats frames as HH:MM:SS.mmm, to the nearest millisecond.
func flacTime(frames int64) string {
	ms := millis(frames)
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}
