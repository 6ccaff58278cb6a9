// Package safefile writes a file so that it appears whole or not at all:
// the data goes to a hidden temporary file beside the target, which is
// renamed over the target only once everything was written and synced. An
// existing file is never replaced unless the caller says so.
//
// It also reads files safely: OpenRegular and ReadRegular open only a
// regular file, without ever waiting on a named pipe or a device.
package safefile
