//go:build !unix

package pack

import "os"

// lockDir does nothing where there is no flock: writers of one pack in
// several processes at once may lose lines there.
func lockDir(*os.File) error { return nil }

// unlockDir does nothing.
func unlockDir(*os.File) {}
