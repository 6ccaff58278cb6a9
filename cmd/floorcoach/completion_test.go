package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/completion"
)

// userFolders gives the test a library with one script of its own (hips)
// and one voice pack (anna), and returns the folder it runs in, which
// holds a script, a text file and a folder.
func userFolders(t *testing.T) string {
	t.Helper()
	cfg, data := t.TempDir(), t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("FLOORCOACH_PATH", "")
	sessions := filepath.Join(cfg, "floorcoach", "sessions")
	pack := filepath.Join(data, "floorcoach", "voices", "anna")
	for _, d := range []string{sessions, pack} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(sessions, "hips.yaml"), []byte("title: Hips\nsteps:\n  - {name: Pigeon, hold: 20s}\n  - {name: Frog, hold: 20s}\n  - {name: Lizard, hold: 20s}\n"), 0o644)
	os.WriteFile(filepath.Join(pack, "voice.yaml"), []byte("name: anna\n"), 0o644)
	cwd := t.TempDir()
	os.WriteFile(filepath.Join(cwd, "neck.yaml"), []byte("title: Neck\nsteps:\n  - {name: Tilt, hold: 10s}\n"), 0o644)
	os.WriteFile(filepath.Join(cwd, "notes.txt"), nil, 0o644)
	os.Mkdir(filepath.Join(cwd, "routines"), 0o755)
	return cwd
}

// The hidden command the shells call offers, for each place on a command
// line, exactly what may go there, and says which files the shell should
// add.
func TestCompleteWords(t *testing.T) {
	cwd := userFolders(t)
	t.Chdir(cwd)
	for _, tc := range []struct {
		line  string // the words typed; the last one is under the cursor
		files string
		want  string // the candidates, space-separated
	}{
		{"''", "none", "list show check play export clips voices new schema log doctor completion help"},
		{"pl", "none", "play"},
		{"play ''", "scripts", "demo lower-back hips"},
		{"play l", "scripts", "lower-back"},
		{"play demo ''", "none", ""},
		{"play --level ''", "none", "gentle standard full"},
		{"play lower-back --level ''", "none", "gentle standard full"},
		{"play --level g", "none", "gentle"},
		{"play --level=''", "none", "--level=gentle --level=standard --level=full"},
		{"play --level=f", "none", "--level=full"},
		{"export demo --format ''", "none", "wav mp3 flac"},
		{"export demo -f ''", "none", "wav mp3 flac"},
		{"export demo -o ''", "files", ""},
		{"play --voice ''", "folders", "default anna"},
		{"clips make hips --into ''", "folders", "default anna"},
		{"play hips --from ''", "none", "1 2 3"},
		{"play --from ''", "none", ""}, // no session yet: nothing to number
		{"play neck.yaml --from ''", "none", "1"},
		{"play --volume ''", "none", ""},
		{"check ''", "files", ""},
		{"check a.yaml ''", "files", ""},
		{"clips ''", "none", "missing make record sheet add"},
		{"clips add hips ''", "folders", ""},
		{"completion ''", "none", "bash zsh fish man"},
		{"help ''", "none", "list show check play export clips voices new schema log doctor completion"},
		{"log --''", "none", "--last --since --json --csv --help"},
		{"log --json --''", "none", "--last --since --csv --help"},
		{"play demo --st", "none", "--strict"},
		{"show -- ''", "scripts", "demo lower-back hips"},
		{"-''", "none", "--help --version"},
		{"nosuch ''", "none", ""},
	} {
		t.Run(tc.line, func(t *testing.T) {
			words := strings.Fields(tc.line)
			for i := range words {
				words[i] = strings.TrimSuffix(words[i], "''")
			}
			code, out, stderr := runApp(t, append([]string{completion.HiddenCommand}, words...)...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			var got []string
			for _, l := range lines[1:] {
				value, _, _ := strings.Cut(l, "\t")
				got = append(got, value)
			}
			if lines[0] != tc.files || strings.Join(got, " ") != tc.want {
				t.Errorf("files %q, candidates %q; want %q, %q", lines[0], strings.Join(got, " "), tc.files, tc.want)
			}
		})
	}
}

// Candidates come with what they are, on one line each, whatever the
// script's title holds (the parser refuses control characters in text but
// tabs and line breaks; those come escaped).
func TestCompleteDescriptions(t *testing.T) {
	cwd := userFolders(t)
	t.Chdir(cwd)
	os.WriteFile("odd.yaml", []byte("title: \"Odd\\ttitle\\nhere\"\nsteps:\n  - {name: \"A\\tB\", hold: 5s}\n"), 0o644)
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{[]string{"play", ""}, "lower-back\tLower back relief\n"},
		{[]string{"play", "--level", ""}, "gentle\tthe low end of every range\n"},
		{[]string{"play", "odd.yaml", "--from", ""}, "1\tA\\tB\n"},
		{[]string{"play", "--fr"}, "--from\tstart at step N, as 'floorcoach show' numbers them\n"},
	} {
		_, out, _ := runApp(t, append([]string{completion.HiddenCommand}, tc.words...)...)
		if !strings.Contains(out, tc.want) {
			t.Errorf("%q: got\n%s\nwant a line %q", tc.words, out, tc.want)
		}
	}
}
