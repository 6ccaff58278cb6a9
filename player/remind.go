package player

import (
	"sort"

	"github.com/floorcoach/floorcoach/scripts"
)

// reminder is a reminder inside a hold, at its exact frame, with its rank:
// of two that would crowd each other, the lesser gives way.
type reminder struct {
	at   int64
	text string
	rank int // 0 halfway, 1 a time left
}

// reminders speaks the hold's reminders at their exact times, in time
// order and at least minApart from each other: a reminder that would crowd
// the line before it or run past the end of the hold is dropped, never
// moved, and of two closer than minApart, a time left is kept over
// halfway, and else the earlier one.
func (b *builder) reminders(rs []scripts.Reminder, start, end int64) {
	var list []reminder
	add := func(at int64, text string, rank int) {
		if at >= b.speechFree && at+b.length(text) <= end-shortGap {
			list = append(list, reminder{at, text, rank})
		}
	}
	for _, r := range rs {
		switch {
		case r.Halfway:
			add(start+(end-start)/2, sayHalfway, 0)
		case framesOf(r.Left) < end-start:
			add(end-framesOf(r.Left), reminderLine(r.Left), 1)
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].at < list[j].at })
	for _, r := range spaced(list) {
		b.sayIfFits(r.text, r.at, end-shortGap)
	}
}

// spaced keeps the reminders of a time-ordered list that are at least
// minApart from the ones kept before them; a later reminder of a higher
// rank takes the place of the ones it would crowd.
func spaced(list []reminder) []reminder {
	var kept []reminder
	for _, r := range list {
		for len(kept) > 0 && r.at-kept[len(kept)-1].at < minApart && r.rank > kept[len(kept)-1].rank {
			kept = kept[:len(kept)-1]
		}
		if len(kept) > 0 && r.at-kept[len(kept)-1].at < minApart {
			continue
		}
		kept = append(kept, r)
	}
	return kept
}
