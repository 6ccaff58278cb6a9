package mpris

import (
	"math"
	"reflect"
	"strconv"

	"github.com/godbus/dbus/v5"
)

const propertiesIface = "org.freedesktop.DBus.Properties"

// noTrack is the track id MPRIS reserves for "no current track".
const noTrack = dbus.ObjectPath("/org/mpris/MediaPlayer2/TrackList/NoTrack")

// A property is one D-Bus property and how to read it from a State.
type property struct {
	name  string
	emits string // the EmitsChangedSignal annotation: "true", "false" or "const"
	get   func(st State) any
}

func constant(v any) func(State) any { return func(State) any { return v } }

var rootProperties = []property{
	{"CanQuit", "const", constant(true)},
	{"CanRaise", "const", constant(false)},
	{"HasTrackList", "const", constant(false)},
	{"Identity", "const", constant("floorcoach")},
	{"DesktopEntry", "const", constant("floorcoach")},
	{"SupportedUriSchemes", "const", constant([]string{})},
	{"SupportedMimeTypes", "const", constant([]string{})},
}

var playerProperties = []property{
	{"PlaybackStatus", "true", func(st State) any { return st.Status }},
	{"Metadata", "true", func(st State) any { return metadata(st) }},
	{"Volume", "true", func(st State) any { return st.Volume }},
	{"Position", "false", func(st State) any { return st.Position.Microseconds() }},
	{"Rate", "const", constant(1.0)},
	{"MinimumRate", "const", constant(1.0)},
	{"MaximumRate", "const", constant(1.0)},
	{"CanGoNext", "const", constant(true)},
	{"CanGoPrevious", "const", constant(true)},
	{"CanPlay", "const", constant(true)},
	{"CanPause", "const", constant(true)},
	{"CanSeek", "const", constant(false)},
	{"CanControl", "const", constant(true)},
}

// propertyTables lists the properties of each interface that has any.
var propertyTables = map[string][]property{
	RootIface:   rootProperties,
	PlayerIface: playerProperties,
}

// metadata is the Metadata property: the current step as a "track".
func metadata(st State) map[string]dbus.Variant {
	id := noTrack
	if st.TrackIndex >= 0 {
		id = dbus.ObjectPath("/org/floorcoach/step/" + strconv.Itoa(st.TrackIndex))
	}
	m := map[string]dbus.Variant{"mpris:trackid": dbus.MakeVariant(id)}
	if st.Title != "" {
		m["xesam:title"] = dbus.MakeVariant(st.Title)
	}
	if st.Album != "" {
		m["xesam:album"] = dbus.MakeVariant(st.Album)
	}
	if st.Length > 0 {
		m["mpris:length"] = dbus.MakeVariant(st.Length.Microseconds())
	}
	return m
}

// changed returns the properties that signal their changes and differ
// between old and now, as PropertiesChanged carries them.
func changed(props []property, old, now State) map[string]dbus.Variant {
	out := map[string]dbus.Variant{}
	for _, p := range props {
		if p.emits != "true" {
			continue
		}
		if v := p.get(now); !reflect.DeepEqual(p.get(old), v) {
			out[p.name] = dbus.MakeVariant(v)
		}
	}
	return out
}

func lookup(iface, name string) (property, *dbus.Error) {
	props, ok := propertyTables[iface]
	if !ok {
		return property{}, dbusError("UnknownInterface", "no interface "+iface)
	}
	for _, p := range props {
		if p.name == name {
			return p, nil
		}
	}
	return property{}, dbusError("UnknownProperty", "no property "+name+" in "+iface)
}

func dbusError(name, msg string) *dbus.Error {
	return dbus.NewError("org.freedesktop.DBus.Error."+name, []any{msg})
}

// properties serves org.freedesktop.DBus.Properties.
type properties struct{ s *Server }

// Get returns one property's current value.
func (p properties) Get(iface, name string) (dbus.Variant, *dbus.Error) {
	prop, err := lookup(iface, name)
	if err != nil {
		return dbus.Variant{}, err
	}
	return dbus.MakeVariant(prop.get(p.s.current())), nil
}

// GetAll returns every property of iface; none for the standard interfaces.
func (p properties) GetAll(iface string) (map[string]dbus.Variant, *dbus.Error) {
	out := map[string]dbus.Variant{}
	props, ok := propertyTables[iface]
	if !ok && !isStandard(iface) {
		return nil, dbusError("UnknownInterface", "no interface "+iface)
	}
	st := p.s.current()
	for _, prop := range props {
		out[prop.name] = dbus.MakeVariant(prop.get(st))
	}
	return out, nil
}

// Set sets the volume, the only writable property, through VolumeSetter.
func (p properties) Set(iface, name string, v dbus.Variant) *dbus.Error {
	if _, err := lookup(iface, name); err != nil {
		return err
	}
	if iface != PlayerIface || name != "Volume" || p.s.volume == nil {
		return dbusError("PropertyReadOnly", name+" is read-only")
	}
	vol, ok := v.Value().(float64)
	if !ok || math.IsNaN(vol) || math.IsInf(vol, 0) {
		return dbusError("InvalidArgs", "Volume must be a finite double, got "+v.String())
	}
	if err := p.s.setVolume(max(vol, 0)); err != nil { // below 0 means 0
		return dbus.MakeFailedError(err)
	}
	return nil
}

func isStandard(iface string) bool {
	switch iface {
	case propertiesIface, "org.freedesktop.DBus.Introspectable", "org.freedesktop.DBus.Peer":
		return true
	}
	return false
}
