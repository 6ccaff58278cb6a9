package pack

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

// writePack writes a pack folder: its voice.yaml and, for each file named,
// a WAV of 0.1 s of a 440 Hz sine at 16 kHz.
func writePack(t *testing.T, dir, yaml string, files ...string) string {
	t.Helper()
	for _, f := range append(files, "voice.yaml") {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, filepath.FromSlash(f))), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), encode.MonoWAV(audiotest.Sine(440, 0.5, 0.1, 16000), 16000), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "voice.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// A pack's files cannot be outside its folder: not by .., not by an
// absolute path, not through a symbolic link to a file or a folder.
func TestPackCannotLeaveItsFolder(t *testing.T) {
	base := t.TempDir()
	sibling := writePack(t, filepath.Join(base, "sibling"), "clips: {}\n", "secret.wav")
	tests := []struct {
		name  string
		setup func(pack string)
		yaml  string
		want  string
	}{
		{"dot dot", nil, `clips: {"a": ../sibling/secret.wav}`, "must stay inside the pack folder"},
		{"absolute", nil, `clips: {"a": "` + filepath.ToSlash(filepath.Join(sibling, "secret.wav")) + `"}`, "must be relative to the pack folder"},
		{"link to /etc/passwd", func(p string) { symlink(t, "/etc/passwd", filepath.Join(p, "a.wav")) },
			`clips: {"a": a.wav}`, `open a.wav: links to a file outside the pack folder`},
		{"link to a sibling's file", func(p string) { symlink(t, filepath.Join(sibling, "secret.wav"), filepath.Join(p, "a.wav")) },
			`clips: {"a": a.wav}`, `open a.wav: links to a file outside the pack folder`},
		{"relative link out", func(p string) { symlink(t, "../../sibling/secret.wav", filepath.Join(p, "lines", "a.wav")) },
			`clips: {"a": lines/a.wav}`, `open lines/a.wav: links to a file outside the pack folder`},
		{"link to a folder out", func(p string) { symlink(t, sibling, filepath.Join(p, "lines")) },
			`clips: {"a": lines/secret.wav}`, `open lines/secret.wav: links to a file outside the pack folder`},
		{"voice.yaml linked out", func(p string) { symlink(t, filepath.Join(sibling, "voice.yaml"), filepath.Join(p, "voice.yaml")) },
			"", `open voice.yaml: links to a file outside the pack folder`},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pack := filepath.Join(base, "pack"+string(rune('a'+i)))
			os.MkdirAll(pack, 0o755)
			if tt.setup != nil {
				tt.setup(pack)
			}
			if tt.yaml != "" {
				os.WriteFile(filepath.Join(pack, "voice.yaml"), []byte(tt.yaml), 0o644)
			}
			v, err := OpenDir(pack)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("OpenDir = %v, %v; want an error containing %q", v, err, tt.want)
			}
		})
	}
}

// A link that stays inside the pack is fine; one made into a way out after
// the pack was loaded is refused when the clip is read.
func TestPackLinksInside(t *testing.T) {
	pack := writePack(t, t.TempDir(), `clips: {"a": a.wav, "b": lines/b.wav}`, "real.wav", "a.wav")
	symlink(t, "../real.wav", filepath.Join(pack, "lines", "b.wav"))
	v, err := OpenDir(pack)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := v.Sound("b"); err != nil || s.Len() != 4410 {
		t.Fatalf("a clip linked inside the pack: %v", err)
	}
	outside := writePack(t, t.TempDir(), "clips: {}\n", "x.wav")
	os.Remove(filepath.Join(pack, "a.wav"))
	symlink(t, filepath.Join(outside, "x.wav"), filepath.Join(pack, "a.wav"))
	_, err = v.Sound("a")
	if err == nil || !strings.Contains(err.Error(), "links to a file outside the pack folder") || !strings.Contains(err.Error(), pack) {
		t.Errorf("Sound of a clip swapped for a link out: %v", err)
	}
}

// A corrupt clip of a pack on disk is an error naming the file and the pack.
func TestPackCorruptClip(t *testing.T) {
	pack := writePack(t, t.TempDir(), `clips: {"Broken.": lines/bad.wav, "Text.": notes.mp3}`)
	os.MkdirAll(filepath.Join(pack, "lines"), 0o755)
	os.WriteFile(filepath.Join(pack, "lines", "bad.wav"), []byte("RIFF, but then nothing like a WAV file"), 0o644)
	os.WriteFile(filepath.Join(pack, "notes.mp3"), []byte("a text file, not an MP3\n"), 0o644)
	v, err := OpenDir(pack)
	if err != nil {
		t.Fatal(err)
	}
	for text, file := range map[string]string{"broken": "lines/bad.wav", "text": "notes.mp3"} {
		want := `audio: decode clip "` + file + `": `
		if _, err := v.Sound(text); err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "(in voice pack "+pack+")") {
			t.Errorf("Sound(%q) error = %v\nwant %q… naming the pack", text, err, want)
		}
		if _, err := v.Probe(text); err == nil || errors.Is(err, ErrNoClip) {
			t.Errorf("Probe(%q) error = %v, want a decode error", text, err)
		}
	}
}

// A pack extends one of the user's packs by name, which extends a folder
// relative to it, which extends the default pack: each line comes from the
// nearest pack that has it, the numbers from the default pack.
func TestExtendsChain(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	users := filepath.Join(data, "floorcoach", "voices")
	writePack(t, filepath.Join(users, "anna"), "extends: ../base\nclips: {\"Lift.\": lift.wav}\n", "lift.wav")
	writePack(t, filepath.Join(users, "base"), "extends: default\nclips: {\"Lower.\": lower.wav, \"Lift.\": other.wav}\n", "lower.wav", "other.wav")
	top := writePack(t, filepath.Join(t.TempDir(), "top"), "name: top\nextends: anna\nclips: {\"Hold.\": hold.wav}\n", "hold.wav")
	v, err := OpenDir(top)
	if err != nil {
		t.Fatal(err)
	}
	def, _ := Default()
	for text, pack := range map[string]string{"hold": top, "lift": filepath.Join(users, "anna"), "lower": filepath.Join(users, "base")} {
		if c, p := v.find(text); c == nil || p.Dir != pack {
			t.Errorf("%q comes from %v, want the pack in %s", text, p, pack)
		}
	}
	for _, text := range []string{"One.", "Twelve.", "Get ready."} {
		n, ok := v.Length(text)
		want, wantOK := def.Length(text)
		if !ok || !wantOK || n != want {
			t.Errorf("%q: %d frames (ok %v), want the default pack's %d (ok %v)", text, n, ok, want, wantOK)
		}
	}
	if named, err := Open("anna"); err != nil || !named.Has("lower") || named.Name != "anna" {
		t.Errorf("Open(anna) = %v, %v", named, err)
	}
}

func TestExtendsCycleAndDepth(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	writePack(t, filepath.Join(dir, "a"), "extends: ../b\n")
	writePack(t, filepath.Join(dir, "b"), "extends: ../a\n")
	_, err := OpenDir(filepath.Join(dir, "a"))
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if want := `extends "../a": a cycle: ` + a + " → " + b + " → " + a; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("cycle: error %v\nwant one containing %s", err, want)
	}
	for i := range 6 { // p0 extends p1 … p4 extends p5, which extends default
		ext := "../p" + string(rune('1'+i))
		if i == 5 {
			ext = "default"
		}
		writePack(t, filepath.Join(dir, "p"+string(rune('0'+i))), "extends: "+ext+"\n")
	}
	if _, err := OpenDir(filepath.Join(dir, "p1")); err != nil {
		t.Errorf("four packs deep: %v", err)
	}
	if _, err := OpenDir(filepath.Join(dir, "p0")); err == nil || !strings.Contains(err.Error(), "packs extend packs more than 4 deep") {
		t.Errorf("five packs deep: error %v", err)
	}
}

func TestOpenVoice(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	for _, ref := range []string{"", "default"} {
		if v, err := Open(ref); err != nil || v.Name != "default" {
			t.Errorf("Open(%q) = %v, %v; want the default pack", ref, v, err)
		}
	}
	writePack(t, filepath.Join(data, "floorcoach", "voices", "mine"), "clips: {\"A\": a.wav}\n", "a.wav")
	folder := writePack(t, filepath.Join(t.TempDir(), "anna"), "clips: {\"B\": b.wav}\n", "b.wav")
	if v, err := Open("mine"); err != nil || !v.Has("a") || v.Name != "mine" {
		t.Errorf("Open(mine) = %v, %v", v, err)
	}
	if v, err := Open(folder); err != nil || !v.Has("b") || v.Dir != folder {
		t.Errorf("Open(folder) = %v, %v", v, err)
	}
	_, err := Open("anna")
	if want := `audio: no voice pack "anna": not a folder here, and not in ` + filepath.Join(data, "floorcoach", "voices") + " (yours: mine)"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Open(anna) error = %v\nwant %s…", err, want)
	}
	if _, err := Open(t.TempDir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open of a folder with no voice.yaml: %v", err)
	}
}
