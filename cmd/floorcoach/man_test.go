package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/manpage"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/urfave/cli/v2"
)

// writeManPage writes the manual page, as 'completion man' prints it, to
// dir/floorcoach.1.
func writeManPage(t *testing.T, dir string) string {
	t.Helper()
	code, page, stderr := runApp(t, "completion", "man")
	if code != 0 {
		t.Fatalf("completion man: exit %d: %s", code, stderr)
	}
	path := filepath.Join(dir, "floorcoach.1")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// plain removes a terminal's bold and underline from rendered text:
// overstruck characters and SGR sequences.
func plain(s string) string {
	s = regexp.MustCompile(`.\x08`).ReplaceAllString(s, "")
	return regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(s, "")
}

// run runs a program and returns its standard output and error.
func runTool(t *testing.T, env []string, name string, args ...string) (string, string) {
	t.Helper()
	var stdout, stderr strings.Builder
	cmd := exec.Command(name, args...)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %q: %v\n%s", name, args, err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// groff renders the page with every warning on, and warns of nothing; the
// page has every section, every command with each of its flags, and names
// the environment and the files.
func TestManPageRenders(t *testing.T) {
	testenv.NeedTool(t, "groff")
	path := writeManPage(t, t.TempDir())
	out, warnings := runTool(t, append(os.Environ(), "LC_ALL=C.UTF-8"), "groff", "-man", "-ww", "-Tutf8", path)
	if warnings != "" {
		t.Errorf("groff -ww warns:\n%s", warnings)
	}
	text := plain(out)
	for _, section := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "KEYS", "SCRIPT FORMAT",
		"FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES"} {
		if !regexp.MustCompile(`(?m)^` + section + `$`).MatchString(text) {
			t.Errorf("no section %s", section)
		}
	}
	for _, want := range []string{"floorcoach - guided audio sessions", "FLOORCOACH_PATH", "XDG_STATE_HOME",
		"~/.config/floorcoach/config.yaml", "~/.config/floorcoach/sessions", "~/.local/share/floorcoach/voices",
		"~/.local/state/floorcoach/journal", "~/.cache/floorcoach", "n or \u2192", "floorcoach play lower-back --resume"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	checkCommandsDocumented(t, text)
}

// checkCommandsDocumented checks that the rendered page has a synopsis and
// a section for every command, listing each of its flags.
func checkCommandsDocumented(t *testing.T, text string) {
	t.Helper()
	synopsis, commands, ok := strings.Cut(text, "\nCOMMANDS")
	if !ok {
		t.Fatal("no COMMANDS section")
	}
	manpage.ForEachCommand(newApp(nil, nil, nil).Commands, "floorcoach", func(name string, c *cli.Command) {
		if len(c.Subcommands) == 0 && !regexp.MustCompile(`(?m)^ +`+regexp.QuoteMeta(name)+`\b`).MatchString(synopsis) {
			t.Errorf("no synopsis of %s", name)
		}
		head := "\n   " + strings.TrimSpace(name+" "+c.ArgsUsage) + "\n"
		i := strings.Index(commands, head)
		if i < 0 {
			t.Errorf("no section %q", head)
			return
		}
		body := commands[i+len(head):]
		if j := regexp.MustCompile(`\n   floorcoach |\n[A-Z]`).FindStringIndex(body); j != nil {
			body = body[:j[0]]
		}
		for _, f := range c.VisibleFlags() {
			if !strings.Contains(body, "--"+f.Names()[0]) {
				t.Errorf("%s: flag --%s is not in its section", name, f.Names()[0])
			}
		}
	})
}

// man-db shows the page, without a warning.
func TestManPageWithMan(t *testing.T) {
	testenv.NeedTool(t, "man")
	testenv.NeedTool(t, "groff")
	path := writeManPage(t, t.TempDir())
	env := append(os.Environ(), "MANPAGER=cat", "PAGER=cat", "MANWIDTH=90", "LC_ALL=C.UTF-8")
	out, warnings := runTool(t, env, "man", "--warnings", "-l", path)
	if warnings != "" {
		t.Errorf("man --warnings -l warns:\n%s", warnings)
	}
	text := plain(out)
	for _, want := range []string{"FLOORCOACH(1)", "KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS", "FLOORCOACH_PATH", "config.yaml"} {
		if !strings.Contains(text, want) {
			t.Errorf("man -l shows no %q", want)
		}
	}
}

// Installed as the README says, beside the program (PREFIX/bin on the
// PATH, the page in PREFIX/share/man/man1), 'man floorcoach' finds it.
func TestManPageInstalled(t *testing.T) {
	testenv.NeedTool(t, "man")
	prefix := t.TempDir()
	bin, man1 := filepath.Join(prefix, "bin"), filepath.Join(prefix, "share", "man", "man1")
	for _, d := range []string{bin, man1} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	path := writeManPage(t, man1)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "MANPATH=") && !strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	env = append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, _ := runTool(t, env, "man", "-w", "floorcoach")
	if strings.TrimSpace(out) != path {
		t.Errorf("man -w floorcoach = %q, want %q", strings.TrimSpace(out), path)
	}
}

// The keys the page lists are the keys play's help gives.
func TestManKeysAreThePlayKeys(t *testing.T) {
	_, page, _ := runApp(t, "completion", "man")
	_, section, _ := strings.Cut(page, `.SH "KEYS"`)
	section, _, _ = strings.Cut(section, ".SH ")
	desc, _, _ := strings.Cut(playCommand().Description, "Examples:")
	keys := 0
	for _, line := range strings.Split(desc, "\n") {
		if !strings.HasPrefix(line, "   ") {
			continue
		}
		keys++
		key, _, _ := strings.Cut(strings.TrimSpace(line), "  ")
		if !strings.Contains(section, manpage.Escape(key, true)) {
			t.Errorf("play --help has the key %q; the manual's KEYS does not", key)
		}
	}
	if keys < 5 {
		t.Errorf("found %d keys in play's description, want 5 or more", keys)
	}
}
