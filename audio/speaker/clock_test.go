package speaker

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	t0 := time.Unix(1000, 0)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	type measure struct {
		read, latency, written int64
		running                bool
		at                     time.Time
	}
	tests := []struct {
		name     string
		base     int64 // output frame where the segment starts
		start    int64 // source frame at base
		measures []measure
		now      time.Time
		want     int64
		atEnd    bool
	}{
		{"nothing measured", 100, 500, nil, ms(0), 500, false},
		{"latency not yet played", 100, 500, []measure{{150, 441, 1500, true, ms(0)}}, ms(0), 500, false},
		{"heard is read less latency", 100, 500, []measure{{1000, 441, 2000, true, ms(0)}}, ms(0), 500 + 1000 - 441 - 100, false},
		{"moves on between measurements", 0, 0, []measure{{4410, 441, 8820, true, ms(0)}}, ms(5), 4410 - 441 + 221, false}, // 5 ms is 220.5 frames
		{"not past what was written", 0, 0, []measure{{4410, 441, 6615, true, ms(0)}}, ms(100), 6615, false},
		{"still when not running", 0, 0, []measure{{4410, 441, 8820, false, ms(0)}}, ms(5), 4410 - 441, false},
		{"never back", 0, 0, []measure{{4410, 0, 8820, true, ms(0)}, {4500, 441, 8820, true, ms(1)}}, ms(1), 4410, false},
		{"stops at the end", 0, 90000, []measure{{44100, 0, 50000, true, ms(0)}}, ms(0), 100000, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c clock
			c.segment(tt.base, tt.start, 100000)
			for _, m := range tt.measures {
				c.measure(m.read, m.latency, m.written, m.running, m.at)
				c.position(m.at)
			}
			if got := c.position(tt.now); got != tt.want {
				t.Errorf("position = %d, want %d", got, tt.want)
			}
			if got := c.atEnd(); got != tt.atEnd {
				t.Errorf("atEnd = %v, want %v", got, tt.atEnd)
			}
		})
	}
}

func TestClockToSource(t *testing.T) {
	var c clock
	c.segment(1000, 5000, 6000)
	for _, tt := range []struct{ out, want int64 }{{0, 5000}, {1000, 5000}, {1500, 5500}, {9000, 6000}} {
		if got := c.toSource(tt.out); got != tt.want {
			t.Errorf("toSource(%d) = %d, want %d", tt.out, got, tt.want)
		}
	}
}
