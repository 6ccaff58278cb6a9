// Package completion is the command "floorcoach completion": the bash, zsh
// and fish completion scripts (in shells/), and the manual page.
//
// The scripts ask floorcoach itself what may come next, through the hidden
// command __complete (words.go): commands, flags, their values (levels,
// formats, voice packs, the steps of --from, in values.go) and session
// names, read from the app as it is built, so they stay right as commands
// change.
package completion
