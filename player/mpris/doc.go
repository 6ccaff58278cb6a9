// Package mpris lets media keys and desktop media controls drive a live
// session, by publishing floorcoach as an MPRIS 2 media player on the D-Bus
// session bus.
//
// Headset buttons, keyboard media keys, lock screens and desktop shells do
// not talk to programs directly: they find media players on the session bus
// and call the methods of the org.mpris.MediaPlayer2.Player interface. Start
// puts floorcoach there:
//
//	bus name     org.mpris.MediaPlayer2.floorcoach
//	             (org.mpris.MediaPlayer2.floorcoach.instance<pid> if taken)
//	object path  /org/mpris/MediaPlayer2
//	interfaces   org.mpris.MediaPlayer2, org.mpris.MediaPlayer2.Player,
//	             org.freedesktop.DBus.Properties,
//	             org.freedesktop.DBus.Introspectable
//
// Button presses become calls on the Controls given to Start:
//
//	PlayPause, Play, Pause, Next, Previous, Stop -> the method of that name
//	Quit (org.mpris.MediaPlayer2)                -> Stop
//	Seek, SetPosition                            -> ignored (CanSeek is false)
//	OpenUri                                      -> a NotSupported error
//	Set Volume                                   -> VolumeSetter.SetVolume,
//	                                                if Controls has it
//
// In the other direction, the player calls Server.Update with a State
// whenever the step or the status changes. The metadata then names the
// current step (xesam:title), the session (xesam:album) and the step's
// length (mpris:length); mpris:trackid is /org/floorcoach/step/<TrackIndex>.
// Update emits one PropertiesChanged signal naming the properties that
// changed, so a desktop shell redraws at once. The position is read when
// asked for, from the function given with WithPosition, so a running clock
// needs no updates.
//
// Every call from the bus arrives on a goroutine of its own: the methods of
// Controls may be called concurrently with each other and with the player's
// own goroutines, and must be safe for that.
//
// Without a session bus (a console, a container, a CI job) Start fails within
// about a second with an error matching ErrNoBus and prints nothing, so the
// caller can play on without media keys. It never launches a bus itself.
package mpris
