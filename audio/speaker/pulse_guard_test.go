//go:build !darwin && !windows

package speaker

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// packet returns a packet of the native protocol: its descriptor, then body.
func packet(channel uint32, body []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	b = binary.BigEndian.AppendUint32(b, channel)
	b = append(b, make([]byte, 12)...)
	return append(b, body...)
}

// command returns the body of a command: op, tag, then tagged values.
func command(op, tag uint32, values ...byte) []byte {
	b := binary.BigEndian.AppendUint32([]byte{'L'}, op)
	b = binary.BigEndian.AppendUint32(append(b, 'L'), tag)
	return append(b, values...)
}

// fakeServer listens on a unix socket and answers every connection with
// reply, then keeps it open until the test ends.
func fakeServer(t *testing.T, reply []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "native")
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { c.Close() })
			go io.Copy(io.Discard, c)
			c.Write(reply)
		}
	}()
	return "unix:" + path
}

// A server that speaks garbage fails Open at once with a clear error, and
// never makes the client allocate what the garbage claims.
func TestGarbageServer(t *testing.T) {
	huge := []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	tests := []struct {
		name  string
		reply []byte
		want  string
	}{
		{"huge length", huge, "packet of 4294967295 bytes, more than the 1048576 allowed"},
		{"web server", []byte("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"), "packet of 1213486160 bytes"},
		{"short command", packet(controlChannel, []byte{'L', 0, 0}), "a command without its header"},
		{"audio", packet(0, []byte{1, 2, 3, 4}), "sent audio to a player"},
		{"string without end", packet(controlChannel, command(2, 0, 't', 'a', 'b')), `tag 't' that does not fit`},
		{"arbitrary too long", packet(controlChannel, command(2, 0, 'x', 0x7F, 0xFF, 0xFF, 0xFF, 1)), `tag 'x' that does not fit`},
		{"unknown tag", packet(controlChannel, command(2, 0, '?')), `unknown tag '?'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			server := fakeServer(t, tt.reply)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			begin := time.Now()
			spk, err := Open(Options{Server: server})
			took := time.Since(begin)
			runtime.ReadMemStats(&after)
			if err == nil {
				spk.Close()
				t.Fatal("Open = nil error, want one")
			}
			t.Logf("%v: %v", took, err)
			if !errors.Is(err, ErrNoOutput) || !strings.Contains(err.Error(), "not a sound server: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open = %q, want ErrNoOutput saying %q", err, tt.want)
			}
			if took > time.Second {
				t.Errorf("Open took %v, want under 1 s", took)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("Open allocated %d bytes, want under 4 MiB", alloc)
			}
		})
	}
}

// The guard passes on well-formed commands the library knows, whole, and
// drops others, which the library would print on the terminal.
func TestGuardDropsUnknownCommands(t *testing.T) {
	unknown := packet(controlChannel, command(999, 7, 'L', 0, 0, 0, 1))
	reply := packet(controlChannel, command(2, 0, 'L', 0, 0, 0, 35, 'P', 't', 'k', 0, 'L', 0, 0, 0, 2, 'x', 0, 0, 0, 2, 'v', 0, 'N'))
	client, server := net.Pipe()
	defer client.Close()
	go func() {
		server.Write(append(unknown, reply...))
		server.Close()
	}()
	got, err := io.ReadAll(newGuard(client))
	if !bytes.Equal(got, reply) || err != nil {
		t.Errorf("read %x, %v; want only the reply, %x", got, err, reply)
	}
}

// FuzzCheckCommand: no input makes the check panic, and what it accepts is
// a sequence of values that ends where the command does.
func FuzzCheckCommand(f *testing.F) {
	f.Add(command(2, 0, 'L', 0, 0, 0, 1, 't', 'a', 0, 'P', 'N'))
	f.Add(command(61, 3, 'L', 0, 0, 0, 1, 'L', 0, 0, 16, 0))
	f.Add(command(2, 1, 'x', 0, 0, 0, 1, 9, 'm', 2, 1, 2, 'v', 1, 0, 1, 0, 0, 'a', 3, 2, 0, 0, 172, 68))
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := checkCommand(b); err != nil {
			return
		}
		n := 10
		for n < len(b) {
			k, err := tagLen(b[n:])
			if err != nil || k <= 0 {
				t.Fatalf("accepted %x, but its value at %d does not fit: %v", b, n, err)
			}
			n += k
		}
		if n != len(b) {
			t.Fatalf("accepted %x, whose values end at %d", b, n)
		}
	})
}
