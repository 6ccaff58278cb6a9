// Package speech readies spoken lines for a voice pack.
//
// Read decodes a recorded or synthesized line; Prepare trims the quiet at
// its ends and brings its speech to the loudness LUFS, as the built-in
// pack's clips were made. Loudness measures speech loudness as ITU-R
// BS.1770 does, over blocks of Block. A TTS runs a text-to-speech command
// the user gives and reads what it writes, within bounds: a timeout, a
// cap on what it writes, and on Linux the end of every process it starts,
// even one that left its process group (ReapSince, when all are done).
package speech
