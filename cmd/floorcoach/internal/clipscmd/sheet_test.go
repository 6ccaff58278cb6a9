package clipscmd

import "testing"

func TestMatchRecording(t *testing.T) {
	names := []string{"01-lift", "02-lower", "03-lift", "04-hold-it"}
	for file, want := range map[string]int{
		"01-lift.wav": 0, "03-lift.mp3": 2, "lift.wav": -1, "07-lift.wav": -1,
		"lower.wav": 1, "9-lower.wav": 1, "04-HOLD-IT.wav": 3, "hold it.wav": -1, "x.wav": -1,
	} {
		if got := matchRecording(file, names); got != want {
			t.Errorf("matchRecording(%q) = %d, want %d", file, got, want)
		}
	}
}
