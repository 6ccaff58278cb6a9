//go:build !linux && !windows

package speech

import "os/exec"

// subreap does nothing: only Linux has child subreapers. A command's
// process group is killed, but a process it moved out of the group lives
// on.
func subreap() {}

// reap does nothing more than killGroup did.
func reap(*exec.Cmd) {}

// ReapSince returns a function that does nothing: see subreap.
func ReapSince() func() { return func() {} }
