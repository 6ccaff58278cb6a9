package mic

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

const testRate = 44100

// noise returns sec seconds of white noise at level dB (RMS, dBFS).
func noise(rng *rand.Rand, sec, level float64) []float32 {
	x := make([]float32, int(sec*testRate))
	amp := math.Pow(10, level/20)
	for i := range x {
		x[i] = float32(rng.NormFloat64() * amp)
	}
	return x
}

// word adds to x, from at seconds, a word-like sound: sec seconds of a
// 220 Hz buzz with harmonics, rising and falling, peaking at amp.
func word(x []float32, at, sec, amp float64) {
	from, n := int(at*testRate), int(sec*testRate)
	for i := range n {
		env := math.Sin(math.Pi * float64(i) / float64(n))
		t := float64(i) / testRate
		v := 0.6*math.Sin(2*math.Pi*220*t) + 0.3*math.Sin(2*math.Pi*440*t) + 0.1*math.Sin(2*math.Pi*1320*t)
		x[from+i] += float32(amp * env * v)
	}
}

// feed gives x to a take in 20 ms blocks, and returns the time at which
// the take said it was over (-1: never).
func feed(tk *Take, x []float32) float64 {
	const block = testRate / 50
	for i := 0; i < len(x); i += block {
		if tk.Add(x[i:min(i+block, len(x))]) {
			return float64(min(i+block, len(x))) / testRate
		}
	}
	return -1
}

// A take of two words with a pause between them, in hiss, after a click:
// the click starts nothing, the pause does not end the take, one second of
// quiet after the second word does; Speech is the words with their margins.
func TestTakeEndsAfterQuiet(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	fl := NewFloor(testRate)
	fl.Add(noise(rng, 2, -60))
	if got := fl.Level(); math.Abs(got+60) > 1.5 {
		t.Fatalf("noise floor %.1f dBFS, want about -60", got)
	}
	x := noise(rng, 5, -60)
	for i := range 200 { // a 4.5 ms click at 0.3 s
		x[int(0.3*testRate)+i] += 0.8
	}
	word(x, 1.0, 0.5, 0.3)
	word(x, 1.9, 0.6, 0.3) // a 0.4 s pause between the words
	tk := NewTake(testRate, fl.Level())
	over := feed(tk, x)
	// The second word's sound ends a little before 2.5 s (its envelope
	// fades below the threshold); the take ends one second later.
	if over < 3.35 || over > 3.55 {
		t.Errorf("the take ended at %.3f s, want about 3.5 (1 s after the last word)", over)
	}
	sp := tk.Speech()
	sec := float64(len(sp)) / testRate
	if sec < 1.5+0.4 || sec > 1.5+0.65 {
		t.Errorf("speech lasts %.3f s, want the words' 1.5 s and margins of at most 0.6 s", sec)
	}
	if p := tk.Problems(); len(p) != 0 {
		t.Errorf("problems %q in a clean take", p)
	}
}

// Quiet takes, clipped ones and ones drowned in noise say so; a take
// without speech has none and goes on until MaxTake.
func TestTakeProblems(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range []struct {
		name      string
		hiss, amp float64
		want      string
		clip      bool
	}{
		{"clipped", -60, 1.6, "clipped", true},
		{"quiet", -75, 0.004, "too quiet", false},
		{"noisy", -35, 0.1, "noisy: the speech is only", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fl := NewFloor(testRate)
			fl.Add(noise(rng, 2, tc.hiss))
			x := noise(rng, 3, tc.hiss)
			word(x, 0.5, 0.6, tc.amp)
			for i, v := range x {
				x[i] = float32(math.Max(-1, math.Min(1, float64(v))))
			}
			tk := NewTake(testRate, fl.Level())
			if over := feed(tk, x); over < 0 {
				t.Fatalf("the take did not end")
			}
			if p := strings.Join(tk.Problems(), "; "); !strings.Contains(p, tc.want) {
				t.Errorf("problems %q, want %q", p, tc.want)
			}
		})
	}
	tk := NewTake(testRate, -60)
	long := noise(rng, 61, -60)
	if over := feed(tk, long); math.Abs(over-MaxTake.Seconds()) > 0.021 || tk.Started() || tk.Speech() != nil {
		t.Errorf("a take of hiss alone: over at %v s, started %v", over, tk.Started())
	}
	if tk.Len() != MaxTake {
		t.Errorf("the take holds %v, want at most %v", tk.Len(), MaxTake)
	}
	if p := tk.Problems(); len(p) != 1 || p[0] != "heard no speech" {
		t.Errorf("problems %q", p)
	}
}
