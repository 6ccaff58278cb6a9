package mpris_test

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/dbustest"
	"github.com/floorcoach/floorcoach/player/mpris"
)

func TestNoBus(t *testing.T) {
	dir := t.TempDir()
	notSocket := t.TempDir()
	if err := os.WriteFile(filepath.Join(notSocket, "bus"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		address, xdg string // DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR
		opts         []mpris.Option
		within       time.Duration
	}{
		{"nothing set", "", "", nil, 100 * time.Millisecond},
		{"no socket in XDG_RUNTIME_DIR", "", dir, nil, 100 * time.Millisecond},
		{"XDG_RUNTIME_DIR/bus is a file", "", notSocket, nil, 100 * time.Millisecond},
		{"autolaunch is not tried", "autolaunch:", dir, nil, 100 * time.Millisecond},
		{"socket gone", "unix:path=" + filepath.Join(dir, "gone"), "", nil, 100 * time.Millisecond},
		{"WithAddress to nowhere", "", "",
			[]mpris.Option{mpris.WithAddress("unix:path=" + filepath.Join(dir, "gone"))}, 100 * time.Millisecond},
		{"bad address", "bogus", "", nil, 100 * time.Millisecond},
		{"silent bus", "unix:path=" + silentSocket(t), "", nil, 1500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", tt.address)
			t.Setenv("XDG_RUNTIME_DIR", tt.xdg)
			t.Setenv("DISPLAY", "")
			begin := time.Now()
			srv, err := mpris.Start(&fakeControls{}, tt.opts...)
			took := time.Since(begin)
			if err == nil {
				srv.Close()
				t.Fatal("Start found a bus")
			}
			if !errors.Is(err, mpris.ErrNoBus) {
				t.Errorf("err = %v, want one matching ErrNoBus", err)
			}
			if took > tt.within {
				t.Errorf("Start took %v, want at most %v", took, tt.within)
			}
		})
	}
}

// silentSocket listens on a unix socket and accepts connections, but never
// says a word: a hung bus.
func silentSocket(t *testing.T) string {
	dir, err := os.MkdirTemp("", "fcsilent")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "bus")
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		var conns []net.Conn
		for {
			c, err := ln.Accept()
			if err != nil {
				break
			}
			conns = append(conns, c)
		}
		for _, c := range conns {
			c.Close()
		}
	}()
	return path
}

func TestInstanceName(t *testing.T) {
	addr := dbustest.Start(t)
	first := start(t, &fakeControls{}, mpris.WithAddress(addr))
	if first.Name() != mpris.BusName {
		t.Errorf("first player's name = %s, want %s", first.Name(), mpris.BusName)
	}
	secondControls := &fakeControls{}
	second := start(t, secondControls, mpris.WithAddress(addr))
	instance := fmt.Sprintf("%s.instance%d", mpris.BusName, os.Getpid())
	if second.Name() != instance {
		t.Errorf("second player's name = %s, want %s", second.Name(), instance)
	}
	if out, err := dbusSend(t, addr, instance, mpris.PlayerIface+".Next"); err != nil {
		t.Fatalf("dbus-send to %s: %v\n%s", instance, err, out)
	}
	if got := secondControls.take(); len(got) != 1 || got[0] != "Next" {
		t.Errorf("second player's calls = %q, want [Next]", got)
	}
	if third, err := mpris.Start(&fakeControls{}, mpris.WithAddress(addr)); err == nil {
		third.Close()
		t.Error("a third player in one process got a name")
	} else if errors.Is(err, mpris.ErrNoBus) {
		t.Errorf("third player: err = %v, should not match ErrNoBus: there is a bus", err)
	}
}

func TestCloseReleasesName(t *testing.T) {
	addr := dbustest.Start(t)
	first := start(t, &fakeControls{}, mpris.WithAddress(addr))
	if err := first.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := first.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := first.Update(mpris.State{Status: mpris.Playing}); err == nil {
		t.Error("Update after Close returned no error")
	}
	// The bus frees the name when it notices the disconnection.
	deadline := time.Now().Add(2 * time.Second)
	for {
		next := start(t, &fakeControls{}, mpris.WithAddress(addr))
		if next.Name() == mpris.BusName {
			return
		}
		next.Close()
		if time.Now().After(deadline) {
			t.Fatalf("after Close the next player got %s, want %s", next.Name(), mpris.BusName)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
