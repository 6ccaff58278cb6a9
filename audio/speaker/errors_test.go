//go:build !darwin && !windows

package speaker

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/pulsetest"
)

func TestControlsNeedPlay(t *testing.T) {
	spk, _ := open(t)
	for name, f := range map[string]func() error{
		"Pause":  spk.Pause,
		"Resume": spk.Resume,
		"SeekTo": func() error { return spk.SeekTo(0) },
	} {
		if err := f(); !errors.Is(err, ErrNotPlaying) {
			t.Errorf("%s with no Play = %v, want ErrNotPlaying", name, err)
		}
	}
	done := start(spk, newRamp(time.Second))
	time.Sleep(100 * time.Millisecond)
	if err := spk.Play(context.Background(), newRamp(time.Second)); !errors.Is(err, ErrBusy) {
		t.Errorf("second Play = %v, want ErrBusy", err)
	}
	if err := spk.SetVolume(0.5); err != nil {
		t.Errorf("SetVolume(0.5) = %v", err)
	}
	for _, v := range []float64{-0.1, 1.5} {
		if err := spk.SetVolume(v); err == nil {
			t.Errorf("SetVolume(%v) = nil, want an error", v)
		}
	}
	if err := spk.SeekTo(-1); err == nil {
		t.Error("SeekTo(-1) = nil, want an error")
	}
	if err := wait(t, done, 2*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
}

func TestCancel(t *testing.T) {
	spk, _ := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- spk.Play(ctx, newRamp(10*time.Second)) }()
	time.Sleep(200 * time.Millisecond)
	cancel()
	if err := wait(t, done, 200*time.Millisecond); !errors.Is(err, context.Canceled) {
		t.Fatalf("Play after cancel = %v, want context.Canceled", err)
	}
	// The speaker plays again after a cancelled Play.
	if err := spk.Play(context.Background(), newRamp(100*time.Millisecond)); err != nil {
		t.Fatalf("Play after a cancelled Play: %v", err)
	}
}

func TestClose(t *testing.T) {
	spk, _ := open(t)
	done := start(spk, newRamp(10*time.Second))
	time.Sleep(200 * time.Millisecond)
	if err := spk.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := wait(t, done, 200*time.Millisecond); !errors.Is(err, ErrClosed) {
		t.Errorf("Play after Close = %v, want ErrClosed", err)
	}
	if err := spk.Play(context.Background(), newRamp(time.Second)); !errors.Is(err, ErrClosed) {
		t.Errorf("Play on a closed speaker = %v, want ErrClosed", err)
	}
}

// A server that goes and does not come back within Options.Reconnect
// ends Play with ErrLost, which says so; the speaker stays lost.
func TestServerGoneForGood(t *testing.T) {
	srv := pulsetest.Start(t)
	spk, err := Open(Options{Reconnect: time.Second})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer spk.Close()
	done := start(spk, newRamp(10*time.Second))
	time.Sleep(500 * time.Millisecond)
	srv.Kill()
	killed := time.Now()
	err = wait(t, done, 3*time.Second)
	t.Logf("Play returned %v after the server was killed: %v", time.Since(killed), err)
	if !errors.Is(err, ErrLost) || !strings.Contains(err.Error(), "did not come back within 1s") {
		t.Fatalf("Play = %v, want ErrLost saying it did not come back", err)
	}
	if since := time.Since(killed); since < time.Second || since > 1500*time.Millisecond {
		t.Errorf("Play returned %v after the kill, want after the 1 s it may take to come back, and soon after", since)
	}
	if err := spk.Play(context.Background(), newRamp(time.Second)); !errors.Is(err, ErrLost) {
		t.Errorf("Play on a lost output = %v, want ErrLost", err)
	}
}

// A server that stops answering, and does not come back, ends Play within
// the request timeout and the reconnection time.
func TestServerHangs(t *testing.T) {
	srv := pulsetest.Start(t)
	spk, err := Open(Options{Timeout: 500 * time.Millisecond, Reconnect: 500 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer spk.Close()
	done := start(spk, newRamp(10*time.Second))
	time.Sleep(300 * time.Millisecond)
	srv.Freeze()
	frozen := time.Now()
	err = wait(t, done, 3*time.Second)
	t.Logf("Play returned %v after the server froze: %v", time.Since(frozen), err)
	if !errors.Is(err, ErrLost) {
		t.Fatalf("Play = %v, want ErrLost", err)
	}
	if since := time.Since(frozen); since > 1500*time.Millisecond {
		t.Errorf("Play returned %v after the server froze, want within the 0.5 s timeout, the 0.5 s wait, and a little", since)
	}
}

func TestOpenWithoutServer(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "native")
	silent, err := net.Listen("unix", filepath.Join(t.TempDir(), "silent"))
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	tests := []struct {
		name, server string
		opts         Options
		want         string
		limit        time.Duration
	}{
		{"no socket", "unix:" + sock, Options{}, "no such file or directory", 2 * time.Second},
		{"silent server", "unix:" + silent.Addr().String(), Options{Timeout: 300 * time.Millisecond}, "no answer within 300ms", time.Second},
		{"bad address", "smoke-signals:hill", Options{}, "unsupported server string", 2 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PULSE_SERVER", tt.server)
			begin := time.Now()
			spk, err := Open(tt.opts)
			took := time.Since(begin)
			if err == nil {
				spk.Close()
				t.Fatal("Open = nil error, want one")
			}
			t.Logf("%v: %v", took, err)
			if !errors.Is(err, ErrNoOutput) || !strings.Contains(err.Error(), tt.server) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open = %q, want ErrNoOutput naming %s and %q", err, tt.server, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error has more than one line: %q", err)
			}
			if took > tt.limit {
				t.Errorf("Open took %v, want under %v", took, tt.limit)
			}
		})
	}
}
