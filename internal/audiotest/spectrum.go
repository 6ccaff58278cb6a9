package audiotest

import "math"

// bandFrame is the length of the frames BandLevel analyses.
const bandFrame = 4096

// BandLevel returns, in dB, how the energy of x between lo and hi Hz
// compares with its energy at all frequencies: -40 means a ten-thousandth
// of it. It sums the power spectra of Hann-windowed frames of 4096 samples
// overlapping by half (one frame, zero-padded, for a shorter x), so a
// strong low tone leaks nothing measurable into a band far above it. It
// returns -Inf for silence or an empty band.
func BandLevel[S Sample](x []S, rate int, lo, hi float64) float64 {
	band, all := 0.0, 0.0
	buf := make([]complex128, bandFrame)
	for start := 0; start == 0 || start+bandFrame <= len(x); start += bandFrame / 2 {
		for i := range buf {
			buf[i] = 0
			if start+i < len(x) {
				hann := 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/bandFrame)
				buf[i] = complex(float64(x[start+i])*hann, 0)
			}
		}
		fft(buf)
		for k := 1; k < bandFrame/2; k++ {
			p := real(buf[k])*real(buf[k]) + imag(buf[k])*imag(buf[k])
			all += p
			if f := float64(k) * float64(rate) / bandFrame; f >= lo && f < hi {
				band += p
			}
		}
	}
	if all == 0 {
		return math.Inf(-1)
	}
	return 10 * math.Log10(band/all)
}
