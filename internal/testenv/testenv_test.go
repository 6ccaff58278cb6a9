package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// stopper records how a helper stopped a test, instead of stopping it.
type stopper struct {
	testing.TB
	how, msg string
}

func (s *stopper) Helper() {}

func (s *stopper) Fatalf(format string, args ...any) {
	s.how, s.msg = "fail", fmt.Sprintf(format, args...)
}

func (s *stopper) Skipf(format string, args ...any) {
	s.how, s.msg = "skip", fmt.Sprintf(format, args...)
}

func TestCI(t *testing.T) {
	for _, tt := range []struct {
		env  string
		want bool
	}{{"", false}, {"true", true}, {"1", true}, {"TRUE", true}, {"false", false}, {"0", false}, {"yes", false}} {
		t.Setenv("CI", tt.env)
		if got := CI(); got != tt.want {
			t.Errorf("CI=%q: CI() = %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestNeedTool(t *testing.T) {
	const absent = "floorcoach-no-such-program"
	for _, tt := range []struct {
		ci    string
		tools []string
		how   string
		msg   string
	}{
		{"", []string{"sh"}, "", ""},
		{"true", []string{"sh"}, "", ""},
		{"", []string{"sh", absent}, "skip", absent + " is not installed"},
		{"true", []string{absent, "sh"}, "fail", absent + " is not installed: CI must install it (see .ci/run)"},
	} {
		t.Setenv("CI", tt.ci)
		s := &stopper{TB: t}
		NeedTool(s, tt.tools...)
		if s.how != tt.how || s.msg != tt.msg {
			t.Errorf("CI=%q, NeedTool(%q): %s %q, want %s %q", tt.ci, tt.tools, s.how, s.msg, tt.how, tt.msg)
		}
	}
}

func TestNeedLong(t *testing.T) {
	for _, tt := range []struct{ env, how string }{{"", "skip"}, {"0", "skip"}, {"1", ""}, {"true", ""}} {
		t.Setenv("FLOORCOACH_LONG", tt.env)
		s := &stopper{TB: t}
		NeedLong(s, "plays for ten minutes")
		if s.how != tt.how {
			t.Errorf("FLOORCOACH_LONG=%q: %q %q, want %q", tt.env, s.how, s.msg, tt.how)
		}
	}
}

// WriteFile writes either kind of data to a TempPath, which is in a
// folder of its own.
func TestTempPathWriteFile(t *testing.T) {
	a, b := TempPath(t, "a.txt"), TempPath(t, "a.txt")
	if a == b || filepath.Base(a) != "a.txt" {
		t.Fatalf("TempPath gave %q and %q", a, b)
	}
	WriteFile(t, a, "text")
	WriteFile(t, b, []byte{0, 1})
	if got, err := os.ReadFile(a); err != nil || string(got) != "text" {
		t.Errorf("read %q, %v", got, err)
	}
	if got, err := os.ReadFile(b); err != nil || string(got) != "\x00\x01" {
		t.Errorf("read %q, %v", got, err)
	}
}
