// Package loudness measures and limits the level of a mix the way the
// broadcast standards do, so that an exported session plays at the same
// loudness as the music and podcasts around it.
//
// # Integrated loudness
//
// A Meter measures integrated loudness per ITU-R BS.1770 and EBU R128:
// each channel is K-weighted (a high shelf of +4 dB above about 1.7 kHz and
// a high pass near 38 Hz), mean squares are taken over blocks of 400 ms that
// overlap by 75%, and the blocks are gated twice: an absolute gate at
// -70 LUFS, then a relative gate 10 LU below the mean of the blocks that
// passed the first. Left and right weigh 1 each; a mono signal played on
// both channels (AddMono) counts twice, as it sounds. The result is in LUFS
// (LKFS): a full-scale 1 kHz sine on both channels reads about +3 LUFS,
// one at -23 dBFS reads -23 LUFS. A Meter keeps 8 bytes per 100 ms of
// audio: 1.7 MB for the longest session (6 hours).
//
// # True peak
//
// The peak of the waveform between samples, as a converter reconstructs
// it, can be higher than any sample. TruePeak estimates it by oversampling,
// in dBTP (decibels relative to full scale, true peak): 8x, with 32 taps a
// phase, finer than the 4x and 12 taps BS.1770 Annex 2 asks for, which
// read high-frequency peaks up to 0.55 dB low (oversample.go says more).
//
// # Limiting
//
// A Limiter holds the true peak of a stereo stream at or below a ceiling
// without clipping: it looks ahead, lowers the gain smoothly over a few
// milliseconds before each peak that would pass the ceiling, and lets it
// back up at a fixed rate after. Where nothing comes near the ceiling it
// passes samples through unchanged, bit for bit.
package loudness
