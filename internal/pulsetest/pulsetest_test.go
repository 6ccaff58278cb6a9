package pulsetest

import (
	"os"
	"strings"
	"testing"

	"github.com/jfreymuth/pulse"
)

func TestStartAndKill(t *testing.T) {
	s := Start(t)
	if got := os.Getenv("PULSE_SERVER"); got != s.Address {
		t.Fatalf("PULSE_SERVER = %q, want %q", got, s.Address)
	}
	if len(strings.TrimPrefix(s.Address, "unix:")) >= 108 {
		t.Errorf("socket path %q is too long for a unix socket", s.Address)
	}
	c, err := pulse.NewClient()
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	sink, err := c.DefaultSink()
	c.Close()
	if err != nil {
		t.Fatalf("default sink: %v", err)
	}
	if got, want := sink.ID(), Sink; got != want {
		t.Errorf("default sink = %q, want %q", got, want)
	}

	s.Kill()
	if !s.Exited() {
		t.Fatal("server still running after Kill")
	}
	if c, err := pulse.NewClient(); err == nil {
		c.Close()
		t.Fatal("connected to a killed server")
	}
}
