package speech

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// On Linux a TTS command cannot leave anything running behind it. Killing
// its process group is not enough: a process it starts can leave the
// group (setsid) and outlive it. So floorcoach makes itself a child
// subreaper (PR_SET_CHILD_SUBREAPER): whatever a command starts stays
// among floorcoach's descendants when its parent dies, instead of going to
// init. Each run marks its command's environment with a variable of its
// own (runMark), which every process it starts inherits; when the command
// ends, reap kills every descendant of floorcoach that carries the mark.
// A process may clear its environment: the function ReapSince returns
// ends it when the caller is done.

// subreap makes this process a child subreaper, once it runs commands.
func subreap() { unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) }

// reap kills the processes the command left, by the mark in cmd.Env.
func reap(cmd *exec.Cmd) {
	mark := ""
	for _, kv := range cmd.Env {
		if strings.HasPrefix(kv, runMark+"=") {
			mark = kv
		}
	}
	if mark != "" {
		killDescendants(func(pid int) bool { return hasEnv(pid, mark) })
	}
}

// ReapSince notes the processes that descend from this one now, and
// returns a function that kills every descendant started since: what TTS
// commands left running out of reach of their mark (a process that
// cleared its environment). Call that function when no command is running
// any more. Processes that were there before, such as a server the
// caller started itself, are left alone.
func ReapSince() (reapAll func()) {
	self := os.Getpid()
	before := map[int]bool{}
	parents := processParents()
	for pid := range parents {
		if below(pid, self, parents) {
			before[pid] = true
		}
	}
	return func() { killDescendants(func(pid int) bool { return !before[pid] }) }
}

// killDescendants kills the descendants of this process that match, and
// waits for those that are its children; killing one makes its children
// this process's, so it goes round until none is left.
func killDescendants(match func(pid int) bool) {
	self := os.Getpid()
	for range 20 {
		var found []int
		parents := processParents()
		for pid := range parents {
			if below(pid, self, parents) && match(pid) {
				found = append(found, pid)
			}
		}
		if len(found) == 0 {
			return
		}
		for _, pid := range found {
			syscall.Kill(pid, syscall.SIGKILL)
		}
		for _, pid := range found {
			if parents[pid] == self {
				var ws syscall.WaitStatus
				syscall.Wait4(pid, &ws, 0, nil)
			}
		}
	}
}

// below reports whether pid descends from ancestor.
func below(pid, ancestor int, parents map[int]int) bool {
	for range 4096 {
		pp, ok := parents[pid]
		if !ok || pp <= 1 {
			return false
		}
		if pp == ancestor {
			return true
		}
		pid = pp
	}
	return false
}

// processParents returns the parent of every process, from /proc.
func processParents() map[int]int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	parents := make(map[int]int, len(stats))
	for _, st := range stats {
		data, err := os.ReadFile(st)
		if err != nil {
			continue
		}
		// pid (comm) state ppid …: comm may hold spaces and parentheses.
		i := bytes.LastIndexByte(data, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(string(data[i+1:]))
		if len(fields) < 2 {
			continue
		}
		pid, err1 := strconv.Atoi(filepath.Base(filepath.Dir(st)))
		ppid, err2 := strconv.Atoi(fields[1])
		if err1 == nil && err2 == nil {
			parents[pid] = ppid
		}
	}
	return parents
}

// hasEnv reports whether the environment of process pid holds kv.
func hasEnv(pid int, kv string) bool {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ")
	return err == nil && bytes.Contains(append([]byte{0}, data...), []byte("\x00"+kv+"\x00"))
}
