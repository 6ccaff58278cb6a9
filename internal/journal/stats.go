package journal

import "time"

// ThisWeek returns the entries that started in the week (Monday to
// Sunday, in now's time zone) that holds now.
func ThisWeek(entries []Entry, now time.Time) []Entry {
	y, m, d := now.Date()
	monday := time.Date(y, m, d-(int(now.Weekday())+6)%7, 0, 0, 0, 0, now.Location())
	var week []Entry
	for _, e := range entries {
		if !e.Start.Before(monday) {
			week = append(week, e)
		}
	}
	return week
}

// Streak returns the number of days in a row, in now's time zone, on which
// a session was played, finished or not, counting back from today, or from
// yesterday while nothing was played yet today.
func Streak(entries []Entry, now time.Time) int {
	days := map[date]bool{}
	for _, e := range entries {
		days[dateOf(e.Start.In(now.Location()))] = true
	}
	d := dateOf(now)
	if !days[d] {
		d = d.prev()
	}
	n := 0
	for ; days[d]; d = d.prev() {
		n++
	}
	return n
}

// date is a day of the calendar.
type date struct {
	y int
	m time.Month
	d int
}

func dateOf(t time.Time) date {
	y, m, d := t.Date()
	return date{y, m, d}
}

// prev returns the day before.
func (d date) prev() date {
	return dateOf(time.Date(d.y, d.m, d.d-1, 12, 0, 0, 0, time.UTC))
}

// Last returns the latest entry, by start, of the session named session.
func Last(entries []Entry, session string) (Entry, bool) {
	var last Entry
	found := false
	for _, e := range entries {
		if e.Session == session && (!found || !e.Start.Before(last.Start)) {
			last, found = e, true
		}
	}
	return last, found
}
