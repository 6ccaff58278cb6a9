package testenv

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// CI reports whether the tests run in continuous integration: the
// environment variable CI holds a true value ("true", "1"…), as CI
// services and .ci/run set it.
func CI() bool {
	ci, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && ci
}

// NeedTool stops t unless every program named is on PATH: it fails the
// test in CI and skips it elsewhere.
func NeedTool(t testing.TB, names ...string) {
	t.Helper()
	var missing []string
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		Missing(t, strings.Join(missing, ", "))
	}
}

// Missing stops t for want of what, a program or package the test needs:
// it fails the test in CI, which must install it (.ci/run lists what it
// installs), and skips it elsewhere.
func Missing(t testing.TB, what string) {
	t.Helper()
	if CI() {
		t.Fatalf("%s is not installed: CI must install it (see .ci/run)", what)
		return
	}
	t.Skipf("%s is not installed", what)
}

// Long reports whether long measurements were asked for, with
// FLOORCOACH_LONG set to a true value.
func Long() bool {
	long, err := strconv.ParseBool(os.Getenv("FLOORCOACH_LONG"))
	return err == nil && long
}

// NeedLong skips t, saying why it is long, unless FLOORCOACH_LONG asks for
// long measurements.
func NeedLong(t testing.TB, why string) {
	t.Helper()
	if !Long() {
		t.Skipf("%s: set FLOORCOACH_LONG=1 to run it", why)
	}
}
