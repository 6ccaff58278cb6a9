// Package logcmd is the command "floorcoach log": the sessions played, as
// the journal (package journal) recorded them, with the week's practice and
// the streak, as text, JSON or CSV (write.go). It also names a session the
// way the journal keys it, for play --resume.
package logcmd
