//go:build !darwin && !windows

package main

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/internal/dbustest"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/player/mpris"
)

// mediaButton calls a method of the player over the bus, as a headset's
// button does, and returns the reply.
func mediaButton(t *testing.T, name, method string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	args = append([]string{"--session", "--print-reply", "--dest=" + name, mpris.ObjectPath, method}, args...)
	out, err := exec.CommandContext(ctx, "dbus-send", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("dbus-send %s: %v: %s", method, err, out)
	}
	return string(out)
}

// playOnBus starts playing p as play does, published on the bus, and
// returns once the first 300 ms have been heard.
func playOnBus(t *testing.T, p *plan) (*player.Live, *media, <-chan error) {
	t.Helper()
	spk, src, err := prepare(p, mixSettings{tones: 1}, nil, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { spk.Close() })
	live := player.NewLive(p.timeline, spk, src, 1)
	m := startMedia(live, p.timeline)
	t.Cleanup(m.close)
	done := make(chan error, 1)
	go func() { done <- live.Run(context.Background()) }()
	t.Cleanup(live.Stop)
	if <-m.ready; m.srv == nil {
		t.Fatal("the player is not on the bus")
	}
	for live.Status().Pos < audio.Frames(300*time.Millisecond) {
		time.Sleep(10 * time.Millisecond)
	}
	return live, m, done
}

// Media buttons (MPRIS over D-Bus) steer the session play runs: Next skips
// a step, PlayPause pauses, Stop stops; the desktop sees the step's name.
func TestPlayMediaKeys(t *testing.T) {
	bus := dbustest.Start(t)
	livePlay(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", bus)
	p := testPlan(t, tempFile(t, "s.yaml", shortScript))
	live, m, done := playOnBus(t, p)
	name, iface := m.srv.Name(), mpris.PlayerIface
	mediaButton(t, name, iface+".Next") // from the title to step 1
	mediaButton(t, name, iface+".Next")
	st := live.Status()
	if from, _ := p.timeline.StartOf(2); st.Step != 2 || st.Pos < from || st.Pos > from+audio.Frames(4*speaker.MixAhead) {
		t.Errorf("after Next twice: step %d at %s, want step 2 at %s", st.Step, player.Clock(st.Pos), player.Clock(from))
	}
	m.update(st)
	meta := mediaButton(t, name, "org.freedesktop.DBus.Properties.Get", "string:"+iface, "string:Metadata")
	if !strings.Contains(meta, `string "Pelvic tilt"`) || !strings.Contains(meta, `string "Quick demo"`) {
		t.Errorf("the desktop is not shown the step and session:\n%s", meta)
	}
	pauseThenStop(t, live, name, "PlayPause", done)
}

// On PipeWire's session bus, as a desktop has it, the player shows up for
// media keys, titled with the step and the side being worked.
func TestPlayMediaKeysOnPipeWire(t *testing.T) {
	testenv.NeedTool(t, "dbus-send")
	srv := pulsetest.StartKind(t, pulsetest.PipeWire)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", srv.Bus)
	p := testPlan(t, tempFile(t, "s.yaml", sidedScript))
	live, m, done := playOnBus(t, p)
	for deadline := time.Now().Add(5 * time.Second); live.Status().Side != "right"; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the right side not heard within 5 s")
		}
	}
	m.update(live.Status())
	name, iface := m.srv.Name(), mpris.PlayerIface
	meta := mediaButton(t, name, "org.freedesktop.DBus.Properties.Get", "string:"+iface, "string:Metadata")
	if !strings.Contains(meta, `string "Knee hug (right)"`) {
		t.Errorf("the desktop is not shown the step and side:\n%s", meta)
	}
	pauseThenStop(t, live, name, "Pause", done)
}

// pauseThenStop presses pause (Pause or PlayPause), then Stop, and checks
// that the session paused, then ended with ErrStopped within 2 s.
func pauseThenStop(t *testing.T, live *player.Live, name, pause string, done <-chan error) {
	t.Helper()
	mediaButton(t, name, mpris.PlayerIface+"."+pause)
	if !live.Status().Paused {
		t.Errorf("%s did not pause", pause)
	}
	mediaButton(t, name, mpris.PlayerIface+".Stop")
	select {
	case err := <-done:
		if !errors.Is(err, player.ErrStopped) {
			t.Errorf("Run = %v after Stop, want ErrStopped", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Stop did not stop the session")
	}
}
