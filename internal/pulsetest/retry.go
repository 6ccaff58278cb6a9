package pulsetest

import (
	"fmt"
	"strings"
	"testing"
)

// Attempts is how many times Retry tries a check judged by the wall clock.
// The suite's other packages run beside live tests on a 2-core machine and
// can hold up the sound server or the test for a moment; a fault in what
// is tested fails every attempt.
const Attempts = 3

// A Judge collects the problems one attempt found.
type Judge struct{ problems []string }

// Errorf records a problem.
func (j *Judge) Errorf(format string, a ...any) {
	j.problems = append(j.problems, fmt.Sprintf(format, a...))
}

// Retry runs attempt until one finds no problem, up to n times, and fails
// t with the problems of the last; those of the others are logged.
// Attempts call t.Fatal for what is not a matter of timing.
func Retry(t testing.TB, n int, attempt func(j *Judge)) {
	t.Helper()
	for i := 1; ; i++ {
		var j Judge
		attempt(&j)
		if len(j.problems) == 0 {
			return
		}
		if i >= n {
			for _, p := range j.problems {
				t.Error(p)
			}
			return
		}
		t.Logf("attempt %d of %d, again: %s", i, n, strings.Join(j.problems, "; "))
	}
}
