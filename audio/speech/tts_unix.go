//go:build !windows

package speech

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
)

// shellCommand runs line with sh -c in a process group of its own, which
// the context's end kills whole.
func shellCommand(ctx context.Context, line string) *exec.Cmd {
	subreap()
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", line)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		killGroup(cmd)
		return nil
	}
	return cmd
}

// killGroup kills the command's process group: it and all it started.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

// expand puts the line, the file holding it and the output file into the
// command, each as one single-quoted word, and into the environment.
func expand(command, text, textFile, out string) (string, []string) {
	r := strings.NewReplacer("{textfile}", shellQuote(textFile), "{text}", shellQuote(text), "{out}", shellQuote(out))
	return r.Replace(command), []string{"FLOORCOACH_TEXT=" + text, "FLOORCOACH_TEXTFILE=" + textFile, "FLOORCOACH_OUT=" + out}
}

// limitFiles has the shell limit the size of every file the command and
// what it starts write, to maxFileBytes: one past it is killed by
// SIGXFSZ. POSIX counts ulimit -f in blocks of 512 bytes.
func limitFiles(line string) string {
	return fmt.Sprintf("ulimit -f %d 2>/dev/null\n%s", maxFileBytes/512, line)
}

// fileTooLarge reports whether a command was killed for writing a file
// larger than limitFiles allows.
func fileTooLarge(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && (ws.Signaled() && ws.Signal() == syscall.SIGXFSZ || ws.ExitStatus() == 128+int(syscall.SIGXFSZ))
}

// shellQuote quotes s as one word for sh: in single quotes, within which
// nothing is special; each single quote in s closes them, is written
// escaped (\'), and opens them again.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// checkCommand refuses a command where a placeholder would not be a word
// of its own once quoted: inside quotes ('{text}' would unquote the line),
// after \ or $ (which would change the meaning of the quote), or in a here
// document (where quotes mean nothing).
func checkCommand(command string) error {
	if strings.Contains(strings.ReplaceAll(command, "<<<", ""), "<<") && strings.Contains(command, "{") {
		return errors.New("audio: TTS command: no here documents (<<) with {text}, {textfile} or {out}; leave out {text} to get the line on standard input")
	}
	var quote byte // ' or " while inside quotes
	for i := 0; i < len(command); i++ {
		c := command[i]
		p := placeholderAt(command, i)
		switch {
		case p != "" && (quote != 0 || i > 0 && (command[i-1] == '\\' || command[i-1] == '$')):
			return fmt.Errorf("audio: TTS command: put %s bare, not in quotes or after \\ or $: floorcoach quotes it (e.g. flite -t %s)", p, p)
		case quote == '\'':
			if c == '\'' {
				quote = 0
			}
		case c == '\\':
			if p := placeholderAt(command, i+1); p != "" {
				return fmt.Errorf("audio: TTS command: put %s bare, not after \\: floorcoach quotes it (e.g. flite -t %s)", p, p)
			}
			i++
		case quote == '"' && c == '"':
			quote = 0
		case quote == 0 && (c == '\'' || c == '"'):
			quote = c
		}
	}
	return nil
}

// placeholderAt returns the placeholder at command[i:], or "".
func placeholderAt(command string, i int) string {
	for _, p := range []string{"{textfile}", "{text}", "{out}"} {
		if strings.HasPrefix(command[i:], p) {
			return p
		}
	}
	return ""
}
