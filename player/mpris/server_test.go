package mpris_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/dbustest"
	"github.com/floorcoach/floorcoach/player/mpris"
)

func TestMethodsReachControls(t *testing.T) {
	addr := dbustest.Start(t)
	fake := &fakeControls{}
	srv := start(t, fake, mpris.WithAddress(addr))
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"PlayPause", []string{"org.mpris.MediaPlayer2.Player.PlayPause"}, []string{"PlayPause"}},
		{"Play", []string{"org.mpris.MediaPlayer2.Player.Play"}, []string{"Play"}},
		{"Pause", []string{"org.mpris.MediaPlayer2.Player.Pause"}, []string{"Pause"}},
		{"Next", []string{"org.mpris.MediaPlayer2.Player.Next"}, []string{"Next"}},
		{"Previous", []string{"org.mpris.MediaPlayer2.Player.Previous"}, []string{"Previous"}},
		{"Stop", []string{"org.mpris.MediaPlayer2.Player.Stop"}, []string{"Stop"}},
		{"Quit stops", []string{"org.mpris.MediaPlayer2.Quit"}, []string{"Stop"}},
		{"Raise is ignored", []string{"org.mpris.MediaPlayer2.Raise"}, nil},
		{"Seek is ignored", []string{"org.mpris.MediaPlayer2.Player.Seek", "int64:5000000"}, nil},
		{"SetPosition is ignored", []string{"org.mpris.MediaPlayer2.Player.SetPosition",
			"objpath:/org/floorcoach/step/1", "int64:0"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if out, err := dbusSend(t, addr, srv.Name(), tt.args...); err != nil {
				t.Fatalf("dbus-send: %v\n%s", err, out)
			}
			if got := fake.take(); !slices.Equal(got, tt.want) {
				t.Errorf("calls = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	addr := dbustest.Start(t)
	srv := start(t, &fakeControls{}, mpris.WithAddress(addr))
	const props = "org.freedesktop.DBus.Properties"
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"OpenUri", []string{"org.mpris.MediaPlayer2.Player.OpenUri", "string:file:///a.mp3"},
			"org.freedesktop.DBus.Error.NotSupported"},
		{"Get unknown property", []string{props + ".Get", "string:" + mpris.PlayerIface, "string:Shuffle"},
			"org.freedesktop.DBus.Error.UnknownProperty"},
		{"GetAll unknown interface", []string{props + ".GetAll", "string:org.example.Nothing"},
			"org.freedesktop.DBus.Error.UnknownInterface"},
		{"Set Identity", []string{props + ".Set", "string:" + mpris.RootIface, "string:Identity",
			"variant:string:other"}, "org.freedesktop.DBus.Error.PropertyReadOnly"},
		{"Set Volume without VolumeSetter", []string{props + ".Set", "string:" + mpris.PlayerIface,
			"string:Volume", "variant:double:0.5"}, "org.freedesktop.DBus.Error.PropertyReadOnly"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := dbusSend(t, addr, srv.Name(), tt.args...)
			if err == nil || !strings.Contains(out, tt.want) {
				t.Errorf("dbus-send: err = %v, output %q; want an error %s", err, out, tt.want)
			}
		})
	}
}

func TestPropertiesAfterUpdate(t *testing.T) {
	addr := dbustest.Start(t)
	pos := func() time.Duration { return 12500 * time.Millisecond }
	srv := start(t, &fakeControls{}, mpris.WithAddress(addr), mpris.WithPosition(pos))
	err := srv.Update(mpris.State{Status: mpris.Playing, Title: "Knee-to-chest",
		Album: "Lower back relief", Length: 30 * time.Second, Volume: 0.75, TrackIndex: 2})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	tests := []struct{ iface, prop, want string }{
		{mpris.PlayerIface, "PlaybackStatus", `variant string "Playing"`},
		{mpris.PlayerIface, "Position", "variant int64 12500000"},
		{mpris.PlayerIface, "Volume", "variant double 0.75"},
		{mpris.PlayerIface, "Rate", "variant double 1"},
		{mpris.PlayerIface, "CanSeek", "variant boolean false"},
		{mpris.PlayerIface, "CanGoNext", "variant boolean true"},
		{mpris.RootIface, "Identity", `variant string "floorcoach"`},
		{mpris.RootIface, "DesktopEntry", `variant string "floorcoach"`},
		{mpris.RootIface, "HasTrackList", "variant boolean false"},
		{mpris.RootIface, "CanQuit", "variant boolean true"},
	}
	for _, tt := range tests {
		t.Run(tt.prop, func(t *testing.T) {
			out, err := dbusSend(t, addr, srv.Name(), "org.freedesktop.DBus.Properties.Get",
				"string:"+tt.iface, "string:"+tt.prop)
			if err != nil || !strings.HasSuffix(squash(out), tt.want) {
				t.Errorf("Get %s: err = %v, output %q; want %q", tt.prop, err, out, tt.want)
			}
		})
	}
	t.Run("GetAll Metadata", func(t *testing.T) {
		out, err := dbusSend(t, addr, srv.Name(), "org.freedesktop.DBus.Properties.GetAll",
			"string:"+mpris.PlayerIface)
		if err != nil {
			t.Fatalf("dbus-send: %v\n%s", err, out)
		}
		for _, want := range []string{`string "mpris:trackid"`, `object path "/org/floorcoach/step/2"`,
			`string "xesam:title"`, `string "Knee-to-chest"`, `string "xesam:album"`,
			`string "Lower back relief"`, `string "mpris:length"`, "int64 30000000", `string "Position"`} {
			if !strings.Contains(out, want) {
				t.Errorf("GetAll output lacks %q:\n%s", want, out)
			}
		}
	})
}

func TestSetVolume(t *testing.T) {
	addr := dbustest.Start(t)
	ctl := &volumeControls{}
	srv := start(t, ctl, mpris.WithAddress(addr))
	tests := []struct{ set, wantCall, wantGet string }{
		{"double:0.5", "SetVolume 0.5", "double 0.5"},
		{"double:-1", "SetVolume 0", "double 0"},
	}
	for _, tt := range tests {
		t.Run(tt.set, func(t *testing.T) {
			out, err := dbusSend(t, addr, srv.Name(), "org.freedesktop.DBus.Properties.Set",
				"string:"+mpris.PlayerIface, "string:Volume", "variant:"+tt.set)
			if err != nil {
				t.Fatalf("Set: %v\n%s", err, out)
			}
			if got := ctl.take(); !slices.Equal(got, []string{tt.wantCall}) {
				t.Errorf("calls = %q, want %q", got, tt.wantCall)
			}
			out, err = dbusSend(t, addr, srv.Name(), "org.freedesktop.DBus.Properties.Get",
				"string:"+mpris.PlayerIface, "string:Volume")
			if err != nil || !strings.HasSuffix(squash(out), "variant "+tt.wantGet) {
				t.Errorf("Get Volume: err = %v, output %q; want %q", err, out, tt.wantGet)
			}
		})
	}
	t.Run("not a double", func(t *testing.T) {
		out, err := dbusSend(t, addr, srv.Name(), "org.freedesktop.DBus.Properties.Set",
			"string:"+mpris.PlayerIface, "string:Volume", "variant:string:loud")
		if err == nil || !strings.Contains(out, "org.freedesktop.DBus.Error.InvalidArgs") {
			t.Errorf("err = %v, output %q; want InvalidArgs", err, out)
		}
		if got := ctl.take(); len(got) != 0 {
			t.Errorf("calls = %q, want none", got)
		}
	})
}

func TestIntrospect(t *testing.T) {
	addr := dbustest.Start(t)
	srv := start(t, &volumeControls{}, mpris.WithAddress(addr))
	out, err := dbusSend(t, addr, srv.Name(), "org.freedesktop.DBus.Introspectable.Introspect")
	if err != nil {
		t.Fatalf("dbus-send: %v\n%s", err, out)
	}
	for _, want := range []string{
		`<interface name="org.mpris.MediaPlayer2">`,
		`<interface name="org.mpris.MediaPlayer2.Player">`,
		`<interface name="org.freedesktop.DBus.Properties">`,
		`<method name="PlayPause">`,
		`<method name="Seek"><arg name="Offset" type="x" direction="in">`,
		`<method name="SetPosition"><arg name="TrackId" type="o" direction="in"></arg><arg name="Position" type="x" direction="in">`,
		`<signal name="Seeked">`,
		`<property name="Metadata" type="a{sv}" access="read">`,
		`<property name="Position" type="x" access="read"><annotation name="org.freedesktop.DBus.Property.EmitsChangedSignal" value="false">`,
		`<property name="Volume" type="d" access="readwrite">`,
		`<property name="SupportedUriSchemes" type="as" access="read">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("introspection lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "SeekBy") {
		t.Errorf("introspection shows the Go name SeekBy:\n%s", out)
	}
}

// squash turns every run of white space in dbus-send's output into one
// space: its indentation depends on the nesting.
func squash(out string) string { return strings.Join(strings.Fields(out), " ") }
