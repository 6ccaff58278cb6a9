package manpage

import "testing"

func TestEscape(t *testing.T) {
	for _, tc := range []struct {
		in      string
		literal bool
		want    string
	}{
		{"plain text", false, "plain text"},
		{".starts with a dot", false, `\&.starts with a dot`},
		{"'quoted' words", false, `\&'quoted' words`},
		{"--level and lower-back", false, `\-\-level and lower-back`},
		{"play lower-back --from 4", true, `play lower\-back \-\-from 4`},
		{`a \ backslash`, false, `a \e backslash`},
		{"it's", true, `it\(aqs`},
		{"n or →, café", false, `n or \[u2192], caf\[u00E9]`},
		{"tab\there\x1b[2J", false, "tab        here [2J"},
	} {
		if got := Escape(tc.in, tc.literal); got != tc.want {
			t.Errorf("Escape(%q, %v) = %q, want %q", tc.in, tc.literal, got, tc.want)
		}
	}
}
