package pulsetest

import (
	"fmt"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// client is a control connection to the server.
type client struct {
	*proto.Client
	conn net.Conn
}

// dial connects to the server as name, with its cookie.
func (s *Server) dial(name string) (*client, error) {
	conn, err := net.DialTimeout("unix", strings.TrimPrefix(s.Address, "unix:"), time.Second)
	if err != nil {
		return nil, err
	}
	c := &client{Client: &proto.Client{}, conn: conn}
	c.SetTimeout(2 * time.Second)
	c.Open(conn)
	cookie, err := os.ReadFile(s.Cookie)
	if err != nil || len(cookie) != 256 {
		cookie = make([]byte, 256) // PipeWire takes any
	}
	var auth proto.AuthReply
	err = c.Request(&proto.Auth{Version: c.Version(), Cookie: cookie}, &auth)
	if err == nil {
		c.SetVersion(auth.Version)
		err = c.Request(&proto.SetClientName{Props: proto.PropList{
			"application.name": proto.PropListString(name),
		}}, &proto.SetClientNameReply{})
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	return c, nil
}

func (c *client) Close() { c.conn.Close() }

// waitReady polls until the server answers and has a default sink.
func (s *Server) waitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		if s.pulse.exited() {
			return fmt.Errorf("pulsetest: %s exited at start: %v", s.Kind, s.pulse.cmd.ProcessState)
		}
		if last = s.checkSink(); last == nil {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("pulsetest: %s did not answer with a sink at %s within %v: %v", s.Kind, s.Address, timeout, last)
}

// checkSink sets s.Sink to the default sink's name, or fails.
func (s *Server) checkSink() error {
	c, err := s.dial("pulsetest")
	if err != nil {
		return err
	}
	defer c.Close()
	var info proto.GetServerInfoReply
	if err := c.Request(&proto.GetServerInfo{}, &info); err != nil {
		return err
	}
	// pipewire-pulse answers "@DEFAULT_SINK@" until WirePlumber has chosen
	// the default; a client that connects then plays to whatever that
	// names a moment later.
	if info.DefaultSinkName == "" || strings.HasPrefix(info.DefaultSinkName, "@") {
		return fmt.Errorf("no default sink yet (%q)", info.DefaultSinkName)
	}
	var sink proto.LookupSinkReply
	if err := c.Request(&proto.LookupSink{SinkName: info.DefaultSinkName}, &sink); err != nil {
		return fmt.Errorf("default sink %q: %w", info.DefaultSinkName, err)
	}
	s.Sink = info.DefaultSinkName
	return nil
}

// nullSink is the sink quietSink adds on a machine with a sound card.
const nullSink = "floorcoach_test"

// quietSink makes sure the default sink is a null sink: on a machine with
// a sound card, it adds one and makes it the default, so that tests never
// play through the speakers. PulseAudio's null sink reports the driver
// module-null-sink.c; PipeWire's is the node factory support.null-audio-sink.
func (s *Server) quietSink() error {
	c, err := s.dial("pulsetest")
	if err != nil {
		return fmt.Errorf("pulsetest: %w", err)
	}
	defer c.Close()
	var info proto.GetSinkInfoReply
	if err := c.Request(&proto.GetSinkInfo{SinkIndex: proto.Undefined, SinkName: s.Sink}, &info); err != nil {
		return fmt.Errorf("pulsetest: sink %q: %w", s.Sink, err)
	}
	if info.Driver == "module-null-sink.c" || info.Properties["factory.name"].String() == "support.null-audio-sink" {
		return nil
	}
	var mod proto.LoadModuleReply
	err = c.Request(&proto.LoadModule{Name: "module-null-sink", Args: "sink_name=" + nullSink}, &mod)
	if err == nil {
		err = c.Request(&proto.SetDefaultSink{SinkName: nullSink}, nil)
	}
	if err != nil {
		return fmt.Errorf("pulsetest: add a null sink: %w", err)
	}
	s.Sink = nullSink
	return nil
}

// sinkSuspended is PulseAudio's state of a suspended sink.
const sinkSuspended = 2

// WaitSuspended waits until the sink is suspended, as a desktop's sink is
// after a few seconds without sound (PulseAudio's module-suspend-on-idle
// and WirePlumber both suspend it after 5 s), for up to timeout.
func (s *Server) WaitSuspended(t testing.TB, timeout time.Duration) {
	t.Helper()
	c, err := s.dial("pulsetest")
	if err != nil {
		t.Fatalf("pulsetest: %v", err)
	}
	defer c.Close()
	for deadline := time.Now().Add(timeout); ; time.Sleep(50 * time.Millisecond) {
		var info proto.GetSinkInfoReply
		if err := c.Request(&proto.GetSinkInfo{SinkIndex: proto.Undefined, SinkName: s.Sink}, &info); err != nil {
			t.Fatalf("pulsetest: sink %q: %v", s.Sink, err)
		}
		if info.State == sinkSuspended {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("pulsetest: sink %q not suspended within %v (state %d)", s.Sink, timeout, info.State)
		}
	}
}
