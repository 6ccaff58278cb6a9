package speech

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/floorcoach/floorcoach/audio/decode"
	"github.com/floorcoach/floorcoach/internal/termtext"
)

// maxFileBytes bounds every file a TTS command writes (see limitFiles):
// far more than a clip needs, as espeak-ng sizes a buffer file of its own
// at 64 MiB.
const maxFileBytes = 128 << 20

// errFlood is the error of a command that wrote more than a clip to its
// standard output.
var errFlood = errors.New("wrote more than 32 MiB to its standard output: killed it")

// runGroup runs a command made by shellCommand, its standard output into
// the file stdout (nil: none) and its standard error into stderr, through
// pipes of its own, so that neither can grow past its bound. When the
// command ends, what it left running is killed (killGroup, reap), and
// the pipes are drained for at most a second more: a process that
// escaped both cannot hold the run up.
func runGroup(cmd *exec.Cmd, stdout *os.File, stderr *tailBuffer) error {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	var pipes []*os.File
	var wg sync.WaitGroup
	attach := func(dst io.Writer, set func(*os.File)) error {
		r, w, err := os.Pipe()
		if err != nil {
			return err
		}
		set(w)
		pipes = append(pipes, r, w)
		wg.Go(func() { io.Copy(dst, r) })
		return nil
	}
	defer func() {
		for _, p := range pipes {
			p.Close()
		}
	}()
	if err := attach(stderr, func(w *os.File) { cmd.Stderr = w }); err != nil {
		return err
	}
	if stdout != nil {
		capped := &capped{w: stdout, left: decode.MaxClipBytes, flood: func() { cancel(errFlood); killGroup(cmd) }}
		if err := attach(capped, func(w *os.File) { cmd.Stdout = w }); err != nil {
			return err
		}
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	for i := 1; i < len(pipes); i += 2 {
		pipes[i].Close() // the write ends: only the command holds them now
	}
	err := cmd.Wait()
	killGroup(cmd)
	reap(cmd)
	for i := 0; i < len(pipes); i += 2 {
		pipes[i].SetReadDeadline(time.Now().Add(time.Second))
	}
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil {
		return cause
	}
	return err
}

// capped writes to w until left bytes are written; past that it calls
// flood, once, and drops the rest.
type capped struct {
	w     io.Writer
	left  int64
	flood func()
	once  sync.Once
}

func (c *capped) Write(p []byte) (int, error) {
	if int64(len(p)) > c.left {
		c.once.Do(c.flood)
		return len(p), nil // read on, so the command is not blocked before it is killed
	}
	c.left -= int64(len(p))
	return c.w.Write(p)
}

// tailBuffer keeps the last stderrBytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if len(b.buf) > 2*stderrBytes {
		b.buf = append(b.buf[:0], b.buf[len(b.buf)-stderrBytes:]...)
	}
	return len(p), nil
}

// lines returns the last stderrLines lines written, of the last
// stderrBytes, each made safe to print on a terminal.
func (b *tailBuffer) lines() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	data := b.buf[max(len(b.buf)-stderrBytes, 0):]
	lines := strings.Split(string(bytes.TrimSpace(data)), "\n")
	lines = lines[max(len(lines)-stderrLines, 0):]
	for i, l := range lines {
		lines[i] = termtext.Line(strings.TrimSpace(l))
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
