//go:build !unix

package safefile

// nonBlock is not needed where opening a named pipe does not wait.
const nonBlock = 0
