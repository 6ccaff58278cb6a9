// Package mp3frame holds what both sides of floorcoach's MP3 code must
// agree on: the layout of an MPEG audio frame header and of the LAME tag
// in a stream's first frame, and the delays that tag describes. The
// decoder reads them to drop an MP3's delays and padding; the encoder
// writes them so other players do the same.
package mp3frame
