package pulsetest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/jfreymuth/pulse"
	"github.com/jfreymuth/pulse/proto"
)

// MicSink is the null sink whose monitor VirtualMic makes the default
// input: what is played into it is what a recorder on the default input
// hears. Play into it with `paplay --device=mic`.
const MicSink = "mic"

// VirtualMic gives the server a microphone: a null sink called MicSink
// whose monitor becomes the default source, with faint white noise at
// hissDB (dBFS RMS) played into it all the time, as a real microphone's
// hiss (a null sink's monitor sends nothing while nothing plays). The
// default sink stays Sink, so what a program plays is not recorded.
func (s *Server) VirtualMic(t testing.TB, hissDB float64) {
	t.Helper()
	c, err := pulse.NewClient(pulse.ClientServerString(s.Address), pulse.ClientApplicationName("pulsetest microphone"))
	if err != nil {
		t.Fatalf("pulsetest: microphone: %v", err)
	}
	t.Cleanup(c.Close)
	// PulseAudio's default setup keeps a sink only while there is no
	// other (module-always-sink's auto_null): a sink of the tests' own
	// goes first, so that the default output outlives the microphone's.
	if s.Sink != nullSink {
		err = c.RawRequest(&proto.LoadModule{Name: "module-null-sink", Args: "sink_name=" + nullSink}, &proto.LoadModuleReply{})
		if err == nil {
			s.Sink = nullSink
		}
	}
	if err == nil {
		err = c.RawRequest(&proto.LoadModule{Name: "module-null-sink", Args: "sink_name=" + MicSink + " rate=44100 channels=1"},
			&proto.LoadModuleReply{})
	}
	if err == nil {
		err = c.RawRequest(&proto.SetDefaultSource{SourceName: MicSink + ".monitor"}, nil)
	}
	if err == nil {
		err = c.RawRequest(&proto.SetDefaultSink{SinkName: s.Sink}, nil)
	}
	if err != nil {
		t.Fatalf("pulsetest: microphone: %v", err)
	}
	t.Cleanup(c.Close)
	err = c.RawRequest(&proto.LoadModule{Name: "module-null-sink", Args: "sink_name=" + MicSink + " rate=44100 channels=1"},
		&proto.LoadModuleReply{})
	if err == nil {
		err = c.RawRequest(&proto.SetDefaultSource{SourceName: MicSink + ".monitor"}, nil)
		if err != nil {
			err = fmt.Errorf("DBG source: %w", err)
		}
	}
	if err == nil {
		err = c.RawRequest(&proto.SetDefaultSink{SinkName: s.Sink}, nil)
		if err != nil {
			err = fmt.Errorf("DBG sink %q: %w", s.Sink, err)
		}
	}
	if err != nil {
		t.Fatalf("pulsetest: microphone: %v", err)
	}
	sink, err := c.SinkByID(MicSink)
	if err == nil {
		err = hiss(c, sink, hissDB)
	}
	if err != nil {
		t.Fatalf("pulsetest: microphone hiss: %v", err)
	}
}

// hiss plays white noise at level dB (RMS, dBFS) into sink until c closes.
func hiss(c *pulse.Client, sink *pulse.Sink, level float64) error {
	rng := rand.New(rand.NewPCG(1, 2))
	amp := math.Pow(10, level/20)
	noise := pulse.Float32Reader(func(buf []float32) (int, error) {
		for i := range buf {
			buf[i] = float32(rng.NormFloat64() * amp)
		}
		return len(buf), nil
	})
	p, err := c.NewPlayback(noise, pulse.PlaybackMono, pulse.PlaybackSampleRate(44100), pulse.PlaybackSink(sink),
		pulse.PlaybackLatency(0.1), pulse.PlaybackMediaName("microphone hiss"),
		pulse.PlaybackRawOption(func(r *proto.CreatePlaybackStream) { r.ChannelVolumes = proto.ChannelVolumes{0x10000} }))
	if err != nil {
		return err
	}
	p.Start()
	return nil
}
