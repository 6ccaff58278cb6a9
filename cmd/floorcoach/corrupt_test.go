//go:build linux

package main

import (
	"bytes"
	bin "encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corruptPack writes a pack with a good clip and two damaged ones: a WAV
// whose block align is zero, and one whose data chunk declares 599 s at
// 384 kHz. It returns the pack's folder.
func corruptPack(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "bad")
	writeTone(t, filepath.Join(p, "good.wav"), 0.3)
	writeTone(t, filepath.Join(p, "align.wav"), 0.3)
	data, _ := os.ReadFile(filepath.Join(p, "align.wav"))
	bin.LittleEndian.PutUint16(data[32:], 0) // block align
	os.WriteFile(filepath.Join(p, "align.wav"), data, 0o644)
	huge := bytes.Clone(data[:1024])
	bin.LittleEndian.PutUint32(huge[24:], 384000)
	bin.LittleEndian.PutUint16(huge[32:], 2)
	bin.LittleEndian.PutUint32(huge[40:], 599*384000*2)
	os.WriteFile(filepath.Join(p, "huge.wav"), huge, 0o644)
	os.WriteFile(filepath.Join(p, "voice.yaml"), []byte("name: bad\nclips:\n"+
		"  \"Breathe in.\": good.wav\n  \"Breathe out.\": align.wav\n  \"Hold it.\": huge.wav\n"), 0o644)
	return p
}

// A damaged clip is an error naming its file wherever it is met: check
// names each one, and no command counts it as a missing line first.
func TestCorruptClips(t *testing.T) {
	dir := t.TempDir()
	p := corruptPack(t, dir)
	script := tempFile(t, "s.yaml", "title: T\nsteps:\n  - say: [Breathe in., Breathe out., Hold it.]\n")
	env := []string{"XDG_DATA_HOME=" + filepath.Join(dir, "data"), "FLOORCOACH_CACHE=" + filepath.Join(dir, "cache")}
	recs := filepath.Join(dir, "recs")
	os.MkdirAll(recs, 0o755)
	data, _ := os.ReadFile(filepath.Join(p, "align.wav"))
	os.WriteFile(filepath.Join(recs, "02-breathe-out.wav"), data, 0o644)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	align := `align.wav": block align 0 (want 2 for 1 channels of 16 bits)`
	huge := `huge.wav": sample rate 384000 Hz (want 1000 to 192000)`
	cases := []struct {
		name string
		args []string
		want []string // each in stderr
	}{
		{"check --voice", []string{"check", script, "--voice", p}, []string{align, huge}},
		{"check --voice --strict", []string{"check", script, "--voice", p, "--strict"}, []string{align, huge}},
		{"show", []string{"show", script, "--voice", p}, []string{align, huge}},
		{"export", []string{"export", script, "--voice", p, "-o", filepath.Join(out, "s.wav")}, []string{align, huge}},
		{"play", []string{"play", script, "--voice", p}, []string{align, huge}},
		{"clips add", []string{"clips", "add", script, recs, "--into", filepath.Join(dir, "mine"), "-q"}, []string{`02-breathe-out.wav": block align 0`}},
		{"clips make", []string{"clips", "make", script, "--into", filepath.Join(dir, "made"), "--tts", "cp " + sq(filepath.Join(p, "align.wav")) + " {out}"},
			[]string{"block align 0", "4 of 4 lines failed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runHostile(t, 400, env, c.args...)
			if r.code != exitFail {
				t.Errorf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if strings.Contains(r.stderr, "soft tone") || strings.Contains(r.stdout, "have no clip") || strings.Contains(r.stdout, "ok  ") {
				t.Errorf("a damaged clip was counted as a missing line:\n%s%s", r.stdout, r.stderr)
			}
		})
	}
	assertEmpty(t, out)
}
