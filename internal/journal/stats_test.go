package journal

import (
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin, whatever the machine has
)

func TestThisWeekAndStreak(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2026, month, day, hour, 0, 0, 0, berlin)
	}
	// Clocks go back on Sunday 25 October 2026: a day of 25 hours.
	now := at(10, 28, 9) // a Wednesday
	for _, tc := range []struct {
		name         string
		starts       []time.Time
		week, streak int
	}{
		{"empty", nil, 0, 0},
		{"today", []time.Time{at(10, 28, 7)}, 1, 1},
		{"yesterday only: the streak holds until the day ends", []time.Time{at(10, 27, 20)}, 1, 1},
		{"the day before yesterday: broken", []time.Time{at(10, 26, 20)}, 1, 0},
		{"across the clock change and the week's start",
			[]time.Time{at(10, 23, 8), at(10, 24, 8), at(10, 25, 8), at(10, 25, 23), at(10, 26, 0), at(10, 27, 8), at(10, 28, 8)}, 3, 6},
		{"a gap", []time.Time{at(10, 20, 8), at(10, 22, 8), at(10, 28, 8)}, 1, 1},
		{"Sunday night counts in last week", []time.Time{at(10, 25, 23), at(10, 26, 0)}, 1, 0},
		{"an entry written in another time zone", []time.Time{time.Date(2026, 10, 27, 23, 30, 0, 0, time.UTC)}, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var es []Entry
			for _, s := range tc.starts {
				es = append(es, entry("lower-back", s, Finished, 7))
			}
			if got := len(ThisWeek(es, now)); got != tc.week {
				t.Errorf("ThisWeek = %d, want %d", got, tc.week)
			}
			if got := Streak(es, now); got != tc.streak {
				t.Errorf("Streak = %d, want %d", got, tc.streak)
			}
		})
	}
}

func TestLast(t *testing.T) {
	t0 := time.Date(2026, 11, 3, 8, 0, 0, 0, time.UTC)
	es := []Entry{
		entry("lower-back", t0, Stopped, 2),
		entry("demo", t0.Add(3*time.Hour), Finished, 3),
		entry("lower-back", t0.Add(2*time.Hour), Stopped, 5),
		entry("lower-back", t0.Add(time.Hour), Stopped, 4), // written late: an older start
	}
	if e, ok := Last(es, "lower-back"); !ok || e.Step != 5 {
		t.Errorf("Last(lower-back) = step %d, %v; want step 5", e.Step, ok)
	}
	if _, ok := Last(es, "hips"); ok {
		t.Error("Last(hips) found an entry")
	}
}
