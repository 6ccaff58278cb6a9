package pulsetest

import (
	"encoding/binary"
	"net"
	"sync"
	"testing"

	"github.com/jfreymuth/pulse/proto"
)

// Recorder captures what the server's null sink plays, from its monitor, as
// interleaved 16-bit stereo frames at 44100 Hz, the sink's own format, so a
// lone stream at full volume is recorded sample for sample.
type Recorder struct {
	c    *proto.Client
	conn net.Conn

	mu   sync.Mutex
	data []byte // little-endian samples received so far
}

// Record starts recording the null sink; recording stops at the test's
// cleanup or when the server goes.
func (s *Server) Record(t testing.TB) *Recorder {
	t.Helper()
	c, conn, err := proto.Connect(s.Address)
	if err != nil {
		t.Fatalf("pulsetest: recorder: %v", err)
	}
	r := &Recorder{c: c, conn: conn}
	c.Callback = r.event
	t.Cleanup(func() { conn.Close() })
	err = c.Request(&proto.SetClientName{Props: proto.PropList{
		"application.name": proto.PropListString("pulsetest recorder"),
	}}, &proto.SetClientNameReply{})
	if err == nil {
		err = c.Request(&proto.CreateRecordStream{
			SampleSpec:         proto.SampleSpec{Format: proto.FormatInt16LE, Channels: 2, Rate: 44100},
			ChannelMap:         proto.ChannelMap{proto.ChannelLeft, proto.ChannelRight},
			SourceIndex:        proto.Undefined,
			SourceName:         Sink + ".monitor",
			BufferMaxLength:    proto.Undefined,
			BufferFragSize:     441 * 4, // 10 ms
			AdjustLatency:      true,
			Properties:         proto.PropList{},
			DirectOnInputIndex: proto.Undefined,
			ChannelVolumes:     proto.ChannelVolumes{0x10000, 0x10000},
		}, &proto.CreateRecordStreamReply{})
	}
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
