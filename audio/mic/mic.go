package mic

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/jfreymuth/pulse"
	"github.com/jfreymuth/pulse/proto"
)

// Defaults and limits.
const (
	DefaultTimeout = 1500 * time.Millisecond // Open's, first sound included
	DefaultName    = "floorcoach"
	// MaxPending is the most sound kept for Read: a reader that falls
	// further behind loses the oldest.
	MaxPending = 10 * time.Second
	// lostAfter is how long a running input may send nothing before Read
	// reports it lost.
	lostAfter = 2 * time.Second
	// blockLatency is how much sound the server gathers before sending it;
	// serverBuffer is how much it keeps for a client that is late to read
	// (the client library's default, twice blockLatency, lost sound on a
	// busy machine).
	blockLatency = 0.02 // s
	serverBuffer = 2.0  // s
	// silentFor is how much sound of nothing but zeros makes Open give up
	// on an input: a muted one, or the monitor of an output nothing plays
	// on, which is what a machine without a microphone records from.
	silentFor = 400 * time.Millisecond
)

// Errors a caller may tell apart; the returned errors wrap them and say what
// was tried.
var (
	// ErrNoInput: Open found no sound input to record from.
	ErrNoInput = errors.New("no microphone")
	// ErrLost: the input stopped sending sound, or the server went away.
	ErrLost = errors.New("microphone lost")
)

// Options configure Open. The zero value is ready to use.
type Options struct {
	// Server is a PulseAudio server string; "" means $PULSE_SERVER, else
	// the user's own server.
	Server string
	// Timeout bounds Open, including the wait for the input's first sound.
	// 0 means DefaultTimeout.
	Timeout time.Duration
	// Rate is the sample rate to record at; 0 means audio.SampleRate.
	Rate int
	// Name is what volume controls show for the recording.
	Name string
}

// Source describes the input recorded from.
type Source struct {
	Name        string // the server's name for it: "alsa_input.usb-…"
	Description string // for people: "Blue Yeti Analog Stereo"
	Monitor     bool   // it is the monitor of an output, not a microphone
}

// Mic is an open recording from the default input. Read returns its
// sound; Close ends it.
type Mic struct {
	Source Source
	Rate   int

	client *pulse.Client
	stream *pulse.RecordStream

	mu      sync.Mutex
	pending []float32
	nonzero bool      // a sample other than 0 has come
	partial []byte    // bytes of a sample split between packets
	last    time.Time // when sound last came
	dropped int64     // samples dropped because nobody read them
	notify  chan struct{}
}

// Open starts recording from the sound server's default input. It returns
// within about Options.Timeout, with an error wrapping ErrNoInput when
// there is no server, no input, or an input that sends no sound.
func Open(o Options) (*Mic, error) {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Rate <= 0 {
		o.Rate = audio.SampleRate
	}
	if o.Name == "" {
		o.Name = DefaultName
	}
	deadline := time.Now().Add(o.Timeout)
	c, err := connect(o, deadline)
	if err != nil {
		return nil, err
	}
	m := &Mic{client: c, Rate: o.Rate, notify: make(chan struct{}, 1)}
	if err := m.start(o); err != nil {
		c.Close()
		return nil, err
	}
	if err := m.waitSound(deadline); err != nil {
		m.Close()
		return nil, err
	}
	return m, nil
}

// connect connects to the server, giving up at deadline.
func connect(o Options, deadline time.Time) (*pulse.Client, error) {
	type result struct {
		c   *pulse.Client
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := pulse.NewClient(pulse.ClientServerString(o.Server), pulse.ClientApplicationName(o.Name))
		done <- result{c, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, fmt.Errorf("%w: no sound server (PulseAudio or PipeWire) answered: %v", ErrNoInput, r.err)
		}
		return r.c, nil
	case <-time.After(time.Until(deadline)):
		go func() { // close it if it ever connects
			if r := <-done; r.err == nil {
				r.c.Close()
			}
		}()
		return nil, fmt.Errorf("%w: the sound server did not answer within %v", ErrNoInput, o.Timeout)
	}
}

// start finds the default source and starts a record stream from it.
func (m *Mic) start(o Options) error {
	var info proto.GetSourceInfoReply
	if err := m.client.RawRequest(&proto.GetSourceInfo{SourceIndex: proto.Undefined}, &info); err != nil {
		return fmt.Errorf("%w: the sound server has no default input: %v", ErrNoInput, err)
	}
	m.Source = Source{Name: info.SourceName, Description: describe(info), Monitor: info.MonitorSourceIndex != proto.Undefined}
	rec, err := m.client.NewRecord(m,
		pulse.RecordMono, pulse.RecordSampleRate(o.Rate), pulse.RecordLatency(blockLatency),
		pulse.RecordMediaName("recording a voice pack"),
		pulse.RecordRawOption(func(r *proto.CreateRecordStream) {
			r.SourceIndex = info.SourceIndex
			r.BufferMaxLength = uint32(serverBuffer * float64(o.Rate) * 4)
			r.ChannelVolumes = proto.ChannelVolumes{0x10000} // as it is
		}))
	if err != nil {
		return fmt.Errorf("%w: cannot record from %s: %v", ErrNoInput, m.Source.Description, err)
	}
	m.stream = rec
	m.mu.Lock()
	m.last = time.Now()
	m.mu.Unlock()
	rec.Start()
	return nil
}

// describe names a source for people.
func describe(info proto.GetSourceInfoReply) string {
	if d, ok := info.Properties["device.description"]; ok {
		if s := strings.TrimRight(string(d), "\x00"); s != "" {
			return fmt.Sprintf("%q", s)
		}
	}
	return fmt.Sprintf("%q", info.SourceName)
}

// waitSound waits until the input has sent a sample other than zero. It
// fails at deadline, or once silentFor of zeros has come.
func (m *Mic) waitSound(deadline time.Time) error {
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	for {
		m.mu.Lock()
		got, sound := len(m.pending), m.nonzero
		m.mu.Unlock()
		switch {
		case sound:
			return nil
		case got >= int(silentFor.Seconds()*float64(m.Rate)):
			return fmt.Errorf("%w: the default input, %s, records only silence (%s)", ErrNoInput, m.Source.Description, m.hint())
		}
		select {
		case <-m.notify:
		case <-timer.C:
			return fmt.Errorf("%w: the default input, %s, sends no sound (%s)", ErrNoInput, m.Source.Description, m.quietHint())
		}
	}
}

// quietHint says why an input may send nothing at all: a monitor of an
// idle output is suspended with it (PulseAudio's default setup), any other
// input is unplugged or suspended.
func (m *Mic) quietHint() string {
	if m.Source.Monitor {
		return m.hint()
	}
	return "is it unplugged or suspended?"
}

// hint says why an input may record only silence.
func (m *Mic) hint() string {
	if m.Source.Monitor {
		return "it is the monitor of a sound output, which is what is left when no microphone is connected; plug one in or choose it in the sound settings"
	}
	return "is it muted? unmute it in the sound settings"
}

// Format and Write make a Mic the record stream's pulse.Writer: the server
// sends float32 samples, little-endian, which Write keeps for Read. A
// sample split between two packets is joined.
func (m *Mic) Format() byte { return proto.FormatFloat32LE }

func (m *Mic) Write(b []byte) (int, error) {
	n := len(b)
	m.mu.Lock()
	if len(m.partial) > 0 {
		b = append(m.partial, b...)
		m.partial = nil
	}
	for ; len(b) >= 4; b = b[4:] {
		v := math.Float32frombits(binary.LittleEndian.Uint32(b))
		m.nonzero = m.nonzero || v != 0
		m.pending = append(m.pending, v)
	}
	m.partial = append(m.partial, b...)
	if limit := int(MaxPending.Seconds() * float64(m.Rate)); len(m.pending) > limit {
		over := len(m.pending) - limit
		m.dropped += int64(over)
		m.pending = append(m.pending[:0], m.pending[over:]...)
	}
	m.last = time.Now()
	m.mu.Unlock()
	select {
	case m.notify <- struct{}{}:
	default:
	}
	return n, nil
}

// Read waits for sound and returns all that came since the last Read. It
// returns ctx's error when ctx ends first, and an error wrapping ErrLost
// when the input has sent nothing for two seconds.
func (m *Mic) Read(ctx context.Context) ([]float32, error) {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		m.mu.Lock()
		out, last := m.pending, m.last
		if len(out) > 0 {
			m.pending = make([]float32, 0, cap(out))
		}
		m.mu.Unlock()
		if len(out) > 0 {
			return out, nil
		}
		if time.Since(last) > lostAfter {
			return nil, fmt.Errorf("%w: %s sent no sound for %v", ErrLost, m.Source.Description, lostAfter)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-m.notify:
		case <-tick.C:
		}
	}
}

// Dropped returns how many samples were lost because Read was not called
// often enough.
func (m *Mic) Dropped() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.dropped
}

// Close stops recording and disconnects.
func (m *Mic) Close() error {
	m.client.Close()
	return nil
}
