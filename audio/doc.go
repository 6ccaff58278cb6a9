// Package audio makes the sound of a session: voice clips and tones, mixed
// at exact frames, then played or written to a file.
//
// Everything is mono float32 at SampleRate (44.1 kHz) until the mix, and
// 16-bit stereo after it. Time is counted in frames from the session start.
//
// # Sounds
//
// A Sound is a mono sound ready to mix. Tone synthesizes each ToneKind
// (tick, pip, start, end, count, phase, chime, attention) once per
// program; the constants TickHz, PipHz… give their pitches. Every
// tone fades in and out (no clicks) and peaks at or below MaxTonePeakDB,
// so any tone under speech normalized to SpeechPeakDB stays below full
// scale.
//
// # Mixing
//
// A Cue places a Sound at a frame. NewRenderer mixes cues into a Seeker:
// 16-bit stereo frames, read in order or from any frame, block by block in
// constant memory.
//
// # Packages
//
// This package is the core the others build on: frames, tones and the
// mixer. Around it, each with one job:
//
//   - decode reads MP3 and WAV clips to mono samples and resamples them;
//   - pack loads voice packs (the built-in one, the user's, any folder),
//     keeps decoded clips in a cache, and writes clips into a pack;
//   - speech readies recorded or synthesized lines for a pack: trimming,
//     loudness, text-to-speech commands;
//   - encode writes a mixed session as a WAV, MP3 or FLAC file with chapters;
//   - speaker plays a Seeker through the sound output;
//   - mic records from the sound input and finds the speech in a take;
//   - music reads music files and lays them out under a session;
//   - duck shapes the music's level: fades, and ducking under speech;
//   - loudness measures loudness (EBU R128) and true peak, and limits;
//   - mixdown makes the final mix: voice, music, one gain, the limiter;
//   - pulseduck lowers other applications' sound while the voice speaks.
//
// Imports point one way: speaker, encode, pack, speech, mic, music and
// mixdown import this package; pack and speech import decode, mic imports
// speech; mixdown imports music, duck and loudness; nothing here imports
// them.
package audio
