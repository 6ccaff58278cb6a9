package speaker

import (
	"net"
	"os"
	"syscall"
)

// writeWithCreds writes p to c with the process's credentials attached.
// An empty p writes nothing: Go would send a byte of its own to carry them.
func writeWithCreds(c *net.UnixConn, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	oob := syscall.UnixCredentials(&syscall.Ucred{Pid: int32(os.Getpid()), Uid: uint32(os.Getuid()), Gid: uint32(os.Getgid())})
	n, _, err := c.WriteMsgUnix(p, oob, nil)
	if err == nil && n < len(p) {
		var k int
		k, err = c.Write(p[n:])
		n += k
	}
	return n, err
}
