package completion

import "testing"

func TestArgAt(t *testing.T) {
	for _, tc := range []struct {
		usage string
		i     int
		want  string
	}{
		{"SESSION", 0, "SESSION"},
		{"SESSION", 1, ""},
		{"SESSION FOLDER", 1, "FOLDER"},
		{"FILE...", 3, "FILE"},
		{"[NAME]", 0, "NAME"},
		{"[FILE...]", 2, "FILE"},
		{"", 0, ""},
	} {
		if got := argAt(tc.usage, tc.i); got != tc.want {
			t.Errorf("argAt(%q, %d) = %q, want %q", tc.usage, tc.i, got, tc.want)
		}
	}
}
