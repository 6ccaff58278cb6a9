// Package mp3frame reads and writes what both sides of floorcoach's MP3
// code must agree on, in one place: the 4-byte header of an MPEG audio
// frame (Header, with named accessors) and the Info header and LAME tag a
// stream's first frame holds (Tag), with the delays it describes.
//
// The decoder finds the first frame as go-mp3 does (FirstFrame) and reads
// its tag (ReadTag) to drop an MP3's delays and padding; the encoder cuts
// its frames by their headers and writes the tag (PutTag) so that other
// players drop them too.
package mp3frame
