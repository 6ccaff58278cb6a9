// Package decode reads the clips of voice packs and recordings: MP3 and
// WAV files, at any rate, mono or stereo, to mono float32 samples.
//
// Open reads a file's header and checks it against the limits on a clip:
// at most 32 MiB of file (MaxClipBytes, for ReadFile), a rate from
// MinClipRate to MaxClipRate (1 to 192 kHz), at most MaxClipLength (two
// minutes) of sound; File.Decode decodes it, streaming through the
// resampler, so it holds no more than its result. Every size a header
// declares is checked against the file before it is used, and nothing is
// made in the size a header declares: what a file holds is what counts.
//
// WAV files are read here: PCM of 8, 16, 24 or 32 bits, or 32 or 64-bit
// float, in up to eight channels, plain or WAVE_FORMAT_EXTENSIBLE. A data
// chunk that declares more than the file holds is read to the end of the
// file, as programs writing to a pipe stream it (espeak-ng --stdout
// declares about 2 GB).
//
// MP3s are decoded by go-mp3, after checkMP3 walked their frames and
// refused what go-mp3 would misread or crash on (see checkMP3); an MP3
// cut off mid-way and followed by other bytes is damaged. An MP3 loses the
// silence its encoder and decoder add, as its LAME tag says (without one,
// only the decoder's 529 frames), so its first sample is the first one
// that was encoded. Resample converts samples to another rate, and
// ResampledLen says how long the result will be beforehand.
//
// ResamplerVersion and WAVVersion change whenever Resample's or the WAV
// reader's output does, so that a cache of decoded clips can tell a stale
// entry.
package decode
