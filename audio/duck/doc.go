// Package duck shapes the level of music played under a voice: faded in at
// the start, lowered ("ducked") around every spoken cue so the words stand
// out, and faded out at the end.
//
// An Envelope is that level, a gain for every frame of a session, made from
// the spans where the voice speaks:
//
//	1 ┤‾‾‾‾‾‾╲            ╱‾‾‾‾‾‾‾‾‾‾╲      ╱‾‾‾
//	  │       ╲__________╱            ╲____╱
//	  └───────[ speech ][ ] [speech ]──[ sp ]───
//	         attack     release
//
// The music starts down before the first word (Attack) and is at the
// bottom (Depth below its level) when the word begins; after the last
// word it comes back over Release. Both move as a raised cosine in
// decibels, slow at the ends and fastest in the middle, so no step or
// corner is heard. Cues closer than Hold (counting the ramps) are ducked as
// one: the music stays down through the short gap between them instead of
// bobbing up and down ("pumping"). Spans gives those merged spans, for a
// player that lowers other applications' sound at the same times.
package duck
