// Package kaiser holds the Kaiser-windowed sinc that the resamplers of
// clips and music and the true-peak interpolator build their filters
// from: a low-pass kernel whose stop band is set by the window's beta.
package kaiser

import "math"

// Sinc is the normalised sinc, sin(πx)/(πx), and 1 at 0.
func Sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// Window is the Kaiser window at u in [-1, 1], 0 outside it. A larger
// beta gives a deeper stop band and a wider transition.
func Window(u, beta float64) float64 {
	if u <= -1 || u >= 1 {
		return 0
	}
	return bessel0(beta*math.Sqrt(1-u*u)) / bessel0(beta)
}

// bessel0 is the modified Bessel function of the first kind, order 0,
// summed from its power series until a term adds less than 1e-12.
func bessel0(x float64) float64 {
	sum, term := 1.0, 1.0
	for k := 1.0; term > 1e-12*sum; k++ {
		term *= (x / (2 * k)) * (x / (2 * k))
		sum += term
	}
	return sum
}
