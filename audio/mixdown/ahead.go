package mixdown

import "io"

// aheadDepth is how many blocks the mixing goroutine may be ahead of Read.
const aheadDepth = 4

// A block is frames of the mix before its gain, mixed ahead.
type block struct {
	l, r []float32
	n    int
	err  error
}

// ahead is the goroutine that mixes blocks ahead of the limiter, for Read
// and Measure: the voice and the music, then the envelope, take about as
// long as the limiter and the loudness meter, so the two halves of the
// work run on two CPUs.
type ahead struct {
	full chan *block
	free chan *block
	stop chan struct{}
	done chan struct{}
}

// startAhead starts mixing the frames from m.in up to until. While it
// runs, nothing else may use the voice, the music or the scratch buffers.
func (m *Mix) startAhead(until int64) *ahead {
	a := &ahead{full: make(chan *block, aheadDepth), free: make(chan *block, aheadDepth),
		stop: make(chan struct{}), done: make(chan struct{})}
	for range aheadDepth {
		a.free <- &block{l: make([]float32, blockFrames), r: make([]float32, blockFrames)}
	}
	go func(at int64) {
		defer close(a.done)
		for at < until {
			var b *block
			select {
			case <-a.stop:
				return
			case b = <-a.free:
			}
			b.n = int(min(blockFrames, until-at))
			b.err = m.mixRaw(b.l[:b.n], b.r[:b.n], at)
			at += int64(b.n)
			select {
			case <-a.stop:
				return
			case a.full <- b:
			}
			if b.err != nil {
				return
			}
		}
	}(m.in)
	return a
}

// stopAhead stops the goroutine mixing ahead, if one runs, and forgets
// what it mixed.
func (m *Mix) stopAhead() {
	if m.ahead != nil {
		close(m.ahead.stop)
		<-m.ahead.done
		m.ahead = nil
	}
	m.pending = m.pending[:0]
}

// nextBlock returns the next block mixed ahead, up to frame until, at the
// gain; m.in moves past it. Give it back with done.
func (m *Mix) nextBlock(until int64) (*block, error) {
	if m.ahead == nil {
		m.ahead = m.startAhead(until)
	}
	var b *block
	select {
	case b = <-m.ahead.full:
	case <-m.ahead.done:
		select { // the last block may have been sent just before
		case b = <-m.ahead.full:
		default:
			return nil, io.ErrUnexpectedEOF
		}
	}
	if b.err != nil {
		return nil, b.err
	}
	m.applyGain(b.l[:b.n], b.r[:b.n])
	m.in += int64(b.n)
	return b, nil
}

// done gives a block back to the goroutine mixing ahead.
func (m *Mix) done(b *block) { m.ahead.free <- b }

// readAhead is Read with Options.Ahead: p holds exactly the frames to read.
func (m *Mix) readAhead(p []int16) (int, error) {
	n := copy(p, m.pending)
	m.pending = m.pending[:copy(m.pending, m.pending[n:])]
	for n < len(p) {
		b, err := m.nextBlock(m.length + int64(m.lim.Latency()))
		if err != nil {
			m.pos += int64(n / 2)
			return n, err
		}
		l, r := m.limitBlock(b.l[:b.n], b.r[:b.n])
		out := m.outI16[:2*b.n]
		m.clipped += toInt16(out, l, r)
		m.done(b)
		k := copy(p[n:], out)
		m.pending = append(m.pending, out[k:]...)
		n += k
	}
	m.pos += int64(n / 2)
	return n, nil
}
