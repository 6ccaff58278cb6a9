// Package encode writes a mixed session (an audio.Source) as a whole
// audio file: WAV, MP3 or FLAC, with the title, description, encoder and
// chapters of an audio.Meta.
//
// Write picks the encoder by Format; ParseFormat and FormatFromName say
// which format a user means. Every encoder reads its source once, in
// blocks, in constant memory, and reports progress as it goes:
//
//   - WAV: 16-bit PCM in RIFF; chapters as cue points with labels.
//   - MP3: MPEG-1 Layer III at a constant bitrate (MP3Bitrates), encoded
//     on every CPU in segments; a LAME tag gives the delays, so gapless
//     players trim the file to exactly the source; ID3v2.4 chapters.
//   - FLAC: lossless; chapters as a cue sheet and Vorbis comments.
//
// MonoWAV writes a short mono clip, as a voice pack keeps it.
package encode
