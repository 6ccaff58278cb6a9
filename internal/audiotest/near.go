package audiotest

import "math"

// Near reports whether got is within tol of want: |got-want| <= tol. A NaN
// is near nothing, so a measurement that went wrong is never near.
func Near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }
