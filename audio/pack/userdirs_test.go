package pack

import (
	"path/filepath"
	"testing"

	"github.com/floorcoach/floorcoach/internal/userdir"
)

func TestDataHome(t *testing.T) {
	tests := []struct {
		goos string
		env  map[string]string
		want string // "" for an error
	}{
		{"linux", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/u"}, "/data"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative/is/ignored", "HOME": "/home/u"}, filepath.Join("/home/u", ".local", "share")},
		{"freebsd", map[string]string{"HOME": "/home/u"}, filepath.Join("/home/u", ".local", "share")},
		{"linux", map[string]string{}, ""},
		{"darwin", map[string]string{"HOME": "/Users/u", "XDG_DATA_HOME": "/data"}, filepath.Join("/Users/u", "Library", "Application Support")},
		{"windows", map[string]string{"LocalAppData": `C:\Users\u\AppData\Local`, "USERPROFILE": `C:\Users\u`}, `C:\Users\u\AppData\Local`},
		{"windows", map[string]string{"USERPROFILE": `C:\Users\u`}, ""},
	}
	for _, tt := range tests {
		got, err := userdir.Data(tt.goos, func(k string) string { return tt.env[k] })
		if (err != nil) != (tt.want == "") || err == nil && got != tt.want {
			t.Errorf("%s %v: %q, %v; want %q", tt.goos, tt.env, got, err, tt.want)
		}
	}
}

func TestPackNames(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	for _, name := range []string{"mine", "anna", "anna.v2", "Bob_3", "x-y"} {
		if d, err := UserDir(name); err != nil || d != filepath.Join("/data", "floorcoach", "voices", name) {
			t.Errorf("UserDir(%q) = %q, %v", name, d, err)
		}
	}
	for _, name := range []string{"", ".", "..", ".hidden", "a/b", `a\b`, "../x", "-rf", "~", "/abs"} {
		if IsName(name) {
			t.Errorf("IsName(%q) = true", name)
		}
		if _, err := UserDir(name); err == nil {
			t.Errorf("UserDir(%q): no error", name)
		}
	}
}
