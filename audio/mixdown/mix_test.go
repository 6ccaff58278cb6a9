package mixdown

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/duck"
	"github.com/floorcoach/floorcoach/audio/loudness"
	"github.com/floorcoach/floorcoach/audio/music"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

const sec = audio.SampleRate

// tone is a sine sound of a given peak, faded in and out over 5 ms.
func tone(name string, hz, peakDB, secs float64) *audio.Sound {
	n := int(secs * sec)
	x := make([]float32, n)
	a := math.Pow(10, peakDB/20)
	for i := range x {
		f := min(1, float64(i)/220, float64(n-1-i)/220)
		x[i] = float32(a * f * math.Sin(2*math.Pi*hz*float64(i)/sec))
	}
	return &audio.Sound{Name: name, Samples: x}
}

// session is a 20 s session: "speech" (a 300 Hz tone at the speech peak)
// at 1 s and 9 s, a tick (1 kHz) every second from 4 s to 7 s.
func session(gain float32) (*audio.Renderer, []duck.Span) {
	speech := tone("speech", 300, audio.SpeechPeakDB, 2)
	tick := tone("tick", 1000, -16, 0.05)
	cues := []audio.Cue{{At: 1 * sec, Sound: speech, Gain: gain}, {At: 9 * sec, Sound: speech, Gain: gain}}
	for s := int64(4); s <= 7; s++ {
		cues = append(cues, audio.Cue{At: s * sec, Sound: tick, Gain: gain})
	}
	spans := []duck.Span{{Start: 1 * sec, End: 3 * sec}, {Start: 9 * sec, End: 11 * sec}}
	return audio.NewRenderer(cues, 20*sec), spans
}

func readAll(t *testing.T, s audio.Source) (l, r []float64) {
	t.Helper()
	p := make([]int16, 2*3001)
	for {
		n, err := s.Read(p)
		for i := 0; i < n; i += 2 {
			l = append(l, float64(p[i])/32767)
			r = append(r, float64(p[i+1])/32767)
		}
		if err != nil {
			return l, r
		}
	}
}

// With no music and a gain of 1 the mix is the voice as rendered at its own
// level, to within 1 LSB, silence exactly silent, in exactly its length.
func TestMixOfTheVoiceAlone(t *testing.T) {
	want, _ := session(1)
	voice, _ := session(Headroom)
	m, err := New(voice, Options{CeilingDB: -1})
	if err != nil {
		t.Fatal(err)
	}
	wl, _ := readAll(t, want)
	l, r := readAll(t, m)
	if len(l) != len(wl) {
		t.Fatalf("%d frames, want %d", len(l), len(wl))
	}
	for i := range wl {
		if math.Abs(l[i]-wl[i]) > 1.5/32767 || l[i] != r[i] || (wl[i] == 0) != (l[i] == 0) {
			t.Fatalf("frame %d: %v,%v, want %v", i, l[i], r[i], wl[i])
		}
	}
}

// Normalized to a target, the mix measures at it, its true peak under the
// ceiling, nothing clamped; a second reading gives the same samples.
func TestNormalize(t *testing.T) {
	for _, target := range []float64{-23, -16, -12} {
		voice, _ := session(Headroom)
		m, _ := New(voice, Options{CeilingDB: -1})
		lv, err := m.Normalize(context.Background(), target, nil)
		if err != nil {
			t.Fatal(err)
		}
		l, r := readAll(t, m)
		got, tp := measure(l, r)
		t.Logf("target %v: %.2f LUFS, %.2f dBTP (peak before limiting %.1f dBFS)", target, got, tp, lv.PeakDB)
		if math.Abs(got-target) > 0.2 || tp > -1+0.01 || m.Clipped() > 0 {
			t.Errorf("target %v: %.2f LUFS, %.2f dBTP, %d clamped", target, got, tp, m.Clipped())
		}
		if err := m.SeekFrame(0); err != nil {
			t.Fatal(err)
		}
		l2, _ := readAll(t, m)
		for i := range l {
			if l[i] != l2[i] {
				t.Fatalf("frame %d: %v, then %v", i, l[i], l2[i])
			}
		}
	}
}

func measure(l, r []float64) (lufs, tp float64) {
	m := loudness.NewMeter(sec)
	var p loudness.TruePeak
	fl, fr := make([]float32, len(l)), make([]float32, len(r))
	for i := range l {
		fl[i], fr[i] = float32(l[i]), float32(r[i])
	}
	m.AddStereo(fl, fr)
	p.AddStereo(fl, fr)
	lufs, _ = m.Integrated()
	return lufs, p.DBTP()
}

// A gain of 4 (12 dB), as a live volume above 1, makes the mix louder
// without a sample clamped or the ceiling passed; a change of gain is
// spread out, with no step.
func TestGainAboveOne(t *testing.T) {
	voice, _ := session(Headroom)
	m, _ := New(voice, Options{CeilingDB: -1})
	m.SetGain(4)
	l, r := readAll(t, m)
	if _, tp := measure(l, r); tp > -0.99 || m.Clipped() > 0 {
		t.Errorf("gain 4: %.2f dBTP, %d clamped", tp, m.Clipped())
	}
	voice, _ = session(Headroom)
	m, _ = New(voice, Options{CeilingDB: -1})
	p := make([]int16, 2*int(1.5*sec))
	m.Read(p) // into the first "speech"
	m.SetGain(0.25)
	q := make([]int16, 2*sec)
	m.Read(q)
	prev := float64(p[len(p)-2])
	for i := 0; i < len(q); i += 2 {
		if d := math.Abs(float64(q[i]) - prev); d > 0.04*32767 {
			t.Fatalf("frame %d after the change: a step of %.0f", i/2, d)
		}
		prev = float64(q[i])
	}
}

// Music under the voice is ducked by the envelope: 12 dB lower in the
// middle of speech than between, and there between. The music is measured
// in the mix minus the voice alone, so the voice's tone does not leak into
// the music's band.
func TestMixWithMusic(t *testing.T) {
	dir := t.TempDir()
	path := writeTone(t, filepath.Join(dir, "m.wav"), 2000, 3)
	voice, spans := session(Headroom)
	bed, err := music.Open(path, voice.Len(), music.Options{Target: -31})
	if err != nil {
		t.Fatal(err)
	}
	defer bed.Close()
	if err := bed.Measure(); err != nil {
		t.Fatal(err)
	}
	env := duck.New(spans, voice.Len(), sec, duck.Default)
	m, err := New(voice, Options{Music: bed, Envelope: env, CeilingDB: -1})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := readAll(t, m)
	alone, _ := session(Headroom)
	v, _ := New(alone, Options{CeilingDB: -1})
	vl, _ := readAll(t, v)
	for i := range l {
		l[i] -= vl[i]
	}
	band := func(at float64) float64 {
		f := int(at * sec)
		return audiotest.DBFS(audiotest.Goertzel(l[f-2205:f+2205], sec, 2000))
	}
	for _, tc := range []struct{ under, between float64 }{{10, 7.5}, {10, 14.5}} { // away from the fade-in and the loop points
		if d := band(tc.between) - band(tc.under); d < 11.5 || d > 12.5 {
			t.Errorf("music at %v s is %.1f dB under its level at %v s, want 12", tc.under, d, tc.between)
		}
	}
	if band(6) < -60 {
		t.Errorf("music between cues at %.1f dBFS: not there", band(6))
	}
}

// writeTone writes a stereo 16-bit WAV of a sine at -6 dBFS.
func writeTone(t *testing.T, path string, hz float64, secs float64) string {
	t.Helper()
	var p []int16
	for i := range int(secs * sec) {
		v := int16(16384 * math.Sin(2*math.Pi*hz*float64(i)/sec))
		p = append(p, v, v)
	}
	if err := audiotest.WriteWAV(path, sec, 2, p); err != nil {
		t.Fatal(err)
	}
	return path
}

// Mixing ahead on another goroutine gives the same samples, with music or
// without, after a seek too.
func TestAheadIsTheSame(t *testing.T) {
	path := writeTone(t, filepath.Join(t.TempDir(), "m.wav"), 2000, 3)
	for _, withMusic := range []bool{false, true} {
		read := func(ahead bool) []float64 {
			voice, spans := session(Headroom)
			o := Options{CeilingDB: -1, Gain: 3, Ahead: ahead}
			if withMusic {
				bed, err := music.Open(path, voice.Len(), music.Options{Target: -20})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { bed.Close() })
				if err := bed.Measure(); err != nil {
					t.Fatal(err)
				}
				o.Music, o.Envelope = bed, duck.New(spans, voice.Len(), sec, duck.Default)
			}
			m, err := New(voice, o)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.Normalize(context.Background(), -14, nil); err != nil {
				t.Fatal(err)
			}
			a, _ := readAll(t, m)
			m.SeekFrame(5 * sec)
			b, _ := readAll(t, m)
			return append(a, b...)
		}
		a, b := read(false), read(true)
		if len(a) != len(b) {
			t.Fatalf("music %v: %d frames, ahead %d", withMusic, len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("music %v: frame %d is %v, ahead %v", withMusic, i, a[i], b[i])
			}
		}
	}
}
