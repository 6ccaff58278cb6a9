package loudness

// TruePeak measures the true peak of a stereo or mono stream, fed in order,
// with the fine interpolator. The zero value is ready to use.
type TruePeak struct {
	hist [2][]float32 // each channel's last samples, for the interpolator
	peak float32
}

// AddStereo adds frames of a stereo stream; l and r must be as long.
func (t *TruePeak) AddStereo(l, r []float32) {
	t.add(0, l)
	t.add(1, r)
}

// AddMono adds frames of a mono stream.
func (t *TruePeak) AddMono(x []float32) { t.add(0, x) }

// add measures channel ch's new samples x: each sample and the points
// after it, once the samples the interpolator needs after it are in.
func (t *TruePeak) add(ch int, x []float32) {
	if t.hist[ch] == nil {
		t.hist[ch] = make([]float32, firBehind+firAhead) // silence before the start
	}
	buf := append(t.hist[ch], x...)
	for i := firBehind; i+firAhead < len(buf); i++ {
		t.peak = max(t.peak, truePeakAt(buf, i, 0))
	}
	t.hist[ch] = append(buf[:0], buf[len(buf)-firBehind-firAhead:]...)
}

// Peak returns the true peak so far, linear (1 is full scale), counting the
// last samples as followed by silence.
func (t *TruePeak) Peak() float64 {
	peak := t.peak
	for _, h := range t.hist {
		if h == nil {
			continue
		}
		buf := append(append([]float32(nil), h...), make([]float32, firAhead)...)
		for i := firBehind; i+firAhead < len(buf); i++ { // the samples add left unmeasured
			peak = max(peak, truePeakAt(buf, i, 0))
		}
	}
	return float64(peak)
}

// DBTP returns Peak in dBTP.
func (t *TruePeak) DBTP() float64 { return DB(t.Peak()) }
