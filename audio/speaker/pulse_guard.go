//go:build !darwin && !windows

package speaker

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/jfreymuth/pulse/proto"
)

// maxPacket bounds the packets a sound server may send: 1 MiB, far more
// than any answer to what the speaker asks (a few hundred bytes), far less
// than would hurt. PulseAudio's own limit is 16 MiB.
const maxPacket = 1 << 20

// PulseAudio's native protocol sends packets of a 20-byte descriptor
// (length, channel, offset high and low, flags: big-endian uint32s) and
// length bytes. Channel controlChannel carries commands: a tagged
// structure that starts with the command and a tag. The speaker plays
// only, so no audio comes back on other channels.
const (
	descriptorSize = 20
	controlChannel = 0xFFFFFFFF
)

// guard passes on from conn only packets the protocol library can read
// safely. The library trusts the server: it allocates twice any length a
// packet claims before reading it (a stray HTTP server's "HTTP" is a
// length of 1.2 GB), panics on a command shorter than its header, and
// prints the number of any command it does not know to stdout. The guard
// reads each packet whole, up to maxPacket bytes, checks its tagged
// structure (every length within the packet), drops commands the library
// does not know, and fails the connection on anything else.
type guard struct {
	net.Conn
	desc    [descriptorSize]byte
	buf     []byte
	pending []byte // checked bytes not yet read by the library
}

func newGuard(conn net.Conn) *guard { return &guard{Conn: conn} }

func (g *guard) Read(p []byte) (int, error) {
	for len(g.pending) == 0 {
		if err := g.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, g.pending)
	g.pending = g.pending[n:]
	return n, nil
}

// next reads and checks the next packet.
func (g *guard) next() error {
	if _, err := io.ReadFull(g.Conn, g.desc[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(g.desc[0:])
	if n > maxPacket {
		return fmt.Errorf("not a sound server: it sent a packet of %d bytes, more than the %d allowed", n, maxPacket)
	}
	size := descriptorSize + int(n)
	if cap(g.buf) < size {
		g.buf = make([]byte, size)
	}
	b := g.buf[:size]
	copy(b, g.desc[:])
	if _, err := io.ReadFull(g.Conn, b[descriptorSize:]); err != nil {
		return unexpected(err)
	}
	if binary.BigEndian.Uint32(g.desc[4:]) != controlChannel {
		return errors.New("not a sound server: it sent audio to a player")
	}
	known, err := checkCommand(b[descriptorSize:])
	if err != nil {
		return fmt.Errorf("not a sound server: %w", err)
	}
	if known {
		g.pending = b
	}
	return nil
}

func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// Commands the library reads: answers (error, reply) and the server's own
// messages (request, overflow, underflow, stream killed, subscribe event,
// stream suspended, moved, client event, stream event, started, buffer
// attributes changed). Others are dropped.
var knownCommands = map[uint32]bool{
	proto.OpError: true, proto.OpReply: true, proto.OpRequest: true,
	proto.OpOverflow: true, proto.OpUnderflow: true,
	proto.OpPlaybackStreamKilled: true, proto.OpRecordStreamKilled: true,
	proto.OpSubscribeEvent: true, proto.OpPlaybackStreamSuspended: true,
	proto.OpRecordStreamSuspended: true, proto.OpPlaybackStreamMoved: true,
	proto.OpRecordStreamMoved: true, proto.OpClientEvent: true,
	proto.OpPlaybackStreamEvent: true, proto.OpRecordStreamEvent: true,
	proto.OpStarted: true, proto.OpPlaybackBufferAttrChanged: true,
}

// checkCommand checks a command's tagged structure, and reports whether
// the library knows the command.
func checkCommand(b []byte) (bool, error) {
	if len(b) < 10 || b[0] != 'L' || b[5] != 'L' {
		return false, errors.New("a command without its header")
	}
	if err := checkTags(b[10:]); err != nil {
		return false, err
	}
	return knownCommands[binary.BigEndian.Uint32(b[1:])], nil
}

// tagSizes gives the size of each fixed-size value of a tagged structure,
// after its tag byte.
var tagSizes = map[byte]int{
	'L': 4, 'B': 1, 'R': 8, 'r': 8, 'a': 6, 'T': 8, 'U': 8, 'V': 4,
	'1': 0, '0': 0, 'N': 0, 'f': 0, // 'f' (a format) is followed by its parts, 'B' and 'P'
}

// checkTags checks that b is a sequence of well-formed tagged values that
// ends where b does.
func checkTags(b []byte) error {
	for len(b) > 0 {
		n, err := tagLen(b)
		if err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

// tagLen returns the length of the tagged value at the start of b.
func tagLen(b []byte) (int, error) {
	tag, rest := b[0], b[1:]
	var n int
	switch tag {
	case 't':
		n = indexNUL(rest) + 1
	case 'x':
		if len(rest) < 4 {
			break
		}
		if k := binary.BigEndian.Uint32(rest); k > 0 && uint64(k) <= uint64(len(rest)-4) {
			n = 4 + int(k)
		}
	case 'm', 'v':
		if len(rest) > 0 {
			n = 1 + int(rest[0])
			if tag == 'v' {
				n = 1 + 4*int(rest[0])
			}
		}
	case 'P':
		k, err := propListLen(rest)
		if err != nil {
			return 0, err
		}
		return 1 + k, nil
	default:
		size, ok := tagSizes[tag]
		if !ok {
			return 0, fmt.Errorf("unknown tag %q in a command", tag)
		}
		n = size
	}
	if n <= 0 && tag != '1' && tag != '0' && tag != 'N' && tag != 'f' || n > len(rest) {
		return 0, fmt.Errorf("a value of tag %q that does not fit its command", tag)
	}
	return 1 + n, nil
}

// indexNUL returns the index of the first NUL byte in b, or -2 if there
// is none (so that a string without its end does not fit).
func indexNUL(b []byte) int {
	for i, c := range b {
		if c == 0 {
			return i
		}
	}
	return -2
}

// propListLen returns the length of a property list: entries of a name
// ('t'), a length ('L') and as many bytes ('x'), up to an 'N'.
func propListLen(b []byte) (int, error) {
	for i := 0; i < len(b); {
		if b[i] == 'N' {
			return i + 1, nil
		}
		for _, want := range []byte{'t', 'L', 'x'} {
			if i >= len(b) || b[i] != want {
				return 0, errors.New("a broken property list in a command")
			}
			n, err := tagLen(b[i:])
			if err != nil {
				return 0, err
			}
			i += n
		}
	}
	return 0, errors.New("a property list without its end in a command")
}
