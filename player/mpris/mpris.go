package mpris

import (
	"errors"
	"time"
)

// D-Bus names this package publishes.
const (
	BusName     = "org.mpris.MediaPlayer2.floorcoach"
	ObjectPath  = "/org/mpris/MediaPlayer2"
	RootIface   = "org.mpris.MediaPlayer2"
	PlayerIface = "org.mpris.MediaPlayer2.Player"
)

// Playback statuses, as MPRIS spells them.
const (
	Playing = "Playing"
	Paused  = "Paused"
	Stopped = "Stopped"
)

// ErrNoBus is matched (with errors.Is) by the error Start returns when there
// is no session bus to join, or it did not answer in time.
var ErrNoBus = errors.New("mpris: no D-Bus session bus")

// Controls is what media buttons act on; the live player implements it.
//
// Its methods are called from D-Bus goroutines, possibly concurrently with
// each other and with the player's own code, so they must be safe for
// concurrent use. They should return promptly: the caller's button press
// waits for the reply.
type Controls interface {
	PlayPause()
	Play()
	Pause()
	Next()
	Previous()
	Stop()
}

// VolumeSetter is implemented by Controls that let the desktop set the
// volume. Without it the Volume property is read-only. v is at least 0;
// 1 is full volume.
type VolumeSetter interface {
	SetVolume(v float64)
}

// State is what the desktop is told about the session.
type State struct {
	Status     string        // Playing, Paused or Stopped; anything else is Stopped
	Title      string        // the current step's name
	Album      string        // the session's title
	Length     time.Duration // the current step's length; 0 if unknown
	Position   time.Duration // position in the step, when no WithPosition is given
	Volume     float64       // 0 to player.MaxVolume (1 as recorded): set it, 0 shows as muted
	TrackIndex int           // the step's index; negative for no step
}

// Option configures Start.
type Option func(*config)

type config struct {
	address  string
	position func() time.Duration
}

// WithAddress connects to the bus at addr (a D-Bus address such as
// "unix:path=$XDG_RUNTIME_DIR/bus", expanded) instead of the session bus.
func WithAddress(addr string) Option {
	return func(c *config) { c.address = addr }
}

// WithPosition makes the Position property read f, the position within the
// current step, each time it is asked for. f is called from D-Bus goroutines,
// never while the server holds a lock.
func WithPosition(f func() time.Duration) Option {
	return func(c *config) { c.position = f }
}
