// Package speaker plays an audio.Seeker through the computer's sound output
// in real time, for the live player.
//
// On Linux (and other unix systems) it speaks PulseAudio's native protocol in
// pure Go, so it plays through PulseAudio and through PipeWire's pulse
// server with no cgo and no ALSA. On macOS and Windows it uses oto.
//
//	spk, err := speaker.Open(speaker.Options{})
//	if err != nil {
//		return err // speaker: no sound output: PulseAudio/PipeWire at unix:…: connection refused
//	}
//	defer spk.Close()
//	go ui(spk)                   // may call Pause, Resume, SeekTo, Position, SetVolume
//	err = spk.Play(ctx, session) // returns once the last frame has been heard
//
// Time follows the sound server's clock, never the wall clock:
//
//   - Position is the source frame being heard now: the frames the server
//     has taken from the stream, less the latency it reports for what it
//     holds, asked every 100 ms (more often near the end) and interpolated
//     in between. While playing it never goes back.
//   - Play returns when that position reaches the source's end, not when the
//     last frame has been handed over: it feeds the stream silence until the
//     server reports the end as heard.
//   - Pause drops what the server has not yet taken and lets the stream run
//     dry; what it had taken, a few milliseconds, plays out. Resume goes on
//     from the next frame: none lost, none repeated.
//   - SeekTo drops what the server has not yet taken and goes on at the
//     target.
//   - After Play, Resume and SeekTo the server is given MixAhead (40 ms) of
//     silence before the source's frames: PulseAudio may drop the start of
//     what a stream gets after running dry, and what it drops is then
//     silence. So the first frame is heard about 40 to 80 ms after the call.
//   - The server holds Options.Latency (400 ms) of sound, so that a busy
//     machine may keep this process from running that long without a
//     break in the sound; it mixes only MixAhead of it, so the controls
//     are heard as soon.
//   - Play starts at once even on a sink that has just woken or sat idle,
//     which PulseAudio's null sink (its default with no sound card) fills
//     2 s ahead with silence: before the first frame, the speaker has the
//     sink rewind what it rendered (pulse_wake.go says how).
//
// When the sound server goes away during Play (it crashed, or restarted,
// as PipeWire does when devices change), Position stays at the last frame
// the server reported heard, and Play reconnects for up to
// Options.Reconnect (10 s): it goes on from that frame (a few milliseconds
// may be heard twice), or stays paused if paused meanwhile. Past that it
// fails with ErrLost.
//
// Volume is the stream's own volume on the server (SetVolume); sources need
// not scale their samples.
//
// Open, and every request to the sound server, is bounded by
// Options.Timeout: with no server, or one that stops answering, the call
// returns an error instead of hanging, and nothing is printed. A server
// that sends garbage is not one: packets over 1 MiB, or not in the
// protocol's form, end the connection before anything is allocated for
// them (pulse_guard.go).
package speaker
