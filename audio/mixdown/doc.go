// Package mixdown makes the final mix of a session: the voice and tones,
// music under them at its envelope, one gain for the whole, and a
// true-peak limiter, written as 16-bit stereo.
//
//	voice+tones (16-bit, rendered at Headroom) ─┐
//	                                            ├─ + ─ × Gain ─ limiter ─ 16-bit stereo
//	music (stereo) × envelope (fades, ducking) ─┘
//
// A Mix is an audio.Seeker, so the live player and the encoders read it as
// they read a bare rendering of the voice. The voice comes in rendered at
// Headroom (6 dB down), so that a loud tone under speech, or a --tones
// gain above 1, cannot clip before the limiter; the Mix scales it back. A
// voice that can give its frames in floating point (audio.Renderer's
// ReadMono) is read so, and rounded only once, at the end.
//
// An export reads a Mix twice: Measure reads it once without the limiter
// and returns its integrated loudness (EBU R128) and sample peak; the gain
// that brings it to the target is then set with SetGain, and the second
// read, through the limiter, is encoded. Live play reads it once, with the
// listener's volume as the gain: above 1, the limiter keeps the louder
// mix from clipping.
package mixdown
