package pulseduck

import (
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// Depth is how far other streams are lowered, in dB. Other applications
// play music mastered far louder than speech (-14 LUFS or more against the
// voice's -19): 15 dB under puts it well under the voice, yet still heard.
const Depth = 15.0

// steps is how many volume changes make one ramp.
const steps = 8

// volumeNorm is the server's volume for "as it is" (100%).
const volumeNorm = 0x10000

// tolerance is how far, in volume units, a stream's volume may be from the
// one set for it and still count as untouched: servers round what they
// are given (PipeWire keeps volumes as floats).
const tolerance = volumeNorm / 256

// Timeout bounds each request to the server.
const Timeout = 2 * time.Second

// A Ducker lowers and restores other applications' streams. Its methods are
// safe for concurrent use.
type Ducker struct {
	mu     sync.Mutex
	c      *proto.Client
	conn   net.Conn
	self   string // this process's id: its own streams are left alone
	ducked map[uint32]*lowered
}

// lowered is a stream the Ducker lowered: its own volume, and the last one
// set.
type lowered struct {
	own, set proto.ChannelVolumes
}

// Open connects to the server named by server ("" for the default: as
// libpulse finds it, from PULSE_SERVER or the user's runtime folder). It
// fails with ErrUnsupported, wrapped, when there is no server to talk to.
func Open(server string) (*Ducker, error) {
	c, conn, err := proto.Connect(server)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	c.SetTimeout(Timeout)
	d := &Ducker{c: c, conn: conn, self: strconv.Itoa(os.Getpid()), ducked: map[uint32]*lowered{}}
	err = c.Request(&proto.SetClientName{Props: proto.PropList{
		"application.name":       proto.PropListString("floorcoach (ducking)"),
		"application.process.id": proto.PropListString(d.self),
	}}, &proto.SetClientNameReply{})
	if err == nil {
		_, err = d.others()
	}
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	return d, nil
}

// ErrUnsupported is returned by Open when other streams cannot be lowered.
var ErrUnsupported = errors.New("pulseduck: no PulseAudio or PipeWire server to lower other applications' sound")

// others lists the other processes' playback streams.
func (d *Ducker) others() ([]*proto.GetSinkInputInfoReply, error) {
	var list proto.GetSinkInputInfoListReply
	if err := d.c.Request(&proto.GetSinkInputInfoList{}, &list); err != nil {
		return nil, err
	}
	out := list[:0]
	for _, s := range list {
		if s.Properties["application.process.id"].String() != d.self && len(s.ChannelVolumes) > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}

// Lower turns every other stream not already lowered down by Depth, over
// ramp.
func (d *Ducker) Lower(ramp time.Duration) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	list, err := d.others()
	if err != nil {
		return err
	}
	var fresh []uint32
	for _, s := range list {
		if _, ok := d.ducked[s.SinkInputIndex]; !ok {
			d.ducked[s.SinkInputIndex] = &lowered{own: s.ChannelVolumes, set: s.ChannelVolumes}
			fresh = append(fresh, s.SinkInputIndex)
		}
	}
	return d.ramp(fresh, ramp, func(k int) float64 { return -Depth * float64(k) / steps })
}

// Restore gives every lowered stream that is still as it was set its own
// volume back, over ramp; the others it forgets.
func (d *Ducker) Restore(ramp time.Duration) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.ducked) == 0 {
		return nil
	}
	list, err := d.others()
	if err != nil {
		return err
	}
	now := map[uint32]proto.ChannelVolumes{}
	for _, s := range list {
		now[s.SinkInputIndex] = s.ChannelVolumes
	}
	var back []uint32
	for idx, l := range d.ducked {
		if v, ok := now[idx]; ok && same(v, l.set) {
			back = append(back, idx)
		} else {
			delete(d.ducked, idx) // gone, or changed by someone else: theirs now
		}
	}
	err = d.ramp(back, ramp, func(k int) float64 { return -Depth * float64(steps-k) / steps })
	for _, idx := range back {
		delete(d.ducked, idx)
	}
	return err
}

// ramp sets the streams' volumes to their own at gain(k) dB, for k from 1
// to steps, spread over the ramp's time.
func (d *Ducker) ramp(streams []uint32, ramp time.Duration, gain func(k int) float64) error {
	if len(streams) == 0 {
		return nil
	}
	var first error
	for k := 1; k <= steps; k++ {
		if ramp > 0 && k > 1 {
			time.Sleep(ramp / steps)
		}
		if ramp <= 0 && k < steps {
			continue // at once: the last step only
		}
		for _, idx := range streams {
			l := d.ducked[idx]
			v := scaled(l.own, gain(k))
			if err := d.c.Request(&proto.SetSinkInputVolume{SinkInputIndex: idx, ChannelVolumes: v}, nil); err != nil {
				if first == nil && !isNoEntity(err) {
					first = err
				}
				continue
			}
			l.set = v
		}
	}
	return first
}

// Ducked returns how many streams are lowered now.
func (d *Ducker) Ducked() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.ducked)
}

// Close gives the lowered streams their volume back, at once, and
// disconnects.
func (d *Ducker) Close() error {
	err := d.Restore(0)
	d.conn.Close()
	return err
}

// scaled returns volumes v lowered by db: server volumes are cubic, so a
// gain multiplies each by its cube root.
func scaled(v proto.ChannelVolumes, db float64) proto.ChannelVolumes {
	f := math.Cbrt(math.Pow(10, db/20))
	out := make(proto.ChannelVolumes, len(v))
	for i, x := range v {
		out[i] = uint32(math.Round(float64(x) * f))
	}
	return out
}

// same reports whether two volumes are equal within tolerance.
func same(a, b proto.ChannelVolumes) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if d := int64(a[i]) - int64(b[i]); d > tolerance || d < -tolerance {
			return false
		}
	}
	return true
}

// isNoEntity reports whether the server said the stream is gone.
func isNoEntity(err error) bool {
	var e proto.Error
	return errors.As(err, &e) && e == proto.ErrNoSuchEntity
}
