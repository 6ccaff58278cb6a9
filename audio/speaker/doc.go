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
//     holds, asked every 50 ms (more often near the end) and interpolated
//     in between. While playing it never goes back.
//   - Play returns when that position reaches the source's end, not when the
//     last frame has been handed over: it feeds the stream silence until the
//     server reports the end as heard.
//   - Pause drops what the server has not yet taken and lets the stream run
//     dry; what it had taken, a few milliseconds, plays out. Resume goes on
//     from the next frame: none lost, none repeated.
//   - SeekTo drops what the server has not yet taken and goes on at the
//     target.
//   - After Play, Resume and SeekTo the server is given a quarter of
//     Options.Latency of silence before the source's frames: PulseAudio may
//     drop the start of what a stream gets after running dry, and what it
//     drops is then silence. So the first frame is heard about 20 to 40 ms
//     after the call with the default latency.
//
// Volume is the stream's own volume on the server (SetVolume); sources need
// not scale their samples.
//
// Open, and every request to the sound server, is bounded by
// Options.Timeout: with no server, or one that stops answering, the call
// returns an error instead of hanging, and nothing is printed.
package speaker
