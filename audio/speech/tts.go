package speech

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/floorcoach/floorcoach/audio/decode"
	"github.com/floorcoach/floorcoach/internal/safefile"
)

// A TTS is a text-to-speech command, run through the shell for each line:
// sh -c on Unix, cmd /C on Windows. In it, {text} stands for the line and
// {out} for the WAV file to write; floorcoach puts each in as one quoted
// word, so no line can run commands of its own (on Unix they must
// therefore stand bare, outside quotes). Both are in the environment too,
// as FLOORCOACH_TEXT and FLOORCOACH_OUT. A command without {out} writes
// the WAV to its standard output; one without {text} reads the line from
// its standard input:
//
//	flite -voice slt -t {text} -o {out}
//	espeak-ng --stdout {text}
//	piper --model en_US-amy-medium.onnx --output_file {out}
type TTS struct {
	Command string
	Timeout time.Duration // how long one line may take; 0 for no limit
}

// A TTSError is a TTS command that failed, hung, or wrote no WAV file.
type TTSError struct {
	Err    error
	Stderr string // the last lines it wrote to its standard error
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
// decoded to mono samples at its own rate. dir is a scratch folder of the caller's, which the command's
// files are kept in: the output file and its standard error. The command
// runs in the current folder, so relative paths in it work as typed. When
// it outlives the timeout or ctx, it is killed with everything it
// started.
func (t TTS) Say(ctx context.Context, text, dir string) ([]float32, int, error) {
	if err := t.Check(); err != nil {
		return nil, 0, err
	}
	if t.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.Timeout)
		defer cancel()
	}
	out, stderr := filepath.Join(dir, "out.wav"), filepath.Join(dir, "stderr.txt")
	err := t.run(ctx, text, out, stderr)
	switch {
	case err == nil:
		return readOutput(out, stderr)
	case ctx.Err() == context.DeadlineExceeded && t.Timeout > 0:
		err = fmt.Errorf("took longer than %v: killed it", t.Timeout)
	case ctx.Err() != nil:
		return nil, 0, ctx.Err()
	default:
		err = fmt.Errorf("failed: %w", err)
	}
	return nil, 0, &TTSError{Err: err, Stderr: tail(stderr)}
}

// run runs the command once for a line, its standard error to the file
// stderr, and its standard output to out if it has no {out}.
func (t TTS) run(ctx context.Context, text, out, stderr string) error {
	if err := os.Remove(out); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	errFile, err := os.Create(stderr)
	if err != nil {
		return err
	}
	defer errFile.Close()
	line, env := expand(t.Command, text, out)
	cmd := shellCommand(ctx, line)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = errFile
	if !strings.Contains(t.Command, "{text}") {
		cmd.Stdin = strings.NewReader(text + "\n")
	}
	if !strings.Contains(t.Command, "{out}") {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		cmd.Stdout = f
	}
	return runGroup(cmd)
}

// readOutput reads and decodes the WAV file a command wrote.
func readOutput(out, stderr string) ([]float32, int, error) {
	data, err := safefile.ReadRegular(out, decode.MaxClipBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err = errors.New("wrote no WAV file")
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
	return nil, 0, &TTSError{Err: err, Stderr: tail(stderr)}
}

// tail returns the last lines of a file, at most stderrLines of them from
// its last stderrBytes.
func tail(name string) string {
	f, err := safefile.OpenRegular(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > stderrBytes {
		f.Seek(info.Size()-stderrBytes, io.SeekStart)
	}
	data, _ := io.ReadAll(io.LimitReader(f, stderrBytes))
	lines := strings.Split(string(bytes.TrimSpace(data)), "\n")
	lines = lines[max(len(lines)-stderrLines, 0):]
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// runGroup runs a command made by shellCommand, and afterwards kills what
// it left running. If its context ends first, its Cancel kills them all.
func runGroup(cmd *exec.Cmd) error {
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		return err
	}
	err := cmd.Wait()
	killGroup(cmd)
	return err
}
