package mpris

import (
	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
)

// introspection describes the object at ObjectPath. Method arguments carry
// their types, which is all clients need to call them.
func introspection(root rootMethods, player playerMethods, volumeWritable bool) *introspect.Node {
	seeked := introspect.Signal{Name: "Seeked",
		Args: []introspect.Arg{{Name: "Position", Type: "x"}}}
	return &introspect.Node{
		Name: ObjectPath,
		Interfaces: []introspect.Interface{
			introspect.IntrospectData,
			prop.IntrospectData,
			{
				Name:       RootIface,
				Methods:    introspect.Methods(root),
				Properties: describe(rootProperties, false),
			},
			{
				Name:       PlayerIface,
				Methods:    named(introspect.Methods(player), playerRenames, playerArgs),
				Signals:    []introspect.Signal{seeked},
				Properties: describe(playerProperties, volumeWritable),
			},
		},
	}
}

// describe lists props for introspection, with the D-Bus type of each.
func describe(props []property, volumeWritable bool) []introspect.Property {
	out := make([]introspect.Property, 0, len(props))
	for _, p := range props {
		access := "read"
		if p.name == "Volume" && volumeWritable {
			access = "readwrite"
		}
		out = append(out, introspect.Property{
			Name:   p.name,
			Type:   dbus.SignatureOf(p.get(State{})).String(),
			Access: access,
			Annotations: []introspect.Annotation{{
				Name:  "org.freedesktop.DBus.Property.EmitsChangedSignal",
				Value: p.emits,
			}},
		})
	}
	return out
}

// playerArgs names the arguments of the Player methods that take any, as
// the MPRIS specification names them.
var playerArgs = map[string][]string{
	"Seek":        {"Offset"},
	"SetPosition": {"TrackId", "Position"},
	"OpenUri":     {"Uri"},
}

// named gives methods their D-Bus names, then their arguments' names.
func named(ms []introspect.Method, renames map[string]string, args map[string][]string) []introspect.Method {
	for i := range ms {
		m := &ms[i]
		if name, ok := renames[m.Name]; ok {
			m.Name = name
		}
		for j, arg := range args[m.Name] {
			if j < len(m.Args) {
				m.Args[j].Name = arg
			}
		}
	}
	return ms
}
