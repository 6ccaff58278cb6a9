package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// TempPath returns the path of a file called name in a new temporary
// folder, which is removed when the test ends; the file is not created.
func TempPath(t testing.TB, name string) string {
	t.Helper()
	return filepath.Join(t.TempDir(), name)
}

// WriteFile writes data to the file at path, readable by all (0644), and
// fails the test if it cannot: a test's own input must be there.
func WriteFile[D string | []byte](t testing.TB, path string, data D) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
