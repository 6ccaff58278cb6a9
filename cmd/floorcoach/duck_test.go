package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// With no sound server to lower other applications' sound, --duck says so
// in one line, and play goes on: the ducking does nothing, and stops.
func TestDuckWithoutServer(t *testing.T) {
	t.Setenv("PULSE_SERVER", "unix:/nonexistent/native")
	var stderr bytes.Buffer
	app := newApp(strings.NewReader(""), &bytes.Buffer{}, &stderr)
	c := cli.NewContext(app, nil, nil)
	g := startDucking(c, timelineOf(t, "demo"), nil)
	g.stop()
	out := stderr.String()
	if !strings.HasPrefix(out, "floorcoach: --duck: no PulseAudio or PipeWire server to lower other applications' sound") ||
		!strings.HasSuffix(out, "; playing on without it\n") || strings.Count(out, "\n") != 1 {
		t.Errorf("stderr %q", out)
	}
}
