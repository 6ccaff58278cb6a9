package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/internal/testenv"
)

func TestDescribeBuild(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	main := debug.Module{Path: "github.com/floorcoach/floorcoach", Version: "(devel)"}
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"a clone with changes", debug.BuildInfo{GoVersion: "go1.26.8", Main: main, Settings: settings(
			"GOOS", "linux", "GOARCH", "amd64", "vcs", "git", "vcs.revision", "0aabf79c14e2d9b3c0aabf79c14e2d9b3c0aabf7",
			"vcs.time", "2026-11-02T18:04:11Z", "vcs.modified", "true")},
			version + "\nbuilt from github.com/floorcoach/floorcoach (devel), git 0aabf79c14e2 of 2026-11-02 18:04:11 UTC, " +
				"with uncommitted changes\nwith go1.26.8 for linux/amd64"},
		{"a tagged module", debug.BuildInfo{GoVersion: "go1.26.8",
			Main: debug.Module{Path: "github.com/floorcoach/floorcoach", Version: "v0.1.0"}, Settings: settings(
				"GOOS", "darwin", "GOARCH", "arm64", "vcs", "git", "vcs.revision", "0aabf79c14e2d9b3",
				"vcs.time", "2026-11-02T19:04:11+01:00", "vcs.modified", "false")},
			version + "\nbuilt from github.com/floorcoach/floorcoach v0.1.0, git 0aabf79c14e2 of 2026-11-02 18:04:11 UTC, " +
				"as committed\nwith go1.26.8 for darwin/arm64"},
		{"no version control", debug.BuildInfo{GoVersion: "go1.26.8", Main: main, Settings: settings("GOOS", "linux", "GOARCH", "amd64")},
			version + "\nbuilt from github.com/floorcoach/floorcoach (devel) (no version control information)\nwith go1.26.8 for linux/amd64"},
	} {
		if got := describeBuild(&tc.bi); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// Built from a git checkout, as 'go install ./cmd/floorcoach' builds it,
// --version names the commit checked out, and says whether the tree had
// changes. The source is copied into a repository of its own, so that the
// test knows both answers (and works in a git worktree too, where Go
// stamps no version control information).
func TestVersionNamesTheCommit(t *testing.T) {
	testenv.NeedTool(t, "git")
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skipf("not in a git checkout: %v", err)
	}
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	ls.Dir = strings.TrimSpace(string(top))
	files, err := ls.Output()
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	for _, f := range strings.Split(strings.TrimSuffix(string(files), "\x00"), "\x00") {
		copyFile(t, filepath.Join(ls.Dir, f), filepath.Join(repo, filepath.FromSlash(f)))
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-c", "user.name=floorcoach test", "-c", "user.email=test@example.invalid"}, args...)...)
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %q: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "the source under test")
	head := git("rev-parse", "HEAD")
	commitTime := git("log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d %H:%M:%S")
	want := "built from github.com/floorcoach/floorcoach "
	if got := buildVersion(t, repo); !strings.Contains(got, want) || !strings.Contains(got, "git "+head[:12]+" of "+commitTime+" UTC, as committed\n") {
		t.Errorf("from a clean tree, --version printed\n%s\nwant the commit %s of %s UTC, as committed", got, head[:12], commitTime)
	}
	f, err := os.OpenFile(filepath.Join(repo, "cmd", "floorcoach", "version.go"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n// a change not committed\n")
	f.Close()
	if got := buildVersion(t, repo); !strings.Contains(got, "git "+head[:12]+" of "+commitTime+" UTC, with uncommitted changes\n") {
		t.Errorf("from a changed tree, --version printed\n%s\nwant the commit %s, with uncommitted changes", got, head[:12])
	}
}

// buildVersion builds floorcoach in the repository at repo and returns
// what its --version prints.
func buildVersion(t *testing.T, repo string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "floorcoach")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, "./cmd/floorcoach")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if errors.Is(err, fs.ErrNotExist) {
		return // deleted, not yet committed
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
