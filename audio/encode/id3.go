package encode

import (
	"encoding/binary"
	"fmt"

	"github.com/floorcoach/floorcoach/audio"
)

// The ID3v2.4 tag at the start of an MP3 is written here by hand: the
// library that writes ID3 chapters (github.com/bogem/id3v2) cannot be
// fetched from the Go module proxy these machines use, and the subset we
// need is small. The tag holds:
//
//	TIT2        the title
//	COMM        the description ("about"), language "eng", no short name
//	TSSE        the encoder
//	CHAP chN    one per chapter (N counts from 0): start and end in ms,
//	            no byte offsets, with a TIT2 sub-frame for its title
//	CTOC toc    the top-level, ordered table of contents listing ch0…chN;
//	            past 255 chapters (an entry count is one byte) it lists
//	            sub-tables toc0, toc1… of up to 255 chapters each
//
// Text is UTF-8 (encoding 3), which ID3v2.4 allows. No unsynchronisation,
// no extended header, no padding.

// id3MaxEntries is the most child elements one CTOC frame can list.
const id3MaxEntries = 255

// id3Tag returns the whole ID3v2.4 tag for meta.
func id3Tag(meta audio.Meta) ([]byte, error) {
	var frames []byte
	if meta.Title != "" {
		frames = id3Frame(frames, "TIT2", id3Text(meta.Title))
	}
	if meta.About != "" {
		frames = id3Frame(frames, "COMM", append([]byte{3, 'e', 'n', 'g', 0}, meta.About...))
	}
	if meta.Encoder != "" {
		frames = id3Frame(frames, "TSSE", id3Text(meta.Encoder))
	}
	for i, c := range meta.Chapters {
		frames = id3Frame(frames, "CHAP", id3Chap(fmt.Sprintf("ch%d", i), c))
	}
	frames, err := id3TOC(frames, len(meta.Chapters))
	if err != nil {
		return nil, err
	}
	if len(frames) >= 1<<28 {
		return nil, fmt.Errorf("audio: ID3 tag of %d bytes is too big", len(frames))
	}
	tag := append([]byte("ID3"), 4, 0, 0) // version 2.4.0, no flags
	return append(id3Size(tag, len(frames)), frames...), nil
}

// id3TOC appends the table of contents for n chapters to frames.
func id3TOC(frames []byte, n int) ([]byte, error) {
	if n == 0 {
		return frames, nil
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("ch%d", i)
	}
	if n <= id3MaxEntries {
		return id3Frame(frames, "CTOC", id3Ctoc("toc", true, ids)), nil
	}
	if n > id3MaxEntries*id3MaxEntries {
		return nil, fmt.Errorf("audio: %d chapters are too many for an MP3 (at most %d)",
			n, id3MaxEntries*id3MaxEntries)
	}
	var subs []string
	for start := 0; start < n; start += id3MaxEntries {
		id := fmt.Sprintf("toc%d", len(subs))
		subs = append(subs, id)
		frames = id3Frame(frames, "CTOC", id3Ctoc(id, false, ids[start:min(start+id3MaxEntries, n)]))
	}
	return id3Frame(frames, "CTOC", id3Ctoc("toc", true, subs)), nil
}

// id3Chap returns the body of a CHAP frame for c.
func id3Chap(id string, c audio.Chapter) []byte {
	b := append([]byte(id), 0)
	b = binary.BigEndian.AppendUint32(b, uint32(millis(c.Start)))
	b = binary.BigEndian.AppendUint32(b, uint32(millis(c.End)))
	b = binary.BigEndian.AppendUint32(b, 0xFFFFFFFF) // no byte offsets:
	b = binary.BigEndian.AppendUint32(b, 0xFFFFFFFF) // times are exact
	return id3Frame(b, "TIT2", id3Text(c.Title))
}

// id3Ctoc returns the body of a CTOC frame listing children in order.
func id3Ctoc(id string, top bool, children []string) []byte {
	flags := byte(0x01) // ordered
	if top {
		flags |= 0x02
	}
	b := append([]byte(id), 0, flags, byte(len(children)))
	for _, c := range children {
		b = append(append(b, c...), 0)
	}
	return b
}

// id3Text returns the body of a text frame holding s in UTF-8.
func id3Text(s string) []byte { return append([]byte{3}, s...) }

// id3Frame appends a frame with its header (ID, syncsafe size, no flags).
func id3Frame(b []byte, id string, body []byte) []byte {
	b = id3Size(append(b, id...), len(body))
	return append(append(b, 0, 0), body...)
}

// id3Size appends n as a 28-bit syncsafe integer: 7 bits in each byte.
func id3Size(b []byte, n int) []byte {
	return append(b, byte(n>>21)&0x7F, byte(n>>14)&0x7F, byte(n>>7)&0x7F, byte(n)&0x7F)
}
