package main

import (
	"io"
	"os"
	"sync"

	"golang.org/x/term"
)

// key is what a key press asks of the player.
type key int

const (
	keyPause   key = iota + 1 // space
	keyNext                   // n or →
	keyRestart                // p or ←
	keyUp                     // + (or =, the same key unshifted)
	keyDown                   // - (or _)
	keyStop                   // q, Ctrl-C or Ctrl-D
	keySuspend                // Ctrl-Z: stop the job, as in cooked mode
	keySide                   // s: the other side of the step
)

// keysHelp is shown when a session starts on a terminal.
const keysHelp = "Keys: space pause, n/→ next, p/← restart (twice: previous), s other side, +/- volume, q stop"

// parseKeys turns what a terminal in raw mode sent into key presses.
// Arrow keys arrive as ESC [ C (or ESC O C, in the terminal's application
// mode); anything else unknown is ignored.
func parseKeys(b []byte) []key {
	var keys []key
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case ' ':
			keys = append(keys, keyPause)
		case 'n', 'N':
			keys = append(keys, keyNext)
		case 'p', 'P':
			keys = append(keys, keyRestart)
		case '+', '=':
			keys = append(keys, keyUp)
		case '-', '_':
			keys = append(keys, keyDown)
		case 'q', 'Q', 3, 4:
			keys = append(keys, keyStop)
		case 26:
			keys = append(keys, keySuspend)
		case 's', 'S':
			keys = append(keys, keySide)
		case 0x1b:
			if i+2 < len(b) && (b[i+1] == '[' || b[i+1] == 'O') {
				switch b[i+2] {
				case 'C':
					keys = append(keys, keyNext)
				case 'D':
					keys = append(keys, keyRestart)
				}
				i += 2
			}
		}
	}
	return keys
}

// readKeys sends the keys read from r until reading fails.
func readKeys(r io.Reader, keys chan<- key) {
	buf := make([]byte, 64)
	for {
		n, err := r.Read(buf)
		for _, k := range parseKeys(buf[:n]) {
			keys <- k
		}
		if err != nil {
			return
		}
	}
}

// terminal is the terminal a session plays on: its output for the status
// line, and its input, in raw mode while the session plays, for keys.
type terminal struct {
	in, out   *os.File
	mu        sync.Mutex    // guards saved and stopped, also changed on job control
	saved     *term.State   // the input's mode before raw mode; nil if not raw
	stopped   bool          // raw mode was left for a job stop, to be taken again
	continued chan struct{} // the job was continued: draw the screen afresh
}

// openTerminal returns the terminal on stdout, or nil when stdout is not
// one. The input is used for keys if it is a terminal too.
func openTerminal(stdin io.Reader, stdout io.Writer) *terminal {
	out, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(int(out.Fd())) {
		return nil
	}
	t := &terminal{out: out, continued: make(chan struct{}, 1)}
	if in, ok := stdin.(*os.File); ok && term.IsTerminal(int(in.Fd())) {
		t.in = in
	}
	return t
}

// raw puts the input in raw mode, for single keys; restore undoes it.
func (t *terminal) raw() error {
	if t.in == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	s, err := term.MakeRaw(int(t.in.Fd()))
	if err != nil {
		return err
	}
	t.saved = s
	return nil
}

// restore puts the input back as it was. It may be called more than once.
func (t *terminal) restore() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = false
	if t.saved != nil {
		term.Restore(int(t.in.Fd()), t.saved)
		t.saved = nil
	}
}

// restoreForJob puts the input back as it was for a job stop, and reports
// whether it was raw.
func (t *terminal) restoreForJob() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.saved == nil {
		return false
	}
	term.Restore(int(t.in.Fd()), t.saved)
	t.saved, t.stopped = nil, true
	return true
}

// rawAgain takes raw mode again after a job stop, and reports whether it
// did: not if the session ended meanwhile.
func (t *terminal) rawAgain() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.stopped {
		return false
	}
	t.stopped = false
	s, err := term.MakeRaw(int(t.in.Fd()))
	if err != nil {
		return false
	}
	t.saved = s
	return true
}

// width returns the terminal's width in columns.
func (t *terminal) width() int {
	if w, _, err := term.GetSize(int(t.out.Fd())); err == nil && w > 0 {
		return w
	}
	return 80
}
