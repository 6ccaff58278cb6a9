//go:build !darwin && !windows

package speaker

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/floorcoach/floorcoach/audio"
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

func connectAny(ctx context.Context, addrs []string, o Options) (*device, error) {
	var err error
	for _, a := range addrs {
		var d *device
		if d, err = connect(ctx, a, o); err == nil {
			return d, nil
		}
	}
	return nil, err
}

// connect dials addr, authenticates and makes the corked playback stream.
func connect(ctx context.Context, addr string, o Options) (*device, error) {
	conn, err := dial(ctx, addr)
	if err != nil {
		return nil, err
	}
	d := &device{addr: addr, timeout: o.Timeout, conn: conn, client: &proto.Client{}, wake: make(chan struct{}, 1)}
	d.client.SetTimeout(o.Timeout)
	d.client.Callback = d.event // before Open: the reader may call it at once
	d.client.Open(conn)
	if err := d.handshake(o); err != nil {
		conn.Close()
		return nil, err
	}
	d.credit.Store(int64(d.stream.Missing))
	d.buf = make([]byte, 4096*frameBytes)
	d.samples = make([]int16, 4096*audio.Channels)
	return d, nil
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
func (d *device) handshake(o Options) error {
	var auth proto.AuthReply
	if err := d.client.Request(&proto.Auth{Version: d.client.Version(), Cookie: cookie()}, &auth); err != nil {
		return err
	}
	d.client.SetVersion(auth.Version)
	props := proto.PropList{
		"application.name":       proto.PropListString(o.Name),
		"application.process.id": proto.PropListString(strconv.Itoa(os.Getpid())),
	}
	if err := d.client.Request(&proto.SetClientName{Props: props}, &proto.SetClientNameReply{}); err != nil {
		return err
	}
	return d.client.Request(streamRequest(o), &d.stream)
}

// cookie returns the user's PulseAudio cookie, or an empty one, which a
// server that allows anonymous clients accepts.
func cookie() []byte {
	path, ok := os.LookupEnv("PULSE_COOKIE")
	if !ok {
		home, _ := os.UserHomeDir()
		path = filepath.Join(home, ".config", "pulse", "cookie")
	}
	if c, err := os.ReadFile(path); err == nil && len(c) == 256 {
		return c
	}
	return make([]byte, 256)
}

// streamRequest asks for a corked stereo int16 stream whose total latency,
// server buffer and device together, is o.Latency.
func streamRequest(o Options) *proto.CreatePlaybackStream {
	return &proto.CreatePlaybackStream{
		SampleSpec:            proto.SampleSpec{Format: proto.FormatInt16LE, Channels: audio.Channels, Rate: audio.SampleRate},
		ChannelMap:            proto.ChannelMap{proto.ChannelLeft, proto.ChannelRight},
		SinkIndex:             proto.Undefined,
		BufferMaxLength:       proto.Undefined,
		Corked:                true,
		BufferTargetLength:    uint32(audio.Frames(o.Latency) * frameBytes),
		BufferPrebufferLength: proto.Undefined,
		BufferMinimumRequest:  proto.Undefined,
		ChannelVolumes:        proto.ChannelVolumes{volumeNorm, volumeNorm},
		AdjustLatency:         true,
		Properties:            proto.PropList{"media.name": proto.PropListString(o.Name)},
	}
}
