package main

import (
	"encoding/binary"
	"io"
	"math"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/floorcoach/floorcoach/internal/testenv"
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

// TestDefaultPackDecodesAsFFmpeg decodes every tenth clip of the pack with
// go-mp3, as the player does, and with ffmpeg, and checks that both give
// the same samples: the same count (the LAME tag's delays and padding
// dropped alike) and no more difference than rounding (go-mp3 once garbled
// some rates and bitrates without an error).
func TestDefaultPackDecodesAsFFmpeg(t *testing.T) {
	testenv.NeedTool(t, "ffmpeg")
	dir := filepath.Join("..", "..", "audio", "pack", "voices", "default")
	clips, err := readLines(filepath.Join(dir, "lines.txt"))
	if err != nil {
		t.Fatal(err)
	}
	nameClips(clips)
	for i := 0; i < len(clips); i += 10 {
		path := filepath.Join(dir, clips[i].File)
		got, _, err := decodeClip(path)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("ffmpeg", "-v", "error", "-i", path, "-f", "f32le", "-ac", "1", "-").Output()
		if err != nil {
			t.Fatalf("ffmpeg %s: %v", path, err)
		}
		want := make([]float32, len(out)/4)
		for j := range want {
			want[j] = math.Float32frombits(binary.LittleEndian.Uint32(out[4*j:]))
		}
		if len(got) != len(want) {
			t.Errorf("%s: go-mp3 gives %d frames, ffmpeg %d", clips[i].File, len(got), len(want))
			continue
		}
		sig, diff := 0.0, 0.0
		for j := range got {
			sig += float64(want[j]) * float64(want[j])
			diff += float64(got[j]-want[j]) * float64(got[j]-want[j])
		}
		if snr := 10 * math.Log10(sig/diff); snr < 60 {
			t.Errorf("%s: go-mp3 and ffmpeg differ by %.1f dB below the signal, want 60 or more", clips[i].File, snr)
		}
	}
}
