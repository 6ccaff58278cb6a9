//go:build unix

package pulsetest

import "syscall"

// Freeze stops the server (SIGSTOP) without closing its socket, as if it
// hung: clients get no answers until it is killed.
func (s *Server) Freeze() {
	s.cmd.Process.Signal(syscall.SIGSTOP)
}
