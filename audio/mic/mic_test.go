//go:build !darwin && !windows

package mic

import (
	"context"
	"errors"
	"math"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// No sound server, or one whose default input sends no sound: a one-line
// error wrapping ErrNoInput, within two seconds.
func TestOpenNoMicrophone(t *testing.T) {
	t.Run("no server", func(t *testing.T) {
		t.Setenv("PULSE_SERVER", "unix:"+testenv.TempPath(t, "nothing"))
		openFails(t, "no microphone: no sound server (PulseAudio or PipeWire) answered: ")
	})
	t.Run("silent input", func(t *testing.T) {
		// Its default input is the monitor of a sink nothing plays into:
		// silence, or, with PulseAudio's default setup, no sound at all
		// (the idle sink is suspended with its monitor).
		pulsetest.Start(t)
		err := openFails(t, `no microphone: the default input, "Monitor of `)
		if !strings.Contains(err.Error(), "(it is the monitor of a sound output") {
			t.Errorf("error %q does not say the input is an output's monitor", err)
		}
	})
}

func openFails(t *testing.T, want string) error {
	t.Helper()
	begin := time.Now()
	m, err := Open(Options{})
	took := time.Since(begin)
	if err == nil {
		m.Close()
		t.Fatal("Open succeeded")
	}
	if !errors.Is(err, ErrNoInput) || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q, want one line starting %q", err, want)
	}
	if took > 2*time.Second {
		t.Errorf("Open took %v to fail, want at most 2 s", took)
	}
	t.Logf("%v: %v", took.Round(time.Millisecond), err)
	return err
}

// What is played into the microphone is recorded, at its level: a 1 kHz
// tone peaking at -12 dBFS played into the virtual microphone comes back
// at -12 dBFS, between hiss at -60.
func TestRecordHearsTheMicrophone(t *testing.T) {
	srv := pulsetest.Start(t)
	srv.VirtualMic(t, -60)
	testenv.NeedTool(t, "paplay")
	m, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if !m.Source.Monitor || m.Source.Name != pulsetest.MicSink+".monitor" {
		t.Errorf("source %+v, want the monitor of the mic sink", m.Source)
	}
	tone := testenv.TempPath(t, "tone.wav")
	audiotest.SineWAV(t, tone, 1000, math.Pow(10, -12.0/20), 0.5, 44100)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	var got []float32
	go exec.Command("paplay", "--latency-msec=500", "--device="+pulsetest.MicSink, tone).Run()
	for ctx.Err() == nil {
		b, err := m.Read(ctx)
		if err != nil && ctx.Err() == nil {
			t.Fatal(err)
		}
		got = append(got, b...)
	}
	fl := NewFloor(m.Rate)
	fl.Add(got)
	// The tone is -15.01 dBFS RMS (a sine's RMS is 3 dB under its peak):
	// the 0.1 s windows wholly inside it measure that, the windows at its
	// edges less.
	win := m.Rate / 10
	inside, loudest := 0, -100.0
	for i := 0; i+win <= len(got); i += win {
		l := rmsDB(got[i : i+win])
		loudest = max(loudest, l)
		if l > -15.5 {
			inside++
		}
	}
	if math.Abs(loudest+15.01) > 0.2 || inside < 3 || inside > 5 {
		t.Errorf("the tone came back at %.2f dBFS RMS in %d windows of 0.1 s, want -15.01 in 3 to 5", loudest, inside)
	}
	if l := fl.Level(); math.Abs(l+60) > 2 {
		t.Errorf("noise floor %.1f dBFS, want the hiss's -60", l)
	}
	// The sound server goes: Read says so within the two seconds it
	// waits for sound, and a little more.
	srv.Kill()
	begin := time.Now()
	ctx, cancel = context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for {
		if _, err = m.Read(ctx); err != nil {
			break
		}
	}
	if !errors.Is(err, ErrLost) || time.Since(begin) > 2500*time.Millisecond {
		t.Errorf("after the server went: %v, after %v", err, time.Since(begin))
	}
}
