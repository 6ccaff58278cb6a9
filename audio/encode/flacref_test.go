package encode

import (
	"bytes"
	"testing"

	"github.com/mewkiz/flac"
	"github.com/mewkiz/flac/frame"
	"github.com/mewkiz/flac/meta"

	"github.com/floorcoach/floorcoach/audio"
)

// TestFLACFramesAsMewkiz codes the same choices with mewkiz/flac's
// Encoder.WriteFrame, which this package used before flacFramer, and
// expects the same bytes: a file no bigger than it was, and frames that a
// second, independent encoder agrees on.
func TestFLACFramesAsMewkiz(t *testing.T) {
	var p []int16
	for _, s := range encTestShapes() {
		p = append(p, s.frames(2*flacBlockFrames+333)...)
	}
	p = append(p, encTestPCM(5*flacBlockFrames+1)...)
	var ours, theirs bytes.Buffer
	enc, err := flac.NewEncoder(&theirs, &meta.StreamInfo{
		BlockSizeMin: flacBlockFrames, BlockSizeMax: flacBlockFrames,
		SampleRate: audio.SampleRate, NChannels: audio.Channels, BitsPerSample: 16,
	})
	if err != nil {
		t.Fatal(err)
	}
	enc.EnablePredictionAnalysis(false) // as flacPredict chose
	theirs.Reset()
	b, f := newFLACBlock(), newFLACFramer()
	for len(p) > 0 {
		block := p[:min(len(p), flacBlockFrames*audio.Channels)]
		p = p[len(block):]
		b.fill(block)
		ours.Write(f.frame(b))
		if err := enc.WriteFrame(encTestMewkizFrame(b)); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(ours.Bytes(), theirs.Bytes()) {
		t.Errorf("frames differ from mewkiz/flac's: %d bytes, theirs %d", ours.Len(), theirs.Len())
	}
}

// encTestMewkizFrame returns block b as a mewkiz/flac frame, coded as b
// chose.
func encTestMewkizFrame(b *flacBlock) *frame.Frame {
	n := len(b.sub[0].x)
	fr := &frame.Frame{Header: frame.Header{
		HasFixedBlockSize: true, BlockSize: uint16(n), SampleRate: audio.SampleRate,
		BitsPerSample: 16, Channels: frame.ChannelsLR,
	}}
	if b.leftSide {
		fr.Channels = frame.ChannelsLeftSide // WriteFrame makes the side itself
	}
	for c, samples := range [][]int32{b.l[:n], b.r[:n]} {
		sf := &b.sub[c]
		sub := &frame.Subframe{Samples: samples, NSamples: n}
		switch sf.kind {
		case flacConstant:
			sub.Pred = frame.PredConstant
		case flacVerbatim:
			sub.Pred = frame.PredVerbatim
		default:
			sub.Pred, sub.Order = frame.PredFixed, sf.order
			sub.ResidualCodingMethod = frame.ResidualCodingMethodRice1
			sub.RiceSubframe = &frame.RiceSubframe{Partitions: []frame.RicePartition{{Param: sf.rice}}}
		}
		fr.Subframes = append(fr.Subframes, sub)
	}
	return fr
}
