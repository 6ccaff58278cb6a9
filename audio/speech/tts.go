package speech

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/floorcoach/floorcoach/audio/decode"
	"github.com/floorcoach/floorcoach/internal/safefile"
)

// A TTS is a text-to-speech command, run through the shell for each line:
// sh -c on Unix, cmd /C on Windows. In it, {text} stands for the line,
// {textfile} for a file holding it, and {out} for the WAV file to write;
// floorcoach puts each in as one quoted word, so no line can run commands
// of its own (on Unix they must therefore stand bare, outside quotes).
// They are in the environment too, as FLOORCOACH_TEXT, FLOORCOACH_TEXTFILE
// and FLOORCOACH_OUT. A command without {out} writes the WAV to its
// standard output; one without {text} or {textfile} reads the line from
// its standard input:
//
//	flite -voice slt -t {text} -o {out}
//	espeak-ng --stdout -f {textfile}
//	piper --model en_US-amy-medium.onnx --output_file {out}
//
// {text} is one argument, but a program may still read a line that starts
// with "-" as an option of its own: use it only after an option that takes
// the next argument whatever it is (flite's -t), else use {textfile} or
// standard input.
//
// What a command may do is bounded: it is killed, with every process it
// started (see reap), when it outlives Timeout, when the caller's context
// ends, or (not on Windows) when it writes more than decode.MaxClipBytes
// to its standard output or error or to any one file; only the last lines
// of its standard error are shown.
type TTS struct {
	Command string
	Timeout time.Duration // how long one line may take; 0 for no limit
}

// A TTSError is a TTS command that failed, hung, or wrote no WAV file.
type TTSError struct {
	Err    error
	Stderr string // the last lines it wrote to its standard error, made safe to print
}

func (e *TTSError) Error() string {
	if e.Stderr == "" {
		return e.Err.Error()
	}
	return fmt.Sprintf("%v: %s", e.Err, strings.ReplaceAll(e.Stderr, "\n", " / "))
}

func (e *TTSError) Unwrap() error { return e.Err }

// Limits on what a TTS command's errors show.
const (
	stderrLines = 5
	stderrBytes = 4096
)

// Check reports a command that cannot be run safely or at all.
func (t TTS) Check() error {
	if strings.TrimSpace(t.Command) == "" {
		return errors.New("audio: the TTS command is empty")
	}
	return checkCommand(t.Command)
}

// Say runs the command for a line and returns the WAV file it wrote,
// decoded to mono samples at its own rate. dir is a scratch folder of
// the caller's, which the command's files are kept in. The command runs in
// the current folder, so relative paths in it work as typed.
func (t TTS) Say(ctx context.Context, text, dir string) ([]float32, int, error) {
	if err := t.Check(); err != nil {
		return nil, 0, err
	}
	if t.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.Timeout)
		defer cancel()
	}
	out := filepath.Join(dir, "out.wav")
	stderr := &tailBuffer{}
	err := t.run(ctx, text, dir, out, stderr)
	switch {
	case err == nil:
		return readOutput(out, stderr.lines())
	case errors.Is(err, errFlood):
	case ctx.Err() == context.DeadlineExceeded && t.Timeout > 0:
		err = fmt.Errorf("took longer than %v: killed it", t.Timeout)
	case ctx.Err() != nil:
		return nil, 0, ctx.Err()
	case fileTooLarge(err):
		err = fmt.Errorf("wrote a file larger than %d MiB: killed it", maxFileBytes>>20)
	default:
		err = fmt.Errorf("failed: %w", err)
	}
	return nil, 0, &TTSError{Err: err, Stderr: stderr.lines()}
}

// run runs the command once for a line, its standard error to stderr, and
// its standard output to out if it has no {out}.
func (t TTS) run(ctx context.Context, text, dir, out string, stderr *tailBuffer) error {
	if err := os.Remove(out); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	textFile := filepath.Join(dir, "text.txt")
	if err := os.WriteFile(textFile, []byte(text+"\n"), 0o600); err != nil {
		return err
	}
	line, env := expand(t.Command, text, textFile, out)
	cmd := shellCommand(ctx, limitFiles(line))
	cmd.Env = append(append(os.Environ(), env...), runMark+"="+rand.Text())
	if !strings.Contains(t.Command, "{text}") && !strings.Contains(t.Command, "{textfile}") {
		in, err := os.Open(textFile)
		if err != nil {
			return err
		}
		defer in.Close()
		cmd.Stdin = in
	}
	var stdout *os.File
	if !strings.Contains(t.Command, "{out}") {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		stdout = f
	}
	return runGroup(cmd, stdout, stderr)
}

// runMark is the variable that marks the environment of one run of a
// command, and so of every process it starts (see reap).
const runMark = "FLOORCOACH_TTS_RUN"

// readOutput reads and decodes the WAV file a command wrote.
func readOutput(out, stderr string) ([]float32, int, error) {
	data, err := safefile.ReadRegular(out, decode.MaxClipBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = errors.New("wrote no WAV file")
	case errors.Is(err, safefile.ErrNotRegular):
		err = errors.New("wrote no WAV file: what it made of {out} is not a regular file")
	case err != nil:
	case len(data) == 0:
		err = errors.New("wrote an empty file")
	default:
		x, rate, derr := Read(data, out)
		if derr == nil {
			return x, rate, nil
		}
		if cause := errors.Unwrap(derr); cause != nil {
			derr = cause
		}
		err = fmt.Errorf("wrote no WAV file of sound: %w", derr)
	}
	return nil, 0, &TTSError{Err: err, Stderr: stderr}
}
