package pack

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/floorcoach/floorcoach/audio/decode"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lie on your back.", "lie-on-your-back"},
		{"Child’s pose", "childs-pose"},
		{"Lie on your back on a firm surface. Keep the other knee bent.", "lie-on-your-back-on-a-firm-surface-keep"},
		{"Étirement — doux", "étirement-doux"},
		{"'; rm -rf ~; echo '", "rm-rf-echo"},
		{"../../etc/passwd", "etc-passwd"},
		{strings.Repeat("a", 50), strings.Repeat("a", 40)},
		{"?!", "line"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A new pack is made with a voice.yaml that extends the default pack; the
// clips added to it load back as they were written, and voice.yaml keeps
// its comments.
func TestPackWriter(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "anna")
	w, err := OpenWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	tone := audiotest.Sine(440, 0.5, 0.25, 16000)
	var wg sync.WaitGroup
	for _, text := range []string{"Lift.", "Lower.", "Hold it there."} {
		wg.Go(func() {
			if _, err := w.Add(text, tone, 16000); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if file, err := w.Add("Lift", tone, 16000); err == nil {
		t.Errorf("a line added twice: written to %s", file)
	}
	w.Close()
	v, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := v.Sound("hold it there")
	if err != nil || s.Len() != decode.ResampledLen(int64(len(tone)), 16000) {
		t.Fatalf("the clip added: %v", err)
	}
	checkSine(t, s.Samples, 440, 0.5)
	if !v.Has("One.") {
		t.Error("a new pack does not extend the default pack")
	}
}

// A pack opened again knows its lines, keeps its comments, and never
// overwrites a file already in its clips folder.
func TestPackWriterReopens(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "anna")
	w, err := OpenWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	tone := audiotest.Sine(440, 0.5, 0.25, 16000)
	w.Add("Lift.", tone, 16000)
	os.WriteFile(filepath.Join(dir, "clips", "rest.wav"), []byte("the user's own file"), 0o644)
	w.Close()
	if w, err = OpenWriter(dir); err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !w.Has("lift") || w.Has("rest") {
		t.Error("Has: the pack's lines are not what was added")
	}
	file, err := w.Add("Rest.", tone, 16000)
	if err != nil || !strings.HasPrefix(file, "clips/rest-") {
		t.Errorf("Add(Rest.) = %q, %v; want a name other than the existing clips/rest.wav", file, err)
	}
	yaml, _ := os.ReadFile(filepath.Join(dir, "voice.yaml"))
	for _, want := range []string{"# A voice pack: each line's", `name: "anna"`, "extends: default", `  "Lift.": clips/lift.wav`, `  "Rest.": ` + file} {
		if !strings.Contains(string(yaml), want) {
			t.Errorf("voice.yaml lacks %q:\n%s", want, yaml)
		}
	}
}

// A folder that is not a pack and not empty is refused; writing never
// follows a link out of the pack.
func TestPackWriterStaysInside(t *testing.T) {
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, "notes.txt"), []byte("mine"), 0o644)
	if _, err := OpenWriter(home); err == nil || !strings.Contains(err.Error(), "is not a voice pack (no voice.yaml) and not empty") {
		t.Errorf("OpenWriter of a folder of other files: %v", err)
	}
	if _, err := os.Stat(filepath.Join(home, "voice.yaml")); err == nil {
		t.Error("voice.yaml written into a folder of other files")
	}
	pack, outside := filepath.Join(t.TempDir(), "p"), t.TempDir()
	w, err := OpenWriter(pack)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	symlink(t, outside, filepath.Join(pack, "clips"))
	if _, err := w.Add("Lift.", audiotest.Sine(440, 0.5, 0.2, 16000), 16000); err == nil {
		t.Error("Add wrote through a link out of the pack")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("files written outside the pack: %v", entries)
	}
}

// A hand-written voice.yaml keeps its comments and its own lines.
func TestPackWriterKeepsComments(t *testing.T) {
	dir := writePack(t, t.TempDir(), "# Anna's voice, recorded 2026.\nname: anna # the physio\nclips: {\"Hold.\": hold.wav} # by hand\n", "hold.wav")
	w, err := OpenWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Add("Lift.", audiotest.Sine(440, 0.5, 0.2, 16000), 16000); err != nil {
		t.Fatal(err)
	}
	yaml, _ := os.ReadFile(filepath.Join(dir, "voice.yaml"))
	want := "# Anna's voice, recorded 2026.\nname: anna # the physio\nclips: # by hand\n  \"Hold.\": hold.wav\n  \"Lift.\": clips/lift.wav\n"
	if string(yaml) != want {
		t.Errorf("voice.yaml:\n%s\nwant:\n%s", yaml, want)
	}
	if v, err := OpenDir(dir); err != nil || !v.Has("hold") || !v.Has("lift") || v.Has("one") {
		t.Errorf("the pack after Add: %v", err)
	}
}

// Writers of one pack at once, each with its own view of it (as two
// processes have), keep every line any of them adds; a line both add is
// kept once.
func TestWritersAtOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	tone := audiotest.Sine(440, 0.5, 0.1, 16000)
	const writers, lines = 4, 12
	var ws []*Writer
	for range writers {
		w, err := OpenWriter(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		ws = append(ws, w)
	}
	var wg sync.WaitGroup
	for i, w := range ws {
		wg.Go(func() {
			for j := range lines {
				if _, err := w.Add(fmt.Sprintf("Writer %d line %d.", i, j), tone, 16000); err != nil {
					t.Error(err)
				}
				if _, err := w.Add(fmt.Sprintf("Everyone's line %d.", j), tone, 16000); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	v, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(v.clips), writers*lines+lines; got != want {
		t.Errorf("the pack has %d lines, want %d", got, want)
	}
	for _, text := range v.Texts() {
		if _, err := v.Probe(text); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// A voice.yaml with a mistake is not written to: OpenWriter says where the
// mistake is, as Load does, and leaves the file as it was.
func TestPackWriterRefusesAMistake(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "voice.yaml")
	broken := "name: mine\nclips:\n  a: a.wav\n   b: c\n"
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWriter(dir)
	if err == nil {
		w.Close()
		t.Fatal("OpenWriter accepted a voice.yaml that is not YAML")
	}
	if want := file + ":4:4: not valid YAML: "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("OpenWriter: %v, want it to start %q", err, want)
	}
	if data, _ := os.ReadFile(file); string(data) != broken {
		t.Errorf("voice.yaml changed to %q", data)
	}
}
