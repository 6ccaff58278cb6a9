//go:build unix

package pulsetest

import "syscall"

// Freeze stops the server (SIGSTOP) without closing its socket, as if it
// hung: clients get no answers until Thaw or Kill.
func (s *Server) Freeze() { s.pulse.cmd.Process.Signal(syscall.SIGSTOP) }

// Thaw lets a frozen server go on (SIGCONT).
func (s *Server) Thaw() { s.pulse.cmd.Process.Signal(syscall.SIGCONT) }
