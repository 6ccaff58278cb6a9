package main

import (
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/player/mpris"
)

// media publishes a playing session as an MPRIS media player, so that
// headset buttons, media keys and desktop widgets steer it. It starts in
// the background, and without a session bus there is simply none.
type media struct {
	tl      *player.Timeline
	ready   chan struct{} // closed once Start has returned
	srv     *mpris.Server // nil without a bus; set before ready is closed
	last    mpris.State
	updated bool
}

// startMedia starts publishing live in the background.
func startMedia(live *player.Live, tl *player.Timeline) *media {
	m := &media{tl: tl, ready: make(chan struct{})}
	go func() {
		defer close(m.ready)
		defer func() { recover() }() // media keys are a comfort: never a crash
		pos := func() time.Duration {
			st := live.Status()
			if st.Span == 0 {
				return 0
			}
			return audio.Duration(st.Pos - tl.Steps[st.Span-1].Start)
		}
		srv, err := mpris.Start(mediaControls{live}, mpris.WithPosition(pos))
		if err == nil {
			m.srv = srv
		}
	}()
	return m
}

// update tells the desktop about the session when what it shows changed.
// It is called from one goroutine only.
func (m *media) update(st player.Status) {
	select {
	case <-m.ready:
	default:
		return
	}
	if m.srv == nil {
		return
	}
	state := mpris.State{Status: mpris.Playing, Title: m.tl.Title, Album: m.tl.Title,
		Volume: st.Volume, TrackIndex: -1}
	switch {
	case st.Done:
		state.Status = mpris.Stopped
	case st.Paused:
		state.Status = mpris.Paused
	}
	if st.Span > 0 {
		sp := m.tl.Steps[st.Span-1]
		state.Title, state.TrackIndex = mediaTitle(sp.Name, st.Side), sp.Index
		state.Length = audio.Duration(sp.End - sp.Start)
	}
	if m.updated && state == m.last {
		return
	}
	m.last, m.updated = state, true
	m.srv.Update(state)
}

// mediaTitle is the title the desktop shows: the step, and the side being
// worked: "Knee-to-chest (left)".
func mediaTitle(step, side string) string {
	if side == "" {
		return termtext.Line(step)
	}
	return termtext.Line(step + " (" + side + ")")
}

// close leaves the bus, once Start has returned.
func (m *media) close() {
	<-m.ready
	if m.srv != nil {
		m.srv.Close()
	}
}

// mediaControls maps media buttons onto the player: Previous restarts the
// step, and pressed again soon after, goes to the previous one.
type mediaControls struct{ l *player.Live }

func (m mediaControls) PlayPause()          { safely(m.l.TogglePause) }
func (m mediaControls) Play()               { safely(m.l.Resume) }
func (m mediaControls) Pause()              { safely(m.l.Pause) }
func (m mediaControls) Next()               { safely(m.l.Next) }
func (m mediaControls) Previous()           { safely(m.l.Restart) }
func (m mediaControls) Stop()               { m.l.Stop() }
func (m mediaControls) SetVolume(v float64) { safely(func() error { return m.l.SetVolume(v) }) }

// safely calls f on a D-Bus goroutine, where a panic would end the program
// with the terminal still in raw mode.
func safely(f func() error) {
	defer func() { recover() }()
	f()
}
