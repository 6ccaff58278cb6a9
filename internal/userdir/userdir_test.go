package userdir

import (
	"path/filepath"
	"testing"
)

func TestBaseFolders(t *testing.T) {
	for _, tt := range []struct {
		goos        string
		env         map[string]string
		data, state string
	}{
		{"linux", map[string]string{"HOME": "/h"}, "/h/.local/share", "/h/.local/state"},
		{"linux", map[string]string{"HOME": "/h", "XDG_DATA_HOME": "/d", "XDG_STATE_HOME": "/s"}, "/d", "/s"},
		{"linux", map[string]string{"HOME": "/h", "XDG_DATA_HOME": "rel", "XDG_STATE_HOME": "rel"}, "/h/.local/share", "/h/.local/state"},
		{"darwin", map[string]string{"HOME": "/Users/a"}, "/Users/a/Library/Application Support", "/Users/a/Library/Application Support"},
		{"windows", map[string]string{"LocalAppData": `C:\L`}, `C:\L`, `C:\L`},
	} {
		getenv := func(k string) string { return tt.env[k] }
		d, derr := Data(tt.goos, getenv)
		s, serr := State(tt.goos, getenv)
		if derr != nil || serr != nil || d != filepath.FromSlash(tt.data) && tt.goos != "windows" || s != filepath.FromSlash(tt.state) && tt.goos != "windows" {
			t.Errorf("%s %v: Data %q, %v; State %q, %v; want %q, %q", tt.goos, tt.env, d, derr, s, serr, tt.data, tt.state)
		}
	}
	if _, err := Data("linux", func(string) string { return "" }); err == nil {
		t.Error("Data without $HOME: no error")
	}
	if _, err := State("windows", func(string) string { return "" }); err == nil {
		t.Error("State without %LocalAppData%: no error")
	}
}
