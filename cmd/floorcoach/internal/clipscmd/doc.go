// Package clipscmd is the command "floorcoach clips": the voice clips a
// session needs, and the ways to fill a voice pack with them.
//
//	clips missing SESSION     the lines the voice has no clip for (command.go)
//	clips make SESSION        makes them with any TTS program (make.go, report.go)
//	clips record SESSION      records them at the microphone (record*.go)
//	clips sheet SESSION       a sheet to record them by hand (sheet.go)
//	clips add SESSION FOLDER  adds recordings made by hand (add.go)
//
// lines.go finds the lines a session speaks, with the place in the script
// that needs each. The commands share the SESSION argument, --voice and
// the usage errors of package cliapp.
package clipscmd
