//go:build unix

package pack

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir waits for an exclusive lock on the open folder f: one writer of
// a pack at a time, across processes.
func lockDir(f *os.File) error {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if err != unix.EINTR {
			return err
		}
	}
}

// unlockDir lets go of the lock of lockDir.
func unlockDir(f *os.File) { unix.Flock(int(f.Fd()), unix.LOCK_UN) }
