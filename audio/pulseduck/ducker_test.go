//go:build !darwin && !windows

package pulseduck

import (
	"errors"
	"os"
	"strconv"
	"testing"

	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/jfreymuth/pulse/proto"
)

// app is another application's client with one playback stream on a test
// server (corked: it has a volume like any stream, and needs no data).
type app struct {
	c     *proto.Client
	close func() error
	index uint32 // the stream's sink input
}

func newApp(t *testing.T, srv *pulsetest.Server, pid string, volume uint32) *app {
	t.Helper()
	c, conn, err := proto.Connect(srv.Address)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	err = c.Request(&proto.SetClientName{Props: proto.PropList{
		"application.name":       proto.PropListString("music player " + pid),
		"application.process.id": proto.PropListString(pid),
	}}, &proto.SetClientNameReply{})
	if err != nil {
		t.Fatal(err)
	}
	var reply proto.CreatePlaybackStreamReply
	err = c.Request(&proto.CreatePlaybackStream{
		SampleSpec:            proto.SampleSpec{Format: proto.FormatInt16LE, Channels: 2, Rate: 44100},
		ChannelMap:            proto.ChannelMap{proto.ChannelLeft, proto.ChannelRight},
		SinkIndex:             proto.Undefined,
		BufferMaxLength:       proto.Undefined,
		Corked:                true,
		BufferTargetLength:    proto.Undefined,
		BufferPrebufferLength: proto.Undefined,
		BufferMinimumRequest:  proto.Undefined,
		ChannelVolumes:        proto.ChannelVolumes{volume, volume},
		Properties:            proto.PropList{},
	}, &reply)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{c: c, close: conn.Close, index: reply.SinkInputIndex}
	a.setVolume(t, volume) // the server takes no volume with a new stream unless told to
	return a
}

// volume returns the stream's volume as the server has it.
func (a *app) volume(t *testing.T) proto.ChannelVolumes {
	t.Helper()
	var info proto.GetSinkInputInfoReply
	if err := a.c.Request(&proto.GetSinkInputInfo{SinkInputIndex: a.index}, &info); err != nil {
		t.Fatal(err)
	}
	return info.ChannelVolumes
}

func (a *app) setVolume(t *testing.T, v uint32) {
	t.Helper()
	if err := a.c.Request(&proto.SetSinkInputVolume{SinkInputIndex: a.index, ChannelVolumes: proto.ChannelVolumes{v, v}}, nil); err != nil {
		t.Fatal(err)
	}
}

func want(t *testing.T, name string, got proto.ChannelVolumes, v uint32) {
	t.Helper()
	if len(got) != 2 || got[0] != v || got[1] != v {
		t.Errorf("%s: volume %v, want %d on both channels", name, got, v)
	}
}

// Other applications' streams go down by Depth and come back to exactly
// their own volume; one the user changed meanwhile keeps the user's; this
// process's own stream is left alone; a stream that went away is no error.
func TestDuckAndRestore(t *testing.T) {
	srv := pulsetest.Start(t)
	player := newApp(t, srv, "4242", 45875) // 70%
	radio := newApp(t, srv, "4343", 65536)
	own := newApp(t, srv, strconv.Itoa(os.Getpid()), 65536)
	d, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Lower(0); err != nil {
		t.Fatal(err)
	}
	down := scaled(proto.ChannelVolumes{45875}, -Depth)[0]
	want(t, "player, lowered", player.volume(t), down)
	want(t, "radio, lowered", radio.volume(t), scaled(proto.ChannelVolumes{65536}, -Depth)[0])
	want(t, "own stream", own.volume(t), 65536)
	if n := d.Ducked(); n != 2 {
		t.Errorf("%d streams lowered, want 2", n)
	}
	radio.setVolume(t, 20000) // the user moves the radio's slider
	late := newApp(t, srv, "4444", 50000)
	if err := d.Lower(0); err != nil { // the next line: only the new stream goes down
		t.Fatal(err)
	}
	want(t, "player, still lowered once", player.volume(t), down)
	want(t, "late stream, lowered", late.volume(t), scaled(proto.ChannelVolumes{50000}, -Depth)[0])
	late.close()
	if err := d.Restore(0); err != nil {
		t.Fatal(err)
	}
	want(t, "player, restored", player.volume(t), 45875)
	want(t, "radio, the user's", radio.volume(t), 20000)
	if n := d.Ducked(); n != 0 {
		t.Errorf("%d streams still lowered", n)
	}
}

// A ramp steps the volume down, not at once.
func TestDuckRamp(t *testing.T) {
	srv := pulsetest.Start(t)
	player := newApp(t, srv, "4242", 65536)
	d, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	done := make(chan error)
	go func() { done <- d.Lower(steps * 40e6) }() // 40 ms a step
	seen := map[uint32]bool{}
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) < steps/2 {
				t.Errorf("saw %d volumes on the way down, want about %d steps", len(seen), steps)
			}
			return
		default:
			seen[player.volume(t)[0]] = true
		}
	}
}

func TestNoServer(t *testing.T) {
	t.Setenv("PULSE_SERVER", "unix:/nonexistent/socket")
	if _, err := Open(""); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Open with no server: %v, want ErrUnsupported", err)
	}
}
