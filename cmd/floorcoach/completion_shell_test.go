package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

// shellCase is a command line typed up to the cursor, and what a Tab
// there must offer: exactly these words, in any order (folders without
// their trailing slash).
type shellCase struct {
	line string
	want []string
	fish []string // where fish offers otherwise: whole words for --flag=value
}

func shellCases() []shellCase {
	return []shellCase{
		{line: "floorcoach play --level ", want: []string{"gentle", "standard", "full"}},
		{line: "floorcoach export demo --format ", want: []string{"wav", "mp3", "flac"}},
		{line: "floorcoach play demo --voice ", want: []string{"default", "anna", "routines"}},
		{line: "floorcoach check ", want: []string{"neck.yaml", "notes.txt", "routines"}},
		{line: "floorcoach play ", want: []string{"demo", "lower-back", "hips", "neck.yaml", "routines"}},
		{line: "floorcoach play hips --from ", want: []string{"1", "2", "3"}},
		{line: "floorcoach clips ", want: []string{"missing", "make", "record", "sheet", "add"}},
		{line: "floorcoach pl", want: []string{"play"}},
		{line: "floorcoach play --level=f", want: []string{"full"}, fish: []string{"--level=full"}},
		{line: "floorcoach play demo --volume ", want: nil},
	}
}

// shellEnv readies a test of a shell's completion: the program built and
// first on the PATH, the user's folders of userFolders, and the folder to
// run in.
func shellEnv(t *testing.T, shell string) (env []string, dir string) {
	t.Helper()
	testenv.NeedTool(t, shell)
	bin := binary(t)
	dir = userFolders(t)
	env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+t.TempDir())
	return env, dir
}

// runShell runs a shell with args and returns what it printed.
func runShell(t *testing.T, env []string, dir string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env, cmd.Dir = env, dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// checkOffered compares what a shell offered with what it should have.
func checkOffered(t *testing.T, line string, got, want []string) {
	t.Helper()
	for i := range got {
		got[i] = strings.TrimSuffix(got[i], "/")
	}
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%q<Tab> offers %q, want %q", line, got, want)
	}
}

// bashWords splits a command line as bash splits it for completion: at
// spaces, and around '=' (which is in COMP_WORDBREAKS). The last word is
// the one under the cursor.
func bashWords(line string) []string {
	var words []string
	for _, w := range strings.Split(line, " ") {
		name, value, ok := strings.Cut(w, "=")
		switch {
		case !ok:
			words = append(words, w)
		case value == "":
			words = append(words, name, "=")
		default:
			words = append(words, name, "=", value)
		}
	}
	return words
}

// In a real bash, the completion function offers each flag's values, the
// sessions and scripts, and no "help" or "h".
func TestBashCompletion(t *testing.T) {
	env, dir := shellEnv(t, "bash")
	var script strings.Builder
	script.WriteString("source <(floorcoach completion bash) || exit 1\n" +
		`c() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; ` +
		`COMPREPLY=(); _floorcoach; printf '%s\n' "${COMPREPLY[@]}"; echo '<END>'; }` + "\n")
	cases := shellCases()
	for _, tc := range cases {
		script.WriteString("c")
		for _, w := range bashWords(tc.line) {
			script.WriteString(" '" + w + "'")
		}
		script.WriteString("\n")
	}
	out := runShell(t, env, dir, "bash", "--norc", "--noprofile", "-c", script.String())
	answers := strings.Split(out, "<END>\n")
	if len(answers) != len(cases)+1 {
		t.Fatalf("bash printed:\n%s", out)
	}
	for i, tc := range cases {
		checkOffered(t, tc.line, strings.Fields(answers[i]), tc.want)
	}
}

// In a real zsh, with its completion system, a Tab offers the same.
func TestZshCompletion(t *testing.T) {
	env, dir := shellEnv(t, "zsh")
	script := filepath.Join(t.TempDir(), "_floorcoach")
	_, zsh, _ := runApp(t, "completion", "zsh")
	if err := os.WriteFile(script, []byte(zsh), 0o644); err != nil {
		t.Fatal(err)
	}
	capture, err := filepath.Abs(filepath.Join("testdata", "zsh-complete.zsh"))
	if err != nil {
		t.Fatal(err)
	}
	match := regexp.MustCompile(`<MATCH>([^\r\n]*)`)
	for _, tc := range shellCases() {
		out := runShell(t, env, dir, "zsh", "-f", capture, script, tc.line)
		if !strings.Contains(out, "<END>") {
			t.Fatalf("%q: no end of completion in\n%q", tc.line, out)
		}
		var got []string
		for _, m := range match.FindAllStringSubmatch(out, -1) {
			if !slices.Contains(got, m[1]) {
				got = append(got, m[1])
			}
		}
		checkOffered(t, tc.line, got, tc.want)
	}
}

// In a real fish, "complete -C" offers the same.
func TestFishCompletion(t *testing.T) {
	env, dir := shellEnv(t, "fish")
	var script strings.Builder
	script.WriteString("floorcoach completion fish | source; or exit 1\n")
	cases := shellCases()
	for _, tc := range cases {
		script.WriteString("complete -C '" + tc.line + "'; echo '<END>'\n")
	}
	out := runShell(t, env, dir, "fish", "--no-config", "-c", script.String())
	answers := strings.Split(out, "<END>\n")
	if len(answers) != len(cases)+1 {
		t.Fatalf("fish printed:\n%s", out)
	}
	for i, tc := range cases {
		var got []string
		for _, l := range strings.Split(strings.TrimSuffix(answers[i], "\n"), "\n") {
			if value, _, _ := strings.Cut(l, "\t"); value != "" {
				got = append(got, value)
			}
		}
		want := tc.want
		if tc.fish != nil {
			want = tc.fish
		}
		checkOffered(t, tc.line, got, want)
	}
}
