package mixdown

import (
	"context"
	"testing"
)

func BenchmarkMixVoice(b *testing.B) {
	for b.Loop() {
		voice, _ := session(Headroom)
		m, _ := New(voice, Options{CeilingDB: -1})
		m.Normalize(context.Background(), -16, nil)
		p := make([]int16, 8192)
		for {
			if _, err := m.Read(p); err != nil {
				break
			}
		}
	}
}
