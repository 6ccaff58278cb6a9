//go:build !unix

package scripts

// nonBlock is not needed where opening a named pipe does not wait.
const nonBlock = 0
