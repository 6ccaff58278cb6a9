//go:build !linux && !darwin && !windows

package speaker

import "net"

// writeWithCreds writes p to c: other systems attach credentials
// themselves where they pass them at all.
func writeWithCreds(c *net.UnixConn, p []byte) (int, error) { return c.Write(p) }
