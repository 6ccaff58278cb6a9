package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

func TestKeepBeforeBuzz(t *testing.T) {
	line := audiotest.Sine(300, 0.1, 0.5, rate)
	l, _ := speech.Loudness(line, rate, speech.Block)
	buzz := audiotest.Sine(280, 0.001, buzzSec, rate) // 40 dB down
	fricative := audiotest.Sine(5000, 0.05, buzzSec, rate)
	tests := []struct {
		name    string
		samples []float32
		want    int
	}{
		{"buzz dropped", slices.Concat(line, make([]float32, rate/10), buzz), len(line) + rate/10},
		{"fricative kept", slices.Concat(line, fricative), len(line) + len(fricative)},
		{"too short", buzz[:len(buzz)/2], len(buzz) / 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keepBeforeBuzz(tt.samples, l); got != tt.want {
				t.Errorf("keep %d of %d samples, want %d", got, len(tt.samples), tt.want)
			}
		})
	}
}

// TestRun makes a small pack from scratch, as the default pack is made,
// and checks it as -check does: each clip decodes, as the player decodes
// it, to speech at the target loudness, peaks held down, the quiet at its
// ends trimmed. It checks the recipe shared with "clips make" (package
// speech) together with lame's coding and the decoder.
func TestRun(t *testing.T) {
	testenv.NeedTool(t, "lame", "flite")
	dir := t.TempDir()
	lines := filepath.Join(dir, "lines.txt")
	if err := os.WriteFile(lines, []byte("Knee hug\nSwitch sides.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := options{lines: lines, out: filepath.Join(dir, "pack"), jobs: 2}
	if err := run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	o.check = true
	if err := run(context.Background(), o); err != nil {
		t.Errorf("the pack made fails its check: %v", err)
	}
}
