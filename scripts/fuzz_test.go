package scripts

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse never panics, and that a script it accepts
// formats to a script that parses to the same session. Crashers found are
// kept in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("builtin", "*.yaml"))
	examples, _ := filepath.Glob(filepath.Join(examplesDir, "*.yaml"))
	for _, file := range append(files, examples...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, tc := range badScripts {
		if len(tc.src) < 4096 {
			f.Add([]byte(tc.src))
		}
	}
	f.Add([]byte("title: x\nsteps: [{hold: 1.5-2m, sides: [left]}, {reps: '3', tempo: [1, 0.5]}]\n"))
	f.Add([]byte("title: x\nwarning: [a, b]\ndefaults: {switch: 0, every: 12s, quiet: true}\nsteps:\n" +
		"  - hold: 40s\n    sides: [left, right]\n    say:\n      - \"{Side} up, {other} down.\"\n    during: Keep the {other} still.\n    after: Slowly.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data)
		if err != nil {
			if s != nil {
				t.Fatalf("Parse returned a session and %v", err)
			}
			return
		}
		roundTrip(t, data)
	})
}
