package mp3frame

import "encoding/binary"

// The first frame of an MP3 from lame or ffmpeg is silent and holds, after
// its side information, a Xing header ("Xing", or "Info" for a constant
// bitrate) and a LAME extension with the encoder delay and the padding,
// 12 bits each:
//
//	"Info"  flags uint32          which of the next four fields follow
//	        frames, bytes uint32  the stream's, this frame included
//	        toc [100]byte         a seek table
//	        quality uint32
//	"LAME3.100" (9 bytes)         the encoder: LAME, or Lavf/Lavc from ffmpeg
//	...     at 20: bitrate, at 21-23: delay and padding, at 28: length,
//	        at 34: CRC-16 of the frame up to the CRC
const (
	flagFrames = 1 << iota
	flagBytes
	flagTOC
	flagQuality
)

// Offsets within the LAME extension.
const (
	lameBitrate = 20
	lameDelays  = 21
	lameSource  = 24
	lameLength  = 28
	lameCRC     = 34
)

// Tag is what a stream's first frame says about the stream.
type Tag struct {
	Frames, Bytes uint32 // the stream's frames and bytes, this one included (0: not given)
	Encoder       string // the LAME extension's version string, e.g. "LAME3.100"
	HasDelays     bool   // Delay and Padding come from a LAME extension of lame or ffmpeg
	Delay         int    // samples the encoder added at the start
	Padding       int    // samples added at the end to fill the last frame
	Bitrate       int    // kbit/s, as the LAME extension gives it
}

// ReadTag reads the Xing or Info header, and the LAME extension if there
// is one, of frame: the bytes from the first frame's header on. It reports
// false when the frame holds no Xing or Info header, so it is audio.
func ReadTag(frame []byte) (Tag, bool) {
	h, ok := ReadHeader(frame)
	if !ok {
		return Tag{}, false
	}
	x := 4 + h.SideInfoLen()
	if x+8 > len(frame) || (string(frame[x:x+4]) != "Xing" && string(frame[x:x+4]) != "Info") {
		return Tag{}, false
	}
	var t Tag
	flags := binary.BigEndian.Uint32(frame[x+4:])
	lame := x + 8
	for bit, size := range []int{4, 4, 100, 4} { // frames, bytes, table of contents, quality
		if flags&(1<<bit) == 0 {
			continue
		}
		if lame+4 <= len(frame) && bit < 2 {
			v := binary.BigEndian.Uint32(frame[lame:])
			if bit == 0 {
				t.Frames = v
			} else {
				t.Bytes = v
			}
		}
		lame += size
	}
	if lame+lameSource > len(frame) {
		return t, true
	}
	l := frame[lame:]
	t.Encoder = string(l[:9])
	switch string(l[:4]) {
	case "LAME", "Lavf", "Lavc":
	default:
		return t, true
	}
	v := int(l[lameDelays])<<16 | int(l[lameDelays+1])<<8 | int(l[lameDelays+2])
	t.HasDelays, t.Delay, t.Padding, t.Bitrate = true, v>>12, v&0xfff, int(l[lameBitrate])
	return t, true
}

// PutTag writes t into frame, a silent MPEG-1 frame whose header is in
// place and whose other bytes are zero: an Info header with the frame and
// byte counts and a linear seek table (a constant bitrate's), then a LAME
// extension with the encoder, bitrate, delay, padding, the stream's length
// in bytes and the CRC that ends it. Fields not known before the audio
// (peak, music CRC) stay 0, meaning unknown. ffmpeg reads the delays only
// when the encoder begins "LAME".
func PutTag(frame []byte, t Tag) {
	h, _ := ReadHeader(frame)
	be := binary.BigEndian
	x := frame[4+h.SideInfoLen():]
	copy(x, "Info")
	be.PutUint32(x[4:], flagFrames|flagBytes|flagTOC|flagQuality)
	be.PutUint32(x[8:], t.Frames)
	be.PutUint32(x[12:], t.Bytes)
	for i := range 100 {
		x[16+i] = byte(i * 256 / 100) // constant bitrate: position ∝ time
	}
	l := x[120:] // the LAME extension; the quality field before it is 0
	copy(l[:9], t.Encoder)
	l[9] = 0x01 // tag revision 0, constant bitrate
	l[lameBitrate] = byte(min(t.Bitrate, 255))
	delays := uint32(t.Delay)<<12 | uint32(t.Padding)
	l[lameDelays], l[lameDelays+1], l[lameDelays+2] = byte(delays>>16), byte(delays>>8), byte(delays)
	l[lameSource] = 0x44 // source at 44.1 kHz, stereo
	be.PutUint32(l[lameLength:], t.Bytes)
	end := len(frame) - len(l) + lameCRC
	be.PutUint16(l[lameCRC:], crc16ARC(frame[:end]))
}

// crc16ARC is the CRC-16 the LAME tag ends with: polynomial 0x8005,
// reflected, starting from 0.
func crc16ARC(b []byte) uint16 {
	var crc uint16
	for _, c := range b {
		crc ^= uint16(c)
		for range 8 {
			if crc&1 != 0 {
				crc = crc>>1 ^ 0xA001
			} else {
				crc >>= 1
			}
		}
	}
	return crc
}

// FirstFrame returns the offset of the frame go-mp3 decodes first: the
// first valid frame header after an ID3v2 tag, or -1.
func FirstFrame(data []byte) int {
	i := 0
	switch {
	case len(data) >= 10 && string(data[:3]) == "ID3":
		// The size is 4 bytes of 7 bits; go-mp3 reads them without masking.
		i = 10 + (int(data[6])<<21 | int(data[7])<<14 | int(data[8])<<7 | int(data[9]))
	case len(data) >= 128 && string(data[:3]) == "TAG": // go-mp3 skips an ID3v1 tag here too
		i = 128
	}
	for ; i+4 <= len(data); i++ {
		if _, ok := ReadHeader(data[i:]); ok {
			return i
		}
	}
	return -1
}
