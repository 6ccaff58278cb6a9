package kaiser

import (
	"math"
	"testing"
)

// The window against values of I0 from tables, and its shape.
func TestWindow(t *testing.T) {
	for _, c := range []struct{ x, i0 float64 }{{0, 1}, {1, 1.2660658777520082}, {6, 67.23440697647798}} {
		if got := bessel0(c.x); math.Abs(got-c.i0) > 1e-9*c.i0 {
			t.Errorf("I0(%g) = %.15g, want %.15g", c.x, got, c.i0)
		}
	}
	if w := Window(0, 6); w != 1 {
		t.Errorf("Window(0) = %g, want 1", w)
	}
	if w := Window(1, 6); w != 0 {
		t.Errorf("Window(1) = %g, want 0", w)
	}
	if a, b := Window(0.5, 6), Window(-0.5, 6); a != b || a <= 0 || a >= 1 {
		t.Errorf("Window(±0.5) = %g, %g, want equal, between 0 and 1", a, b)
	}
	if s := Sinc(2); math.Abs(s) > 1e-15 {
		t.Errorf("Sinc(2) = %g, want 0", s)
	}
	if s := Sinc(0.5); math.Abs(s-2/math.Pi) > 1e-15 {
		t.Errorf("Sinc(0.5) = %g, want 2/π", s)
	}
}
