//go:build !darwin && !windows

package speaker

import (
	"strings"

	"github.com/jfreymuth/pulse/proto"
)

// describe asks the server its name, version and default sink.
func (d *device) describe() (Server, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	var info proto.GetServerInfoReply
	if err := d.request(&proto.GetServerInfo{}, &info); err != nil {
		return Server{}, err
	}
	return Server{Name: serverName(info.PackageName, info.PackageVersion), Sink: info.DefaultSinkName, Address: d.link.addr}, nil
}

// serverName names a server from what it says it is: PulseAudio says
// "pulseaudio" and its version; PipeWire's pulse server says "PulseAudio
// (on PipeWire 0.3.65)" and the PulseAudio version it acts as.
func serverName(pkg, version string) string {
	if i := strings.Index(pkg, "PipeWire"); i >= 0 {
		return strings.TrimRight(pkg[i:], ")")
	}
	if pkg == "pulseaudio" {
		return "PulseAudio " + version
	}
	return strings.TrimSpace(pkg + " " + version)
}
