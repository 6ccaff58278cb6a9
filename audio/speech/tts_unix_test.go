//go:build !windows

package speech

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// ttsFixture writes a WAV of 0.3 s of a sine for fake TTS commands to copy,
// and returns it quoted for the shell, with a scratch folder for Say.
func ttsFixture(t *testing.T) (wav, scratch string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "line.wav")
	if err := os.WriteFile(path, encode.MonoWAV(audiotest.Sine(300, 0.4, 0.3, 16000), 16000), 0o644); err != nil {
		t.Fatal(err)
	}
	scratch = filepath.Join(dir, "scratch")
	os.Mkdir(scratch, 0o700)
	return shellQuote(path), scratch
}

// No line can run a command: each reaches the TTS command as one argument,
// exactly as written.
func TestTTSQuotesTheLine(t *testing.T) {
	wav, scratch := ttsFixture(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	canary := filepath.Join(home, "canary")
	os.WriteFile(canary, []byte("still here"), 0o644)
	pwned := filepath.Join(t.TempDir(), "pwned")
	log := filepath.Join(t.TempDir(), "log")
	texts := []string{
		"'; rm -rf ~; echo '",
		"$(touch " + pwned + "1)",
		"`touch " + pwned + "2`",
		`"; touch ` + pwned + `3; echo "`,
		`it\'s; touch ` + pwned + `4`,
		"{out} and {text}",
		"two\nlines; touch " + pwned + "5",
		"-n",
	}
	tts := TTS{Command: "printf '%s|' {text} > " + shellQuote(log) + " && cp " + wav + " {out}", Timeout: 10 * time.Second}
	for _, text := range texts {
		x, rate, err := tts.Say(context.Background(), text, scratch)
		if err != nil || rate != 16000 || len(x) != 4800 {
			t.Fatalf("%q: %d frames at %d Hz, %v", text, len(x), rate, err)
		}
		if got, _ := os.ReadFile(log); string(got) != text+"|" {
			t.Errorf("the command got %q, want the line %q as one argument", got, text)
		}
	}
	if got, err := os.ReadFile(canary); err != nil || string(got) != "still here" {
		t.Fatal("a line ran rm -rf ~")
	}
	for i := 1; i <= 5; i++ {
		if _, err := os.Stat(pwned + string(rune('0'+i))); err == nil {
			t.Errorf("a line ran touch (pwned%d)", i)
		}
	}
}

func TestTTSPlaceholdersMustBeBare(t *testing.T) {
	for _, cmd := range []string{
		"flite -t {text} -o {out}", `echo "say:" {text} > {out}`, "say --text={text} {out}",
		`sh -c 'exec tts "$1"' sh {text}`, "tts <<< {text}", "espeak-ng --stdout {text}", "piper -f {out}",
	} {
		if err := (TTS{Command: cmd}).Check(); err != nil {
			t.Errorf("%s: %v", cmd, err)
		}
	}
	for _, cmd := range []string{
		"flite -t '{text}' -o {out}", `flite -t "{text}"`, `flite -t "a {out}"`, `flite -t \{text}`,
		"flite -t ${text}", "tts <<EOF\n{text}\nEOF", "", "  ",
	} {
		if err := (TTS{Command: cmd}).Check(); err == nil {
			t.Errorf("%q: accepted", cmd)
		}
	}
}

// A command that fails, hangs or writes no WAV is reported with the last
// lines of its standard error; one that hangs is killed with all it
// started.
func TestTTSFailures(t *testing.T) {
	_, scratch := ttsFixture(t)
	tests := []struct {
		name, cmd string
		want      string // the error starts so
		stderr    string // and its Stderr is
	}{
		{"exit status", "for i in 1 2 3 4 5 6 7; do echo problem $i >&2; done; exit 3", "failed: exit status 3",
			"problem 3\nproblem 4\nproblem 5\nproblem 6\nproblem 7"},
		{"not found", "no-such-tts-command {text} {out}", "failed: exit status 127", "not found"},
		{"nothing", ": {out}; echo said it >&2", "wrote no WAV file", "said it"},
		{"nothing on stdout", "echo said it >&2", "wrote an empty file", "said it"},
		{"empty", ": > {out}", "wrote an empty file", ""},
		{"not a WAV", "echo hello > {out}", "wrote no WAV file of sound: ", ""},
		{"not a WAV on stdout", "echo hello", "wrote no WAV file of sound: ", ""},
		{"hangs", "echo working >&2; sleep 61.37 & sleep 62.41", "took longer than 500ms: killed it", "working"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, _, err := TTS{Command: tt.cmd, Timeout: 500 * time.Millisecond}.Say(context.Background(), "Lift.", scratch)
			var te *TTSError
			if !errors.As(err, &te) || !strings.HasPrefix(te.Err.Error(), tt.want) || !strings.Contains(te.Stderr, tt.stderr) {
				t.Fatalf("error %v\nwant a TTSError %q… with stderr %q", err, tt.want, tt.stderr)
			}
			if tt.name == "exit status" && te.Stderr != tt.stderr {
				t.Errorf("stderr %q, want its last five lines %q", te.Stderr, tt.stderr)
			}
			if took := time.Since(start); took > 3*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
	if left := testenv.Processes("61.37", "62.41"); len(left) > 0 {
		t.Errorf("the hanging command's processes live on: %q", left)
	}
}

// Without {out} the WAV comes from standard output; without {text} the
// line goes to standard input. Both are in the environment too.
func TestTTSStdoutAndStdin(t *testing.T) {
	wav, scratch := ttsFixture(t)
	log := filepath.Join(t.TempDir(), "log")
	for _, cmd := range []string{
		"cat " + wav,
		"cat > " + shellQuote(log) + "; cp " + wav + " {out}",
		`printf '%s\n' "$FLOORCOACH_TEXT" > ` + shellQuote(log) + `; cp ` + wav + ` "$FLOORCOACH_OUT"`,
	} {
		os.Remove(log)
		x, _, err := TTS{Command: cmd}.Say(context.Background(), "Lift the leg.", scratch)
		if err != nil || len(x) != 4800 {
			t.Errorf("%s: %d frames, %v", cmd, len(x), err)
		}
		if got, err := os.ReadFile(log); err == nil && string(got) != "Lift the leg.\n" {
			t.Errorf("%s: the command got %q", cmd, got)
		}
	}
}

// Hostile and careless commands: each ends within its limits, leaves no
// process running, and no file beyond its limit; a streamed WAV is read.
func TestTTSBounded(t *testing.T) {
	wav, scratch := ttsFixture(t)
	// A process of the caller's own, started before: reaping leaves it.
	own := exec.Command("sleep", "71.99")
	if err := own.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { own.Process.Kill(); own.Wait() }()
	reapAll := ReapSince()
	fifoDir := t.TempDir() // for files other than {out}
	tests := []struct {
		name, cmd string
		want      string // the error starts so; "" for success
		words     []string
	}{
		{"out is a pipe", "rm -f {out}; mkfifo {out}", "wrote no WAV file: what it made of {out} is not a regular file", nil},
		{"setsid child", "setsid sleep 71.13 & cp " + wav + " {out}", "", []string{"71.13"}},
		{"setsid child, no environment", "setsid env -i sleep 71.17 & cp " + wav + " {out}", "", nil},
		{"setsid child, killed on timeout", "setsid sleep 71.19 & sleep 72.31", "took longer than 2s", []string{"71.19", "72.31"}},
		{"floods stdout", "yes", "wrote more than 32 MiB to its standard output", nil},
		{"floods stdout, a child too", "setsid yes & yes", "wrote more than 32 MiB to its standard output", nil},
		{"floods {out}", "yes > {out}", "wrote a file larger than 128 MiB", nil},
		{"floods stderr", "yes >&2", "took longer than 2s", nil},
		{"floods another file", "yes > " + shellQuote(filepath.Join(fifoDir, "big")), "wrote a file larger than 128 MiB", nil},
		{"streamed WAV on stdout", "printf 'RIFF\\377\\377\\377\\377'; tail -c +9 " + wav + " | head -c 28; " +
			"printf 'data\\000\\360\\377\\177'; tail -c +45 " + wav, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			x, _, err := TTS{Command: tt.cmd, Timeout: 2 * time.Second}.Say(context.Background(), "Lift.", scratch)
			if tt.want == "" && (err != nil || len(x) != 4800) {
				t.Errorf("%d frames, %v; want the WAV", len(x), err)
			}
			var te *TTSError
			if tt.want != "" && (!errors.As(err, &te) || !strings.HasPrefix(te.Err.Error(), tt.want)) {
				t.Errorf("error %v, want one starting %q", err, tt.want)
			}
			if took := time.Since(start); took > 8*time.Second {
				t.Errorf("took %v", took)
			}
			if left := testenv.Processes(tt.words...); len(tt.words) > 0 && len(left) > 0 {
				t.Errorf("processes live on: %q", left)
			}
			if size := dirSize(scratch) + dirSize(fifoDir); size > 129<<20 {
				t.Errorf("the command's files hold %d bytes", size)
			}
		})
	}
	reapAll()
	if left := testenv.Processes("71.17"); len(left) > 0 {
		t.Errorf("reaping left %q", left)
	}
	if left := testenv.Processes("71.99"); len(left) != 1 {
		t.Errorf("reaping killed a process started before the commands: %q", left)
	}
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// A line that starts with "-" reaches the command through {textfile} and
// standard input as text, never as an option.
func TestTTSTextForms(t *testing.T) {
	wav, scratch := ttsFixture(t)
	log := filepath.Join(t.TempDir(), "log")
	const line = "-f/etc/hostname"
	for _, cmd := range []string{
		"cat {textfile} > " + shellQuote(log) + "; cp " + wav + " {out}",
		"cat > " + shellQuote(log) + "; cp " + wav + " {out}",
		`cat "$FLOORCOACH_TEXTFILE" > ` + shellQuote(log) + "; cp " + wav + " {out}",
	} {
		os.Remove(log)
		if _, _, err := (TTS{Command: cmd}).Say(context.Background(), line, scratch); err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		if got, _ := os.ReadFile(log); string(got) != line+"\n" {
			t.Errorf("%s: the command got %q, want the line", cmd, got)
		}
	}
}

// A TTS command's standard error reaches the report with its control
// characters escaped.
func TestTTSStderrSafe(t *testing.T) {
	_, scratch := ttsFixture(t)
	_, _, err := TTS{Command: `printf 'bad \033]0;pwned\007 \033[2J\n' >&2; exit 1`}.Say(context.Background(), "Lift.", scratch)
	var te *TTSError
	if !errors.As(err, &te) || te.Stderr != `bad \x1b]0;pwned\x07 \x1b[2J` {
		t.Fatalf("error %v; stderr %q", err, te.Stderr)
	}
}
