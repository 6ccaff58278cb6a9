// Package decode reads the clips of voice packs and recordings: MP3 and
// WAV files, at any rate, mono or stereo, to mono float32 samples.
//
// Open reads a file's header and checks it against the limits on a clip
// (MaxClipBytes, ten minutes); File.Samples decodes it at its own rate.
// An MP3 loses the silence its encoder and decoder add, as its LAME tag
// says (without one, only the decoder's 529 frames), so its first sample
// is the first one that was encoded. Resample converts samples to another
// rate, and ResampledLen says how long the result will be beforehand.
//
// ResamplerVersion changes whenever Resample's output does, so that a
// cache of decoded clips can tell a stale entry.
package decode
