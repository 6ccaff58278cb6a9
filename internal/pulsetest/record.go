package pulsetest

import (
	"encoding/binary"
	"sync"
	"testing"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// Recorder captures what the server's sink plays, from its monitor, as
// interleaved 16-bit stereo frames at 44100 Hz, so a lone stream of that
// format at full volume is recorded sample for sample on PulseAudio.
// (PipeWire's sink mixes in 32-bit float at 48 kHz: what it records has
// been resampled twice.)
//
// A recorder asks the sink for a 10 ms latency, which keeps the sink
// running in small blocks: start one after the timing that matters.
type Recorder struct {
	c *client

	mu   sync.Mutex
	data []byte // little-endian samples received so far
}

// Record starts recording the sink; recording stops at the test's cleanup
// or when the server goes.
func (s *Server) Record(t testing.TB) *Recorder {
	t.Helper()
	c, err := s.dial("pulsetest recorder")
	if err != nil {
		t.Fatalf("pulsetest: recorder: %v", err)
	}
	r := &Recorder{c: c}
	c.Callback = r.event
	t.Cleanup(c.Close)
	err = c.Request(&proto.CreateRecordStream{
		SampleSpec:         proto.SampleSpec{Format: proto.FormatInt16LE, Channels: 2, Rate: 44100},
		ChannelMap:         proto.ChannelMap{proto.ChannelLeft, proto.ChannelRight},
		SourceIndex:        proto.Undefined,
		SourceName:         s.Sink + ".monitor",
		BufferMaxLength:    proto.Undefined,
		BufferFragSize:     441 * 4, // 10 ms
		AdjustLatency:      true,
		Properties:         proto.PropList{},
		DirectOnInputIndex: proto.Undefined,
		ChannelVolumes:     proto.ChannelVolumes{0x10000, 0x10000},
	}, &proto.CreateRecordStreamReply{})
	if err != nil {
		t.Fatalf("pulsetest: recorder: %v", err)
	}
	return r
}

func (r *Recorder) event(msg any) {
	if p, ok := msg.(*proto.DataPacket); ok {
		r.mu.Lock()
		r.data = append(r.data, p.Data...)
		r.mu.Unlock()
	}
}

// Samples returns the interleaved samples recorded so far.
func (r *Recorder) Samples() []int16 {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := make([]int16, len(r.data)/2)
	for i := range s {
		s[i] = int16(binary.LittleEndian.Uint16(r.data[2*i:]))
	}
	return s
}

// WaitHearing waits until the recorder receives sound data from the sink:
// a sink suspended while idle (PulseAudio's default setup) takes a moment
// to wake for a new recorder, and what plays meanwhile is not recorded.
func (r *Recorder) WaitHearing(t testing.TB) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		r.mu.Lock()
		n := len(r.data)
		r.mu.Unlock()
		if n > 0 {
			return
		}
	}
	t.Fatal("pulsetest: the recorder received nothing from the sink in 5 s")
}

// Stop stops recording: an attempt that is tried again leaves no recorder
// keeping the sink awake.
func (r *Recorder) Stop() { r.c.Close() }
