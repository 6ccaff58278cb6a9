//go:build !unix

package safefile

import (
	"io/fs"
	"os"
)

// lock does nothing where there is no flock.
func lock(*os.File) {}

// unlocked cannot tell a live writer's file from a dead one's where there
// is no flock: it says none is free, so none is removed.
func unlocked(*os.File) bool { return false }

// links returns 1: hard links are not counted here.
func links(fs.FileInfo) uint64 { return 1 }
