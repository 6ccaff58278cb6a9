package pulsetest

import (
	"fmt"

	"github.com/jfreymuth/pulse"
	"github.com/jfreymuth/pulse/proto"
)

// keepAwakeLatency is the latency the keep-awake stream asks of the sink.
const keepAwakeLatency = 0.100 // seconds

// wake makes the null sink play in small blocks from now on, as a sound
// card does.
//
// With no stream asking for a latency, the null sink renders 2 s of silence
// at a time and sleeps until that has passed, so a first stream would wait
// up to 2 s before a sample is played; a real sink wakes for it at once.
// wake keeps a corked stream that asks for a 100 ms latency open for the
// server's life, and suspends and resumes the sink so that it drops its 2 s
// block and starts again in small ones.
func (s *Server) wake() error {
	c, err := pulse.NewClient(pulse.ClientServerString(s.Address), pulse.ClientApplicationName("pulsetest keep-awake"))
	if err != nil {
		return fmt.Errorf("pulsetest: keep-awake client: %w", err)
	}
	s.keep = c
	tlength := uint32(keepAwakeLatency * 44100 * 4)
	err = c.RawRequest(&proto.CreatePlaybackStream{
		SampleSpec:            proto.SampleSpec{Format: proto.FormatInt16LE, Channels: 2, Rate: 44100},
		ChannelMap:            proto.ChannelMap{proto.ChannelLeft, proto.ChannelRight},
		SinkIndex:             proto.Undefined,
		SinkName:              Sink,
		BufferMaxLength:       proto.Undefined,
		Corked:                true,
		BufferTargetLength:    tlength,
		BufferPrebufferLength: proto.Undefined,
		BufferMinimumRequest:  proto.Undefined,
		ChannelVolumes:        proto.ChannelVolumes{0x10000, 0x10000},
		AdjustLatency:         true,
		Properties:            proto.PropList{},
	}, &proto.CreatePlaybackStreamReply{})
	if err != nil {
		return fmt.Errorf("pulsetest: keep-awake stream: %w", err)
	}
	for _, suspend := range []bool{true, false} {
		err := c.RawRequest(&proto.SuspendSink{SinkIndex: proto.Undefined, SinkName: Sink, Suspend: suspend}, nil)
		if err != nil {
			return fmt.Errorf("pulsetest: suspend sink %v: %w", suspend, err)
		}
	}
	return nil
}
