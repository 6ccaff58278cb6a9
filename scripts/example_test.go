package scripts_test

import (
	"fmt"

	"github.com/floorcoach/floorcoach/scripts"
)

func ExampleParse() {
	src := `title: Morning
defaults:
  rest: 10-20s
steps:
  - name: Knee hug
    hold: 20-30s
    sides: [right, left]
  - name: Bridge
    reps: 10-12
    phases: [Up, Down]
`
	s, err := scripts.Parse("morning.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range s.Steps {
		fmt.Printf("%s: hold %v, reps %d, rest %v, sides %v\n", st.Name,
			st.Hold.At(scripts.Standard), st.Reps.At(scripts.Standard), st.Rest.At(scripts.Full), st.Sides)
	}
	// Output:
	// Knee hug: hold 25s, reps 0, rest 20s, sides [right left]
	// Bridge: hold 0s, reps 11, rest 20s, sides []
}

func ExampleParse_errors() {
	src := `title: Morning
steps:
  - name: Knee hug
    hodl: 30s
  - name: Bridge
    reps: 501
    tempo: [2s, -1s]
`
	_, err := scripts.Parse("morning.yaml", []byte(src))
	fmt.Println(err)
	// Output:
	// morning.yaml:4:5: unknown key "hodl" in step (did you mean "hold"?; valid: name, say, during, after, hold, reps, tempo, phases, sides, rest, ready, ticks, remind, count, switch, quiet, every, repeat, steps)
	// morning.yaml:6:11: reps: 501 is over the limit (want 1 to 500)
	// morning.yaml:7:17: tempo: "-1s" is not a duration (want e.g. 2s, 1m30s, 2m)
}

func ExampleFormat() {
	s, err := scripts.Parse("short.yaml", []byte("title: Short\nsteps: [{hold: 90, sides: [left]}]\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(scripts.Format(s)))
	// Output:
	// title: Short
	// level: standard
	// steps:
	//   - hold: 1m30s
	//     sides: [left]
}
