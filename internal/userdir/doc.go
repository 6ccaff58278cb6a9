// Package userdir finds the user's base folders, where floorcoach keeps
// what is theirs: Data (voice packs) and State (the journal of sessions
// played). On Linux and other Unix systems they follow the XDG Base
// Directory specification ($XDG_DATA_HOME, else ~/.local/share;
// $XDG_STATE_HOME, else ~/.local/state); on macOS both are
// ~/Library/Application Support, on Windows %LocalAppData%.
//
// Each takes the system and the environment as arguments, so that tests
// can ask about any system: userdir.Data(runtime.GOOS, os.Getenv).
package userdir
