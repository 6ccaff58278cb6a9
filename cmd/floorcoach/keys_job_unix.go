//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// followJobs keeps the terminal right across job control: stopped (Ctrl-Z,
// or SIGTSTP from elsewhere), the session gives the terminal back as it
// was, then stops; continued (fg, SIGCONT), it takes raw mode again and
// says so on t.continued. The returned function stops following.
func (t *terminal) followJobs() (stop func()) {
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGTSTP, syscall.SIGCONT)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case s := <-sigs:
				if s == syscall.SIGTSTP {
					t.stopJob()
				} else {
					t.continueJob()
				}
			}
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// suspend asks for the job to stop, as Ctrl-Z does in cooked mode: SIGTSTP
// to the process group the terminal would send it to.
func (t *terminal) suspend() {
	syscall.Kill(0, syscall.SIGTSTP)
}

// stopJob restores the terminal, ends the status line and stops the
// process. It stops with SIGSTOP: once SIGTSTP was caught, the Go runtime
// keeps its handler, and SIGTSTP would no longer stop anything.
func (t *terminal) stopJob() {
	if t.restoreForJob() {
		t.out.WriteString("\r\n")
	}
	syscall.Kill(os.Getpid(), syscall.SIGSTOP)
}

// continueJob takes raw mode again after a stop, and tells the screen to
// draw its status line afresh.
func (t *terminal) continueJob() {
	if t.rawAgain() {
		select {
		case t.continued <- struct{}{}:
		default:
		}
	}
}
