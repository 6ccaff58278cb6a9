package main

import (
	"io"
	"path/filepath"
	"testing"
)

// TestDefaultPack checks the pack in the repository as -check does: every
// line of lines.txt has its clip, voice.yaml lists them all, and every clip
// decodes with go-mp3 to a sound of the right loudness, peak and length,
// without long silence at either end.
func TestDefaultPack(t *testing.T) {
	dir := filepath.Join("..", "..", "audio", "pack", "voices", "default")
	clips, err := readLines(filepath.Join(dir, "lines.txt"))
	if err != nil {
		t.Fatal(err)
	}
	nameClips(clips)
	if err := checkPack(io.Discard, dir, clips); err != nil {
		t.Error(err)
	}
}
