//go:build !darwin && !windows

package speaker

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/safefile"
	"github.com/jfreymuth/pulse/proto"
)

// serverAddresses lists the server strings to try, as libpulse would:
// server, else $PULSE_SERVER, else the user's runtime folder.
func serverAddresses(server string) []string {
	if server == "" {
		server = os.Getenv("PULSE_SERVER")
	}
	if f := strings.Fields(server); len(f) > 0 {
		return f
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = "/run/user/" + strconv.Itoa(os.Getuid())
	}
	return []string{"unix:" + filepath.Join(dir, "pulse", "native")}
}

func connectAny(ctx context.Context, d *device, gain float64) (*link, error) {
	var err error
	for _, a := range serverAddresses(d.opts.Server) {
		var l *link
		if l, err = connect(ctx, a, d, gain); err == nil {
			return l, nil
		}
	}
	return nil, err
}

// connect dials addr, authenticates and makes the corked playback stream.
// The connection is read through a guard: the library would believe any
// length a server sends.
func connect(ctx context.Context, addr string, d *device, gain float64) (*link, error) {
	conn, err := dial(ctx, addr)
	if err != nil {
		return nil, err
	}
	l := &link{addr: addr, conn: conn, client: &proto.Client{}, corked: true}
	l.client.SetTimeout(d.opts.Timeout)
	l.client.Callback = func(msg any) { d.event(l, msg) } // before Open: the reader may call it at once
	w := newCredsWriter(conn)
	l.client.Open(newGuard(w))
	if err := l.handshake(ctx, d.opts, gain); err != nil {
		conn.Close()
		return nil, err
	}
	w.done()
	l.credit.Store(int64(l.stream.Missing))
	return l, nil
}

func dial(ctx context.Context, addr string) (net.Conn, error) {
	s := addr
	if strings.HasPrefix(s, "{") { // "{machine-id}unix:…": for that machine only
		s = s[strings.IndexByte(s, '}')+1:]
	}
	network, where, _ := strings.Cut(s, ":")
	switch {
	case strings.HasPrefix(s, "/"):
		network, where = "unix", s
	case network == "tcp" || network == "tcp4" || network == "tcp6":
		if _, _, err := net.SplitHostPort(where); err != nil {
			where = net.JoinHostPort(where, "4713")
		}
	case network != "unix":
		return nil, errors.New("unsupported server string")
	}
	var dl net.Dialer
	return dl.DialContext(ctx, network, where)
}

// handshake authenticates, names the client and makes the stream.
// Its last request is given what is left of ctx's time, less a moment, so
// that its own error, which says more, comes back before ctx's.
func (l *link) handshake(ctx context.Context, o Options, gain float64) error {
	var auth proto.AuthReply
	if err := l.client.Request(&proto.Auth{Version: l.client.Version(), Cookie: cookie()}, &auth); err != nil {
		return err
	}
	l.client.SetVersion(auth.Version)
	props := proto.PropList{
		"application.name":       proto.PropListString(o.Name),
		"application.process.id": proto.PropListString(strconv.Itoa(os.Getpid())),
	}
	if err := l.client.Request(&proto.SetClientName{Props: props}, &proto.SetClientNameReply{}); err != nil {
		return err
	}
	var info proto.GetServerInfoReply
	if err := l.client.Request(&proto.GetServerInfo{}, &info); err != nil {
		return err
	}
	if deadline, ok := ctx.Deadline(); ok {
		l.client.SetTimeout(max(time.Until(deadline)-20*time.Millisecond, time.Millisecond))
		defer l.client.SetTimeout(o.Timeout)
	}
	err := l.client.Request(streamRequest(o, gain), &l.stream)
	if errors.Is(err, context.DeadlineExceeded) && strings.Contains(info.PackageName, "PipeWire") {
		// PipeWire's pulse server answers, but makes no stream until a
		// session manager links it to a sink.
		return fmt.Errorf("%s made no stream within %v: is WirePlumber running? (without it PipeWire plays nothing)",
			serverName(info.PackageName, info.PackageVersion), o.Timeout)
	}
	return err
}

// cookie returns the user's PulseAudio cookie, or an empty one, which a
// server that allows anonymous clients accepts.
func cookie() []byte {
	path, ok := os.LookupEnv("PULSE_COOKIE")
	if !ok {
		home, _ := os.UserHomeDir()
		path = filepath.Join(home, ".config", "pulse", "cookie")
	}
	if c, err := safefile.ReadRegular(path, 256); err == nil && len(c) == 256 { // a named pipe there would block a plain read
		return c
	}
	return make([]byte, 256)
}

// streamRequest asks for a corked stereo int16 stream at volume gain, that
// the server keeps o.Latency of sound in and mixes MixAhead of.
//
// In PulseAudio's "early requests" mode the sink's latency is the stream's
// minimum request: the server mixes MixAhead ahead and asks for data every
// MixAhead, while its queue holds o.Latency. (In "adjust latency" mode,
// which this speaker used before, the sink mixes about a third of the
// queue ahead: a 100 ms queue, to keep Pause quick, ran dry on a busy
// machine, 4 times in 10 s beside four busy loops, and the sound came late.
// With 400 ms it did not run dry.) MixAhead is 40 ms rather than 20: a
// request every 20 ms cost 2.6% of a core, every 40 ms 1.6%. The stream
// starts once MixAhead is queued: the speaker writes what it plays all at
// once, before it uncorks the stream.
func streamRequest(o Options, gain float64) *proto.CreatePlaybackStream {
	v := volume(gain)
	return &proto.CreatePlaybackStream{
		SampleSpec:            proto.SampleSpec{Format: proto.FormatInt16LE, Channels: audio.Channels, Rate: audio.SampleRate},
		ChannelMap:            proto.ChannelMap{proto.ChannelLeft, proto.ChannelRight},
		SinkIndex:             proto.Undefined,
		BufferMaxLength:       proto.Undefined,
		Corked:                true,
		BufferTargetLength:    uint32(audio.Frames(o.Latency) * frameBytes),
		BufferPrebufferLength: uint32(audio.Frames(MixAhead) * frameBytes),
		BufferMinimumRequest:  uint32(audio.Frames(MixAhead) * frameBytes),
		ChannelVolumes:        proto.ChannelVolumes{v, v},
		EarlyRequests:         true,
		Properties:            proto.PropList{"media.name": proto.PropListString(o.Name)},
	}
}
