package player

import (
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/scripts"
)

// FuzzBuild lays out any script Parse accepts: Build refuses it or makes a
// timeline of at most six hours and scripts.MaxCues events and spans; it
// never panics. Crashers found are kept in
// testdata/fuzz/FuzzBuild.
func FuzzBuild(f *testing.F) {
	for _, src := range []string{
		"title: T\nsteps: [{hold: 20-30s, sides: [left, right]}, {reps: 10-12, tempo: [1s, 2s], phases: [Up, Down], hold: 2s}]\n",
		"title: T\ndefaults: {ready: 0s, rest: 0s, remind: [halfway, 5s]}\nsteps:\n  - repeat: 3\n    steps: [{say: Breathe.}, {rest: 5s}, {hold: 10s}]\n",
		"title: T\nwarning: Careful.\nclosing: [Bye.]\nsteps:\n  - repeat: 100\n    steps:\n      - reps: 500\n        tempo: [0.001s]\n",
	} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s, err := scripts.Parse("fuzz.yaml", []byte(src))
		if err != nil {
			return
		}
		for _, l := range scripts.Levels {
			tl, err := Build(s, fixedVoice(700*time.Millisecond), Options{Level: l})
			if err != nil {
				continue
			}
			if n := len(tl.Events) + len(tl.Steps); n > scripts.MaxCues {
				t.Fatalf("%d events and spans at %s", n, l)
			}
			if tl.Length > int64(MaxLength.Seconds())*int64(tl.SampleRate) {
				t.Fatalf("a timeline of %d frames", tl.Length)
			}
		}
	})
}
