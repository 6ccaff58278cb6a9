package audio

import "testing"

// BenchmarkRender renders a typical 20-minute session: a spoken line of
// 3 s every 20 s (3 minutes of speech in all), a tick every second and a
// start and end tone around each hold, with silence between.
func BenchmarkRender(b *testing.B) {
	const minutes = 20
	length := int64(minutes * 60 * SampleRate)
	speech := speechLike(3)
	var cues []Cue
	for s := int64(0); s < minutes*60; s++ {
		at := s * SampleRate
		switch {
		case s%20 == 0:
			cues = append(cues, Cue{At: at, Len: speech.Len(), Sound: speech})
		case s%20 == 4:
			cues = append(cues, Cue{At: at, Len: ToneLen(ToneStart), Sound: Tone(ToneStart)})
		case s%20 == 19:
			cues = append(cues, Cue{At: at, Len: ToneLen(ToneEnd), Sound: Tone(ToneEnd)})
		}
		cues = append(cues, Cue{At: at + SampleRate/2, Len: ToneLen(ToneTick), Sound: Tone(ToneTick)})
	}
	buf := make([]int16, 2*4096)
	b.ReportAllocs()
	for b.Loop() {
		r := NewRenderer(cues, length)
		for {
			if _, err := r.Read(buf); err != nil {
				break
			}
		}
	}
	b.ReportMetric(minutes*60*float64(b.N)/b.Elapsed().Seconds(), "x-realtime")
}
