// Package audiotest measures sound for tests: it reads 16-bit PCM WAV files
// on its own (so encoder tests do not check an encoder with itself), and
// finds in a signal its level (Peak, RMS), its pitch (Pitch, Goertzel) and
// where sounds begin after silence (Onsets).
//
// Every analysis function takes samples as []float32 or []float64 in
// [-1, 1] and a sample rate in Hz. FromInt16 turns interleaved 16-bit
// frames into that form, one slice per channel.
//
// Pitch is accurate to well under 1% for a steady tone of 20 ms or more
// above 100 Hz; for a chord it reports the loudest note, and Goertzel tells
// how strong any one frequency is.
//
// The independent tools that judge every file written are run from here
// too: FFprobe (streams, tags, chapters), FFmpegDecode (samples, as players
// built on ffmpeg decode them), and Run for any other (sox, flac,
// metaflac), failing the test on a warning. Sine makes a test tone and
// SineWAV writes one to a file; Near says whether a measurement is within
// its tolerance.
package audiotest
