package mp3frame

import (
	"encoding/binary"
	"testing"
)

func TestLayer3(t *testing.T) {
	for _, tt := range []struct {
		kbps   int
		padded bool
		bytes  [4]byte
		size   int
	}{
		{128, false, [4]byte{0xFF, 0xFB, 0x90, 0x04}, 417},
		{128, true, [4]byte{0xFF, 0xFB, 0x92, 0x04}, 418},
		{32, false, [4]byte{0xFF, 0xFB, 0x10, 0x04}, 104},
		{320, false, [4]byte{0xFF, 0xFB, 0xE0, 0x04}, 1044},
	} {
		h := Layer3(tt.kbps, tt.padded)
		if h.Bytes() != tt.bytes || h.Size() != tt.size || h.Bitrate() != tt.kbps || h.Padded() != tt.padded {
			t.Errorf("Layer3(%d, %v) = % x, %d bytes, %d kbit/s, padded %v; want % x, %d bytes",
				tt.kbps, tt.padded, h.Bytes(), h.Size(), h.Bitrate(), h.Padded(), tt.bytes, tt.size)
		}
		if b := h.Bytes(); !mustRead(t, b[:]).SameStream(Layer3(64, false)) {
			t.Errorf("Layer3(%d, %v) is not of the same stream as Layer3(64, false)", tt.kbps, tt.padded)
		}
	}
}

func mustRead(t *testing.T, b []byte) Header {
	t.Helper()
	h, ok := ReadHeader(b)
	if !ok {
		t.Fatalf("ReadHeader(% x): not a header", b)
	}
	return h
}

func TestHeaderFields(t *testing.T) {
	for _, tt := range []struct {
		name          string
		b             []byte
		mpeg1, mono   bool
		samples, side int
	}{
		{"MPEG-1 stereo", []byte{0xFF, 0xFB, 0x90, 0x04}, true, false, 1152, 32},
		{"MPEG-1 mono", []byte{0xFF, 0xFB, 0x90, 0xC4}, true, true, 1152, 17},
		{"MPEG-2 stereo", []byte{0xFF, 0xF3, 0x60, 0x04}, false, false, 576, 17},
		{"MPEG-2 mono", []byte{0xFF, 0xF3, 0x60, 0xC4}, false, true, 576, 9},
	} {
		h := mustRead(t, tt.b)
		if h.MPEG1() != tt.mpeg1 || h.Mono() != tt.mono || h.Samples() != tt.samples || h.SideInfoLen() != tt.side {
			t.Errorf("%s: MPEG-1 %v, mono %v, %d samples, %d bytes of side information; want %v, %v, %d, %d",
				tt.name, h.MPEG1(), h.Mono(), h.Samples(), h.SideInfoLen(), tt.mpeg1, tt.mono, tt.samples, tt.side)
		}
	}
	for _, b := range [][]byte{nil, {0xFF, 0xFB, 0x90}, {0xFF, 0xEB, 0x90, 0x04}, {0xFF, 0xFB, 0xF0, 0x04}, {0xFF, 0xFB, 0x9C, 0x04}, {0, 0, 0, 0}} {
		if _, ok := ReadHeader(b); ok {
			t.Errorf("ReadHeader(% x): a header, want none", b)
		}
	}
}

// TestTagRoundTrip writes a tag as the encoder does and reads it back as
// the decoder does, and checks the CRC that ends it.
func TestTagRoundTrip(t *testing.T) {
	h := Layer3(64, false)
	frame := make([]byte, h.Size())
	hb := h.Bytes()
	copy(frame, hb[:])
	want := Tag{Frames: 77, Bytes: 123456, Encoder: "LAMEshine", HasDelays: true, Delay: 528, Padding: 1071, Bitrate: 128}
	PutTag(frame, want)
	got, ok := ReadTag(frame)
	if !ok || got != want {
		t.Errorf("ReadTag = %+v, %v; want %+v", got, ok, want)
	}
	if string(frame[36:40]) != "Info" || string(frame[156:165]) != "LAMEshine" {
		t.Errorf("Info at %q, LAME at %q: not where the formats put them", frame[36:40], frame[156:165])
	}
	if got := crc16ARC([]byte("123456789")); got != 0xBB3D {
		t.Errorf("crc16ARC(123456789) = %#04x, want the check value 0xbb3d", got)
	}
	if got, want := binary.BigEndian.Uint16(frame[190:]), crc16ARC(frame[:190]); got != want {
		t.Errorf("LAME tag CRC %#04x, want %#04x", got, want)
	}
	if _, ok := ReadTag(make([]byte, 417)); ok {
		t.Error("ReadTag of zeros: a tag")
	}
}

func TestFirstFrame(t *testing.T) {
	frame := Layer3(128, false).Bytes()
	for _, tt := range []struct {
		name string
		data []byte
		want int
	}{
		{"none", []byte("not an mp3"), -1},
		{"at once", frame[:], 0},
		{"after ID3v2", append([]byte("ID3\x04\x00\x00\x00\x00\x00\x02xx"), frame[:]...), 12},
		{"after junk", append([]byte{0xFF, 0x00, 0x12}, frame[:]...), 3},
	} {
		if got := FirstFrame(tt.data); got != tt.want {
			t.Errorf("%s: FirstFrame = %d, want %d", tt.name, got, tt.want)
		}
	}
}
