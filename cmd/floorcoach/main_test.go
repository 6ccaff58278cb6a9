package main

import (
	"os"
	"testing"
)

// TestMain gives the tests their own cache of decoded clips, so they
// neither use nor fill the user's.
func TestMain(m *testing.M) {
	dir := ""
	if os.Getenv("FLOORCOACH_CACHE") == "" {
		if d, err := os.MkdirTemp("", "floorcoach-cache"); err == nil {
			dir = d
			os.Setenv("FLOORCOACH_CACHE", dir)
		}
	}
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
