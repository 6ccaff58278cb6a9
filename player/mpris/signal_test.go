package mpris_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/floorcoach/floorcoach/internal/dbustest"
	"github.com/floorcoach/floorcoach/player/mpris"
)

// watch subscribes a second connection to the player's PropertiesChanged
// signals, as a desktop shell does.
func watch(t *testing.T, addr string) chan *dbus.Signal {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("connect watcher: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	err = conn.AddMatchSignal(dbus.WithMatchObjectPath(mpris.ObjectPath),
		dbus.WithMatchInterface("org.freedesktop.DBus.Properties"),
		dbus.WithMatchMember("PropertiesChanged"))
	if err != nil {
		t.Fatalf("AddMatchSignal: %v", err)
	}
	ch := make(chan *dbus.Signal, 16)
	conn.Signal(ch)
	return ch
}

// nextChange waits for the next PropertiesChanged signal and returns the
// properties it carries; nil if none came within wait.
func nextChange(t *testing.T, ch chan *dbus.Signal, wait time.Duration) map[string]dbus.Variant {
	t.Helper()
	deadline := time.After(wait)
	for {
		select {
		case sig := <-ch:
			if sig.Name != "org.freedesktop.DBus.Properties.PropertiesChanged" {
				continue // the bus's own NameAcquired
			}
			if len(sig.Body) != 3 || sig.Body[0] != mpris.PlayerIface {
				t.Fatalf("PropertiesChanged body = %v, want the Player interface and 2 more", sig.Body)
			}
			return sig.Body[1].(map[string]dbus.Variant)
		case <-deadline:
			return nil
		}
	}
}

func TestPropertiesChangedSignal(t *testing.T) {
	addr := dbustest.Start(t)
	srv := start(t, &fakeControls{}, mpris.WithAddress(addr))
	ch := watch(t, addr)
	cat := mpris.State{Status: mpris.Playing, Title: "Cat-cow", Album: "Lower back relief",
		Length: 45 * time.Second, Volume: 1, TrackIndex: 1}
	bridge := cat
	bridge.Title, bridge.TrackIndex = "Bridge", 2
	paused := bridge
	paused.Status = mpris.Paused
	tests := []struct {
		name  string
		state mpris.State
		want  []string // the properties the signal names; nil for no signal
	}{
		{"first step", cat, []string{"Metadata", "PlaybackStatus"}},
		{"nothing changed", cat, nil},
		{"position moved", withPosition(cat, 3*time.Second), nil},
		{"next step", bridge, []string{"Metadata"}},
		{"paused", paused, []string{"PlaybackStatus"}},
		{"volume", withVolume(paused, 0.5), []string{"Volume"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := srv.Update(tt.state); err != nil {
				t.Fatalf("Update: %v", err)
			}
			wait := 2 * time.Second
			if tt.want == nil {
				wait = 200 * time.Millisecond
			}
			changed := nextChange(t, ch, wait)
			if got := sortedKeys(changed); !slices.Equal(got, tt.want) {
				t.Errorf("changed properties = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSignalCarriesValues(t *testing.T) {
	addr := dbustest.Start(t)
	srv := start(t, &fakeControls{}, mpris.WithAddress(addr))
	ch := watch(t, addr)
	srv.Update(mpris.State{Status: mpris.Playing, Title: "Knee-to-chest", Album: "Lower back relief",
		Length: 30 * time.Second, Volume: 1, TrackIndex: 3})
	changed := nextChange(t, ch, 2*time.Second)
	if got := changed["PlaybackStatus"].Value(); got != mpris.Playing {
		t.Errorf("PlaybackStatus = %v, want %s", got, mpris.Playing)
	}
	meta, _ := changed["Metadata"].Value().(map[string]dbus.Variant)
	want := map[string]any{
		"mpris:trackid": dbus.ObjectPath("/org/floorcoach/step/3"),
		"xesam:title":   "Knee-to-chest",
		"xesam:album":   "Lower back relief",
		"mpris:length":  int64(30_000_000),
	}
	for key, w := range want {
		if got := meta[key].Value(); got != w {
			t.Errorf("Metadata[%s] = %#v, want %#v", key, got, w)
		}
	}
}

// TestConcurrentUse runs Updates and bus calls at once; run it with -race.
func TestConcurrentUse(t *testing.T) {
	addr := dbustest.Start(t)
	srv := start(t, &volumeControls{}, mpris.WithAddress(addr),
		mpris.WithPosition(func() time.Duration { return time.Second }))
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	obj := conn.Object(srv.Name(), mpris.ObjectPath)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				st := mpris.State{Status: mpris.Playing, Title: "Step", TrackIndex: g*100 + i, Volume: 1}
				if err := srv.Update(st); err != nil {
					t.Errorf("Update: %v", err)
				}
			}
		})
	}
	for range 50 {
		var all map[string]dbus.Variant
		if err := obj.Call("org.freedesktop.DBus.Properties.GetAll", 0, mpris.PlayerIface).Store(&all); err != nil {
			t.Fatalf("GetAll: %v", err)
		}
		if err := obj.SetProperty(mpris.PlayerIface+".Volume", dbus.MakeVariant(0.25)); err != nil {
			t.Fatalf("Set Volume: %v", err)
		}
		if call := obj.Call(mpris.PlayerIface+".PlayPause", 0); call.Err != nil {
			t.Fatalf("PlayPause: %v", call.Err)
		}
	}
	wg.Wait()
}

func withPosition(st mpris.State, d time.Duration) mpris.State { st.Position = d; return st }
func withVolume(st mpris.State, v float64) mpris.State         { st.Volume = v; return st }

func sortedKeys(m map[string]dbus.Variant) []string {
	if m == nil {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
