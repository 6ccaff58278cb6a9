// Package pulsetest starts a private sound server for a test, run as a
// desktop session runs it, so that live playback is tested against the
// servers users have, without a sound card.
//
// Two kinds of server, each in a private home and runtime folder:
//
//   - PulseAudio: `pulseaudio --daemonize=no --exit-idle-time=-1`, which
//     loads the system's own default.pa as a desktop session does. With no
//     sound card it plays into a null sink ("Dummy Output"), which takes
//     audio in real time by the system clock; module-suspend-on-idle
//     suspends that sink after 5 s without a running stream, so a player
//     usually starts on a suspended sink, as on a desktop.
//   - PipeWire: a private session bus (dbus-daemon --session), then
//     pipewire, the WirePlumber session manager (without which nothing
//     plays at all) and pipewire-pulse, the PulseAudio server clients talk
//     to. With no sound card WirePlumber makes a dummy sink.
//
// Start points PULSE_SERVER (and PULSE_COOKIE) at the server for the rest
// of the test and stops it when the test ends; Each runs a test once per
// kind of server:
//
//	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
//		rec := srv.Record(t)   // what the sink plays, sample for sample
//		...
//		srv.Kill()             // the sound server crashes mid-session
//		srv.Restart(t)         // and comes back at the same address
//	})
//
// Nothing keeps the sink awake: a test that times the start of playback
// sees the sink as a user's idle desktop has it. A Recorder does keep it
// awake (it asks the sink for a small latency), so tests start one only
// once playing has begun.
//
// Timing judged by the wall clock suffers when the suite's other packages
// load the machine; Retry tries such a check up to Attempts times, and a
// fault fails every attempt.
//
// Should the machine have a sound card, the server would pick it; Start
// then adds a null sink and makes it the default, so that tests never play
// through the speakers.
//
// As root (CI containers) both run as per-user servers: pulseaudio warns
// that root should use --system and carries on; PipeWire needs nothing.
//
// When a server's programs are missing the test is skipped, except in CI,
// where it fails: CI must test live playback on both servers (see package
// testenv).
package pulsetest
