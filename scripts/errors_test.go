package scripts

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestParseErrors(t *testing.T) {
	for _, tc := range badScripts {
		t.Run(tc.name, func(t *testing.T) { checkParseError(t, tc.src, tc.want, tc.is) })
	}
}

// checkParseError checks that Parse fails on src with the errors want, as
// an ErrorList whose first error is the sentinel is, and no session.
func checkParseError(t *testing.T, src, want string, is error) {
	t.Helper()
	s, err := Parse("back.yaml", []byte(src))
	if err == nil {
		t.Fatalf("Parse: got no error and %+v, want:\n%s", s, want)
	}
	if got := err.Error(); got != want {
		t.Errorf("Parse: got errors:\n%s\nwant:\n%s", got, want)
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("Parse: got %T, want a non-empty ErrorList", err)
	}
	if !errors.Is(list[0], is) {
		t.Errorf("first error %q: errors.Is(%v) is false", list[0], is)
	}
	if s != nil {
		t.Errorf("Parse: got a session with errors: %+v", s)
	}
}

// TestHostileInputsFast checks that inputs built to exhaust the parser
// fail quickly and without much memory.
func TestHostileInputsFast(t *testing.T) {
	for _, tc := range badScripts {
		if len(tc.src) < 1000 && tc.is != ErrAlias {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := Parse("back.yaml", []byte(tc.src))
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatal("Parse: got no error")
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
				t.Errorf("Parse allocated %d MiB, want under 32 MiB", alloc>>20)
			}
			if took > 2*time.Second {
				t.Errorf("Parse took %v, want well under 2s", took)
			}
		})
	}
}

func TestTooManyErrors(t *testing.T) {
	src := "title: Back\nsteps:\n" + strings.Repeat("  - hold: 0s\n", 40)
	_, err := Parse("back.yaml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Parse: got %v, want an ErrorList", err)
	}
	if len(list) != maxErrors+1 {
		t.Fatalf("got %d errors, want %d and a last line", len(list), maxErrors+1)
	}
	want := `back.yaml:33:11: too many errors (10 more not shown)`
	if got := list[maxErrors].Error(); got != want {
		t.Errorf("last error: got %q, want %q", got, want)
	}
}

func TestErrorUnwrap(t *testing.T) {
	_, err := Parse("back.yaml", []byte("title: Back\nsteps:\n  - hold: 30s\n    reps: 501\n"))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("errors.As(%v, *Error) is false", err)
	}
	if e.File != "back.yaml" || e.Line != 4 || e.Column != 11 {
		t.Errorf("got %s:%d:%d, want back.yaml:4:11", e.File, e.Line, e.Column)
	}
	if !errors.Is(err, ErrLimit) || errors.Is(err, ErrType) {
		t.Errorf("errors.Is: got ErrLimit %v, ErrType %v; want true, false",
			errors.Is(err, ErrLimit), errors.Is(err, ErrType))
	}
}
