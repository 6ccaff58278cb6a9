// Package pulseduck turns other applications' sound down while floorcoach
// speaks, on a PulseAudio server or PipeWire's (pipewire-pulse), through
// the native protocol: the "ducking" phones do for navigation prompts.
//
// A Ducker lowers every playback stream on the server (a sink input) but
// this process's own by Depth dB, remembering each one's volume, and later
// gives each back the volume it had. Both move in steps over a ramp, so
// the change is heard as a fade, not a jump. A stream whose volume is no
// longer the one the Ducker set (the user moved its slider meanwhile, or
// the application changed it) is left as it is; a stream that went away is
// forgotten; one that appeared is lowered at the next Lower.
//
// The volumes are given back by Restore, and by Close, which a program
// must call however it ends (a deferred call covers errors, Ctrl-C and
// SIGTERM handled as a context's cancellation); only a crash or SIGKILL
// leaves streams lowered, as any mixer application would.
package pulseduck
