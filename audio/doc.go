// Package audio makes the sound of a session: voice clips and tones, mixed
// at exact frames, then played or written to a file.
//
// Everything is mono float32 at SampleRate (44.1 kHz) until the mix, and
// 16-bit stereo after it. Time is counted in frames from the session start.
//
// # Sounds
//
// A Sound is a mono sound ready to mix. Tone(kind) synthesizes one of the
// ToneKinds — tick, pip, start, end, count, phase, chime, attention — once
// per program; the constants TickHz, PipHz… give their pitches. Every
// tone fades in and out (no clicks) and peaks at or below MaxTonePeakDB,
// so any tone under speech normalized to SpeechPeakDB stays below full
// scale.
//
// # Voices
//
// A voice pack is a folder holding voice.yaml and the clips it names:
//
//	name: anna
//	language: en
//	extends: default          # optional: lines this pack lacks come from the default pack
//	clips:                    # the text of a line -> its clip, relative to this folder
//	  "Knee-to-chest.": lines/knee-to-chest.mp3
//	  "one": numbers/01.wav
//
// Clips are MP3 or WAV, at any rate, mono or stereo. LoadVoice reads a
// pack from any fs.FS; DefaultVoice reads the one built into the program.
// Lines match by NormalizeText: case, spacing and punctuation are ignored,
// so "Next:" finds the clip of "next". Voice.Length gives a clip's length
// from its header alone, and Voice.Sound decodes it once into a Sound of
// exactly that length; Voice.Preload decodes many at once, on every CPU.
// An MP3 loses the silence its encoder and decoder add, as its LAME tag
// says (without one, only the decoder's 529 frames). Decoded clips are
// kept on disk for the next run, in the user's cache folder or where
// FLOORCOACH_CACHE says ("off" for nowhere).
//
// # Mixing
//
// A Cue places a Sound at a frame. NewRenderer mixes cues into a Seeker:
// 16-bit stereo frames, read in order or from any frame, block by block in
// constant memory.
//
// # Files
//
// Encode writes a Source as WAV, MP3 or FLAC, with the chapters and titles
// of a Meta.
package audio
