package loudness

import "testing"

func BenchmarkMeterStereo(b *testing.B) {
	x := noise(9, 44100*10, -20)
	b.SetBytes(int64(len(x)) * 8)
	for b.Loop() {
		m := NewMeter(44100)
		m.AddStereo(x, x)
	}
}

func BenchmarkMeterMono(b *testing.B) {
	x := noise(9, 44100*10, -20)
	b.SetBytes(int64(len(x)) * 4)
	for b.Loop() {
		m := NewMeter(44100)
		m.AddMono(x)
	}
}
