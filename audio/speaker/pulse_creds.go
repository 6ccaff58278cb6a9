//go:build !darwin && !windows

package speaker

import (
	"net"
	"sync/atomic"
)

// credsWriter writes to a connection with the process's credentials
// attached to each write (on Linux), until the handshake is over.
//
// PulseAudio lets in a client of its own user by the credentials that come
// with its messages, else by the cookie. But it asks the kernel to attach
// them only once it has accepted the connection, and a client that writes
// at once may be quicker: its first packet then comes without them, and a
// cookie that does not match (a cookie of another server in $HOME) meant
// "access denied", 1 time in 5 here. libpulse sends its credentials itself,
// and so does the speaker.
type credsWriter struct {
	net.Conn
	on atomic.Bool
}

func newCredsWriter(c net.Conn) *credsWriter {
	w := &credsWriter{Conn: c}
	w.on.Store(true)
	return w
}

func (w *credsWriter) Write(p []byte) (int, error) {
	uc, ok := w.Conn.(*net.UnixConn)
	if !ok || !w.on.Load() {
		return w.Conn.Write(p)
	}
	return writeWithCreds(uc, p)
}

// done stops attaching credentials.
func (w *credsWriter) done() { w.on.Store(false) }
