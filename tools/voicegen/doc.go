// Command voicegen makes floorcoach's default voice pack from text.
//
// Usage, from the repository root:
//
//	go run ./tools/voicegen [-lines audio/pack/voices/default/lines.txt]
//	    [-out audio/pack/voices/default] [-jobs N] [-only-missing] [-check] [-wer]
//
// It reads lines.txt (one line of speech per line) and makes one MP3 clip
// per line, out/clips/<slug>.mp3, then writes out/voice.yaml mapping each
// line's text to its clip, in the order of lines.txt, and removes clips no
// line names any more. Each clip is:
//
//  1. said by festival with the CMU SLT HTS voice (text2wave), or by
//     flite's SLT voice when festival is not installed;
//  2. kept at 32 kHz, the HTS voice's own rate, so none of its upper band
//     is lost (flite's 16 kHz is brought up to it), and cleared of the
//     faint buzz festival leaves at the end;
//  3. readied as "floorcoach clips make" readies a line (package speech):
//     high-passed at 70 Hz, trimmed of the quiet at both ends (keeping
//     30 ms, with short fades), and brought to -19 LUFS speech loudness
//     (K-weighted, gated as in ITU-R BS.1770, over 100 ms blocks), peaks
//     above -4 dBFS held down by a look-ahead limiter;
//  4. encoded by lame: mono, 32 kHz, 96 kbit/s CBR (the whole band, to
//     16 kHz), with a LAME tag frame giving the encoder delay and padding,
//     which the player drops along with the frame itself; then decoded as
//     the player does (package decode) and measured, and steps 3 and 4 done
//     again with the gain corrected, up to six times, keeping the rendering
//     nearest the target.
//
// The same tools give the same bytes: running it twice changes nothing.
// Lines run in parallel (-jobs, one per CPU by default); -only-missing
// makes only the clips that do not exist yet. -check makes nothing: it
// decodes every clip as the player does, prints its length, loudness, peak
// and the quiet at each end, and fails if any is out of bounds. -wer makes
// nothing either: it gives every clip, at 16 kHz, to the pocketsphinx
// speech recognizer (Debian's pocketsphinx and pocketsphinx-en-us) and
// prints the word error rate, to compare one rendering of the pack with
// another.
//
// It needs festival, festvox-us-slt-hts and lame (Debian package names).
// Progress goes to standard error; a failing step stops the run with one
// line naming the line and the command's error output.
package main
