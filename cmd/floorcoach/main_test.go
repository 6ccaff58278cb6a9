package main

import (
	"fmt"
	"os"
	"testing"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
)

// TestMain gives the tests their own cache of decoded clips, so they
// neither use nor fill the user's, and their own state folder, so that
// the sessions they play are not written to the user's journal.
// cacheOfTheTests is the cache of decoded clips the tests share, made for
// this run of them; "" when FLOORCOACH_CACHE named one already.
var cacheOfTheTests string

func TestMain(m *testing.M) {
	dir := ""
	if os.Getenv("FLOORCOACH_CACHE") == "" {
		if d, err := os.MkdirTemp("", "floorcoach-cache"); err == nil {
			dir, cacheOfTheTests = d, d
			os.Setenv("FLOORCOACH_CACHE", dir)
		}
	}
	state, err := os.MkdirTemp("", "floorcoach-state")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_STATE_HOME", state)
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.RemoveAll(state)
	os.Exit(code)
}

// loadTestPlan loads a session by name or path and lays it out in the
// default voice at the script's level, as the commands do.
func loadTestPlan(tb testing.TB, name string) *plan {
	tb.Helper()
	s, err := scripts.Load(name)
	if err != nil {
		tb.Fatal(err)
	}
	v, err := pack.Default()
	if err != nil {
		tb.Fatal(err)
	}
	tl, err := player.Build(s, v, player.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return &plan{session: s, voice: v, timeline: tl}
}
