package mpris

import "github.com/godbus/dbus/v5"

// rootMethods serves org.mpris.MediaPlayer2. Exported methods returning
// *dbus.Error become D-Bus methods of that name.
type rootMethods struct{ c Controls }

// Raise does nothing: floorcoach has no window (CanRaise is false).
func (rootMethods) Raise() *dbus.Error { return nil }

// Quit ends the session, as Stop does: the program exits when it ends.
func (r rootMethods) Quit() *dbus.Error {
	r.c.Stop()
	return nil
}

// playerRenames maps Go method names to D-Bus ones where they differ: a Go
// method named Seek would look like io.Seeker's to go vet.
var playerRenames = map[string]string{"SeekBy": "Seek"}

// playerMethods serves org.mpris.MediaPlayer2.Player.
type playerMethods struct{ c Controls }

func (p playerMethods) PlayPause() *dbus.Error { p.c.PlayPause(); return nil }
func (p playerMethods) Play() *dbus.Error      { p.c.Play(); return nil }
func (p playerMethods) Pause() *dbus.Error     { p.c.Pause(); return nil }
func (p playerMethods) Next() *dbus.Error      { p.c.Next(); return nil }
func (p playerMethods) Previous() *dbus.Error  { p.c.Previous(); return nil }
func (p playerMethods) Stop() *dbus.Error      { p.c.Stop(); return nil }

// SeekBy, exported to D-Bus as Seek (see playerRenames), does nothing: a
// guided session runs on its own clock, and a player that cannot seek
// ignores Seek (CanSeek is false).
func (playerMethods) SeekBy(offsetMicros int64) *dbus.Error { return nil }

// SetPosition does nothing, for the same reason as Seek.
func (playerMethods) SetPosition(track dbus.ObjectPath, positionMicros int64) *dbus.Error {
	return nil
}

// OpenUri refuses every URI: SupportedUriSchemes is empty.
func (playerMethods) OpenUri(uri string) *dbus.Error {
	return dbus.NewError("org.freedesktop.DBus.Error.NotSupported",
		[]any{"floorcoach plays sessions, it cannot open " + uri})
}
