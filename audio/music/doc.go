// Package music plays music files under a session: a file or a folder of
// them, in name order or shuffled, looped to the session's length, each
// track brought to the same loudness.
//
// # Files
//
// Tracks are MP3 (decoded with go-mp3, and trimmed of the encoder's delay
// and padding that the LAME tag gives, as gapless players do: a track
// looped has no silence at the seam), FLAC (mewkiz/flac) or WAV (PCM of
// 8 to 32 bits, or 32- or 64-bit float), mono or stereo, at any rate from
// 8 to 192 kHz; they are resampled to 44.1 kHz by a windowed-sinc filter
// and kept stereo. Find turns a path into tracks: a file is one track; a
// folder's .mp3, .flac and .wav files (not its subfolders') are tracks in
// the order of their names, at most MaxTracks of them. OpenTrack reads a
// track's header and its first frames, so that a file that is not what
// its name says fails at once with an error naming it. A track must be at
// least MinTrack long and at most MaxTrack.
//
// # A bed of music
//
// A Bed is the music of one session: Open lays out which track plays at
// which frame (the tracks in turn, then again from the first; shuffled,
// each round in a new order), and reads frames from any point. Each track
// is brought to the loudness Options.Target: its level is measured per EBU
// R128 over three 10-second windows of the part of it that plays (a
// fraction of the time a whole-track measurement would take, and the same
// for live play and export), and a gain of at most MaxBoost dB up makes up
// the difference. Where a track starts or ends, 10 ms fades keep the join
// from clicking.
//
// A Bed decodes as it is read, in memory that does not depend on the
// length of the tracks or the session. For an export, which reads the
// session twice (once to measure it, once to write it) and loops short
// tracks, Bed.Decode first decodes every track once, on every CPU, into a
// temporary file of 16-bit frames (about 10 MB a minute of distinct music
// used; removed by Close), and reads from there.
package music
