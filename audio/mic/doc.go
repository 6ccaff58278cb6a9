// Package mic records speech from the computer's sound input and finds the
// speech in it, for recording voice packs at the microphone.
//
// Open connects to the sound server's default input (its default source)
// in pure Go, speaking PulseAudio's native protocol, so it records through
// PulseAudio and through PipeWire's pulse server with no cgo:
//
//	m, err := mic.Open(mic.Options{})   // within about 2 s, or ErrNoInput
//	if err != nil {
//		return err
//	}
//	defer m.Close()
//	for {
//		block, err := m.Read(ctx)   // mono float32 at m.Rate, as it comes
//		…
//	}
//
// The sound comes as it is recorded, mono, at Options.Rate (44.1 kHz by
// default), whatever the device's own format: the server converts it.
//
// A Take follows one take as it is recorded, block by block: it finds
// where speech begins (sound above the input's noise floor, as a Floor
// measured before the take gives it, for long enough not to be a click),
// and ends the take after a stretch of quiet following speech. Its
// Speech method returns the take cut to the speech with a short margin,
// ready for audio.PrepareSpeech, and Problems says when the take clipped,
// was too quiet or too close to the noise.
//
// Limits: a take holds at most MaxTake of sound; a Mic holds at most
// MaxPending of sound not yet read, dropping the oldest beyond it.
package mic
