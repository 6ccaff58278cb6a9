// Package doctorcmd is the command "floorcoach doctor": one line per check
// of what live play and the voice commands need on this machine (the sound
// server and its start-up latency, the session bus for media keys, the
// voice packs, the text-to-speech commands, the settings, library and cache
// folders), with the fix for what fails (doctor_checks.go,
// doctor_voices.go). It exits 0 when play would work.
package doctorcmd
