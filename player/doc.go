// Package player lays a session out in time and plays it.
//
// Build turns a parsed script (scripts.Session) into a Timeline: every cue
// of the session at an exact frame at audio.SampleRate — each spoken line,
// the 3-2-1 pips before a clock, the start and end tones of each hold or set
// of reps, a tick each second, each phase and count of a rep, and the final
// chime. The timeline keeps the rules of the format
// (docs/FORMAT.md, "Rules every timeline keeps"):
//
//   - a step's instructions are spoken before its clock starts;
//   - no two spoken lines overlap: a long line pushes what follows, and a
//     reminder that does not fit at its exact time is dropped;
//   - every side gets the full hold, exactly its length between the start
//     and end tones;
//   - every rep is counted exactly once, 1 to N, on each side;
//   - "Next: …" is announced during each rest.
//
// A Timeline prints itself for people (WriteText), as data (WriteJSON, the
// format of "floorcoach show --json"), and as captions (WriteVTT). Render
// mixes it into audio, block by block, for the speaker or an encoder.
//
// The live player (Live) plays a timeline through a sound output, driven by
// the audio clock: the position is the count of frames heard, so nothing
// drifts, and a pause resumes at the same frame.
package player
