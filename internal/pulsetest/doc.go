// Package pulsetest starts a private PulseAudio server for a test, so that
// live playback can be tested without a sound card.
//
// The server runs Debian's pulseaudio binary with no configuration of its own
// (-n): it loads only a null sink, which takes audio in real time by the
// system clock and discards it, and the native protocol on a socket in a
// private folder. Start points PULSE_SERVER at that socket for the rest of
// the test and stops the server when the test ends:
//
//	srv := pulsetest.Start(t)   // PULSE_SERVER now names it
//	rec := srv.Record(t)        // what the sink plays, sample for sample
//	...
//	srv.Kill()                  // the sound server crashes mid-session
//
// The server asks for real-time scheduling, as desktop sound servers get; it
// runs without it where that is not allowed. When the pulseaudio binary is
// missing the test is skipped, except in CI, where it fails: CI must test
// live playback (see package testenv).
package pulsetest
