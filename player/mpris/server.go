package mpris

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
)

// Server is floorcoach's presence on the bus as an MPRIS media player.
// Its methods are safe for concurrent use.
type Server struct {
	conn     *dbus.Conn
	cancel   context.CancelFunc // ends conn's context
	name     string
	controls Controls
	volume   VolumeSetter // nil when Controls cannot set the volume
	position func() time.Duration

	changeMu sync.Mutex // held from a state change until its signal is sent, keeping signals in order
	mu       sync.Mutex // guards state
	state    State

	closeOnce sync.Once
	closeErr  error
}

// Start joins the session bus (or the bus given by WithAddress), publishes
// the player and claims its bus name. Calls from the bus go to c until
// Close. With no bus to join it returns, within about a second and without
// printing anything, an error matching ErrNoBus.
func Start(c Controls, opts ...Option) (*Server, error) {
	if c == nil {
		panic("mpris: Start with nil Controls")
	}
	var cfg config
	for _, opt := range opts {
		opt(&cfg)
	}
	addr := cfg.address
	if addr == "" {
		var err error
		if addr, err = sessionAddress(); err != nil {
			return nil, err
		}
	}
	conn, cancel, err := connect(addr, connectTimeout)
	if err != nil {
		return nil, err
	}
	s := newServer(conn, cancel, c, cfg.position)
	if err := s.publish(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func newServer(conn *dbus.Conn, cancel context.CancelFunc, c Controls, pos func() time.Duration) *Server {
	s := &Server{conn: conn, cancel: cancel, controls: c, position: pos}
	s.volume, _ = c.(VolumeSetter)
	s.state = State{Status: Stopped, Volume: 1, TrackIndex: -1}
	return s
}

// publish exports the object, then claims the bus name, so that the player
// answers as soon as desktops see the name appear.
func (s *Server) publish() error {
	root, player := rootMethods{s.controls}, playerMethods{s.controls}
	node := introspection(root, player, s.volume != nil)
	exports := []struct {
		v       any
		renames map[string]string
		iface   string
	}{
		{root, nil, RootIface},
		{player, playerRenames, PlayerIface},
		{properties{s}, nil, propertiesIface},
		{introspect.NewIntrospectable(node), nil, "org.freedesktop.DBus.Introspectable"},
	}
	for _, e := range exports {
		if err := s.conn.ExportWithMap(e.v, e.renames, ObjectPath, e.iface); err != nil {
			return fmt.Errorf("mpris: export %s: %w", e.iface, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	name, err := requestName(ctx, s.conn)
	s.name = name
	return err
}

// Name is the bus name the player got: BusName, or its instance name when
// another floorcoach already held BusName.
func (s *Server) Name() string { return s.name }

// Update tells the desktop the session's state. It emits one
// PropertiesChanged signal naming the properties that changed, if any did.
// A Volume set from the bus stands until the next Update, which should
// carry the volume the player then has.
func (s *Server) Update(st State) error {
	return s.change(func(cur *State) { *cur = st })
}

func (s *Server) setVolume(v float64) error {
	s.volume.SetVolume(v)
	return s.change(func(cur *State) { cur.Volume = v })
}

// change applies edit to the state and signals what it changed.
func (s *Server) change(edit func(*State)) error {
	s.changeMu.Lock()
	defer s.changeMu.Unlock()
	s.mu.Lock()
	old := s.state
	edit(&s.state)
	s.state.Status = status(s.state.Status)
	now := s.state
	s.mu.Unlock()

	diff := changed(playerProperties, old, now)
	if len(diff) == 0 {
		return nil
	}
	err := s.conn.Emit(ObjectPath, propertiesIface+".PropertiesChanged", PlayerIface, diff, []string{})
	if err != nil {
		return fmt.Errorf("mpris: emit PropertiesChanged: %w", err)
	}
	return nil
}

// current returns the state, with the live position when there is one.
// The position function is called without holding a lock, so it may take
// the player's own locks even while the player calls Update.
func (s *Server) current() State {
	s.mu.Lock()
	st := s.state
	s.mu.Unlock()
	if s.position != nil {
		st.Position = s.position()
	}
	return st
}

func status(s string) string {
	switch s {
	case Playing, Paused:
		return s
	}
	return Stopped
}

// Close leaves the bus, which releases the bus name.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		if err := s.conn.Close(); err != nil {
			s.closeErr = fmt.Errorf("mpris: close bus connection: %w", err)
		}
		s.cancel()
	})
	return s.closeErr
}
