package pulsetest

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jfreymuth/pulse"
)

// Each kind of server starts, answers a client that knows it only from the
// environment, names a null sink, plays what is played to it, and goes
// when killed and comes back when restarted.
func TestStartKillRestart(t *testing.T) {
	Each(t, func(t *testing.T, s *Server) {
		if got := os.Getenv("PULSE_SERVER"); got != s.Address {
			t.Fatalf("PULSE_SERVER = %q, want %q", got, s.Address)
		}
		if len(strings.TrimPrefix(s.Address, "unix:")) >= 108 {
			t.Errorf("socket path %q is too long for a unix socket", s.Address)
		}
		if (s.Bus != "") != (s.Kind == PipeWire) {
			t.Errorf("bus %q for %s", s.Bus, s.Kind)
		}
		sinkName(t, s)
		plays(t, s)
		s.Kill()
		if !s.Exited() {
			t.Fatal("server still running after Kill")
		}
		if c, err := pulse.NewClient(); err == nil {
			c.Close()
			t.Fatal("connected to a killed server")
		}
		s.Restart(t)
		sinkName(t, s)
	})
}

// sinkName checks that a client finds the server from PULSE_SERVER and
// PULSE_COOKIE alone, and that its default sink is s.Sink.
func sinkName(t *testing.T, s *Server) {
	t.Helper()
	c, err := pulse.NewClient()
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer c.Close()
	sink, err := c.DefaultSink()
	if err != nil {
		t.Fatalf("default sink: %v", err)
	}
	if sink.ID() != s.Sink || s.Sink == "" {
		t.Errorf("default sink = %q, want %q", sink.ID(), s.Sink)
	}
}

// plays checks that a stream played to the sink is heard by a recorder.
func plays(t *testing.T, s *Server) {
	t.Helper()
	rec := s.Record(t)
	c, err := pulse.NewClient()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	n := 0
	tone := func(buf []int16) (int, error) {
		for i := range buf {
			buf[i] = int16(8000 * ((n/50)%2*2 - 1)) // a 441 Hz square wave
			n++
		}
		return len(buf), nil
	}
	p, err := c.NewPlayback(pulse.Int16Reader(tone), pulse.PlaybackStereo, pulse.PlaybackSampleRate(44100))
	if err != nil {
		t.Fatal(err)
	}
	p.Start()
	time.Sleep(500 * time.Millisecond)
	p.Stop()
	var loud int
	for _, v := range rec.Samples() {
		if v > 4000 || v < -4000 {
			loud++
		}
	}
	if loud < 44100/4 {
		t.Errorf("the recorder heard %d loud samples of about 88200 played", loud)
	}
}
