package mixdown

import (
	"errors"
	"io"
	"math"

	"github.com/floorcoach/floorcoach/audio"
)

// mixInput mixes the next n input frames into inL and inR, at the gain.
func (m *Mix) mixInput(n int) error {
	l, r := m.inL[:n], m.inR[:n]
	if err := m.mixRaw(l, r, m.in); err != nil {
		return err
	}
	m.applyGain(l, r)
	m.in += int64(n)
	return nil
}

// mixRaw mixes the input frames from frame at on, before the gain, into l
// and (with music) r: the voice's next frames, and the music at its
// envelope. Only one goroutine at a time may call it: it uses the voice
// and the mix's scratch buffers.
func (m *Mix) mixRaw(l, r []float32, at int64) error {
	if err := m.readVoice(l); err != nil {
		return err
	}
	if m.bed != nil {
		return m.addMusic(l, r, at)
	}
	return nil
}

// monoReader is a voice that gives its frames in floating point, as
// audio.Renderer does, before any rounding.
type monoReader interface {
	ReadMono(x []float32) (int, error)
}

// readVoice reads the voice's next frames into x, as float at its own
// level; silence past its end.
func (m *Mix) readVoice(x []float32) error {
	if v, ok := m.voice.(monoReader); ok {
		return m.readMono(v, x)
	}
	p := m.voiceBuf[:2*len(x)]
	got := 0
	for got < len(p) {
		k, err := m.voice.Read(p[got:])
		got += k
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	clear(p[got:])
	const scale = 1 / (Headroom * math.MaxInt16) // as audio.Renderer scales
	for i := range x {
		x[i] = float32(p[2*i]) * scale
	}
	return nil
}

// readMono reads the voice's next frames from a monoReader.
func (m *Mix) readMono(v monoReader, x []float32) error {
	got := 0
	for got < len(x) {
		k, err := v.ReadMono(x[got:])
		got += k
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	clear(x[got:])
	for i := range x[:got] {
		x[i] *= 1 / Headroom
	}
	return nil
}

// addMusic adds the music at its envelope to l (the voice), writing both
// channels.
func (m *Mix) addMusic(l, r []float32, at int64) error {
	ml, mr, g := m.musL[:len(l)], m.musR[:len(l)], m.env32[:len(l)]
	if err := m.bed.Read(ml, mr, at); err != nil {
		return err
	}
	m.env.Fill(g, at)
	m.fadeAfterSeek(g, at)
	for i, v := range l {
		l[i], r[i] = v+ml[i]*g[i], v+mr[i]*g[i]
	}
	return nil
}

// seekFade is how long music takes to fade in where play starts or jumps
// to, but at the session's start, where the envelope fades it in.
const seekFade = audio.SampleRate

// fadeAfterSeek multiplies g, the music's gains from frame at on, by a
// fade in from the last frame sought to.
func (m *Mix) fadeAfterSeek(g []float32, at int64) {
	if m.fadeAt == 0 {
		return
	}
	for i := range g {
		d := at + int64(i) - m.fadeAt
		if d >= seekFade {
			return
		}
		g[i] *= float32(0.5 - 0.5*math.Cos(math.Pi*float64(d)/seekFade))
	}
}
