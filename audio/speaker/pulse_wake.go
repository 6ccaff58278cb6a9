//go:build !darwin && !windows

package speaker

import (
	"encoding/binary"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/jfreymuth/pulse/proto"
)

// Bounds of catchUp: it stops once the sink holds no more than
// settledLatency beyond the latency the stream was given, or after
// maxCatchUp rounds (PulseAudio sinks render at most 10 s ahead, which at
// the 40 ms a round rewinds takes 250 rounds).
const (
	settledLatency = 5 * time.Millisecond
	maxCatchUp     = 300
)

// catchUp brings the sink's schedule up to now before a corked, empty
// stream starts, so that its first frame is heard at once.
//
// What PulseAudio does (measured on PulseAudio 16 with its default
// configuration, whose sink on a machine without a sound card is a null
// sink): a sink renders ahead as far as the smallest latency its streams
// ask for, or 2 s when none asks. When a stream is made on a suspended
// sink, module-suspend-on-idle wakes the sink before the stream is
// attached, so the sink renders 2 s of silence at once and sleeps until
// they have passed; a sink that is idle but not suspended renders 2 s at a
// time too. Once the stream is attached and asks for 40 ms, the sink can
// only rewind 40 ms (a null sink rewinds no more than its latency), so the
// stream's first frames waited behind up to 2 s of silence: play started
// late, and a pause while it waited seemed to last that much longer.
//
// Each time a stream is uncorked the sink rewinds as far as it can, and
// the latency the server reports for the stream says how far ahead the
// sink has rendered. So catchUp uncorks and corks the stream, which holds
// nothing to play, until that latency is back near what the stream was
// given: about 50 rounds after a suspended null sink woke. A sink that can
// rewind all it mixed (a sound card's) needs one round, and PipeWire,
// which renders only a few milliseconds ahead, none.
//
// The rounds are sent without waiting for each answer (the server handles
// a connection's commands in order, and its sink thread rewinds after each
// one), then the latency is asked again: a few milliseconds in all.
func (d *device) catchUp() error {
	l := d.link
	settled := audio.Frames(time.Duration(l.stream.SinkLatency)*time.Microsecond + settledLatency)
	rounds, step := 1, int64(0)
	for total := 0; total < maxCatchUp; total += rounds {
		t, err := d.query()
		if err != nil || t.latency <= settled {
			return err
		}
		if step > 0 {
			rounds = int(min((t.latency-settled)/step+1, int64(maxCatchUp-total)))
		}
		if err := d.corkRounds(rounds); err != nil {
			return err
		}
		after, err := d.query()
		if err != nil || after.latency <= settled {
			return err
		}
		if step = (t.latency - after.latency) / int64(rounds); step <= 0 {
			return nil // the sink does not rewind: nothing to gain
		}
	}
	return nil
}

// corkRounds sends n pairs of uncork and cork commands without waiting for
// their answers, which the library ignores: their tags are above any it
// uses.
func (d *device) corkRounds(n int) error {
	l := d.link
	b := make([]byte, 0, 2*n*corkSize)
	for i := range 2 * n {
		b = appendCork(b, quietTag+uint32(i), l.stream.StreamIndex, i%2 == 1)
	}
	for len(b) > 0 {
		if err := l.client.Send(controlChannel, b[:corkSize]); err != nil {
			return d.drop(l, err)
		}
		b = b[corkSize:]
	}
	return nil
}

// quietTag is the first tag of commands whose answers nobody waits for.
const quietTag = 0xF0000000

// corkSize is the size of a cork command: command, tag, stream and flag.
const corkSize = 3*5 + 1

// appendCork appends a cork command to b, in the protocol's tagged form.
func appendCork(b []byte, tag, stream uint32, corked bool) []byte {
	for _, v := range []uint32{proto.OpCorkPlaybackStream, tag, stream} {
		b = binary.BigEndian.AppendUint32(append(b, 'L'), v)
	}
	if corked {
		return append(b, '1')
	}
	return append(b, '0')
}
