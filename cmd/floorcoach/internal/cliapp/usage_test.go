package cliapp

import (
	"errors"
	"testing"
)

// urfave/cli's error for required flags left out, worded as ours are.
func TestRequired(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`Required flag "tts" not set`, "--tts is required"},
		{`Required flags "output, tts" not set`, "--output and --tts are required"},
		{"no such file", "no such file"},
	} {
		err := Required(errors.New(tc.in))
		if err.Error() != tc.want {
			t.Errorf("Required(%q) = %q, want %q", tc.in, err, tc.want)
		}
		if _, usage := err.(UsageError); usage != (tc.in != tc.want) {
			t.Errorf("Required(%q): usage error %v", tc.in, usage)
		}
	}
}
