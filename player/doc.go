// Package player lays a session out in time and plays it.
//
// Build turns a parsed script (scripts.Session) into a Timeline: every cue
// of the session at an exact frame at audio.SampleRate — each spoken line,
// the 3-2-1 pips before a clock, the start and end tones of each hold or set
// of reps, a tick each second, each phase and count of a rep, and the final
// chime. The timeline keeps these rules:
//
//   - a step's instructions are spoken before its clock starts, and a line
//     that names the side ({side}, {other}) before each side's clock;
//   - no two spoken lines overlap: a long line pushes what follows, and a
//     reminder that does not fit at its exact time is dropped;
//   - every side gets the full hold, exactly its length between the start
//     and end tones;
//   - every rep is counted exactly once, 1 to N, on each side;
//   - "Next: …" is announced during each rest.
//
// And it paces a session for a person on the floor:
//
//   - at least 0.3 s of silence between the end of a spoken line and the
//     next one's start, save after a line ending in ":" ("Next:"), which
//     runs on;
//   - at least the step's switch (10 s unless the script says) from one
//     side's end tone to the next side's start tone: the time to change
//     position goes before "Get ready.";
//   - reminders inside a hold at least 5 s apart, in time order; of two
//     that would be closer, halfway gives way to a time left;
//   - no more than the step's every (30 s unless the script says, at most
//     35 s) of a clock without a word: the step's during lines fill longer
//     quiet stretches in turn, or else, unless the step is quiet, the
//     breathing cues "Breathe slowly." and "Keep breathing."
//
// Steps are numbered by the spans of Timeline.Steps (Span.Index): a step
// inside a repeat group once per round, the script's own rest and say
// steps too, while the rest the player adds after a timed step belongs to
// that step's span. Chapters covers the whole session with an opening
// chapter and one chapter per span.
//
// A Timeline prints itself for people (WriteText), as data (WriteJSON, the
// format of "floorcoach show --json"), and as captions (WriteVTT). Render
// mixes it into audio, block by block, for the speaker or an encoder.
//
// The live player (Live) plays a timeline through a sound output, driven by
// the audio clock: the position is the count of frames heard, so nothing
// drifts, and a pause resumes at the same frame, or at the start of the
// line it cut short.
package player
