package player

// rest lays out a rest of n frames at the cursor, in the current span:
// "Rest." at its start and "Next: …" so that it ends shortly before the
// rest does. A rest too short for its lines is drawn out until they fit:
// lines are never cut.
func (b *builder) rest(n int64, next string) {
	if n <= 0 {
		return
	}
	b.side, b.rep = "", 0
	start := b.t
	end := start + n
	if next != "" {
		words := b.length(sayNext) + shortGap + b.length(next)
		b.sayIfFits(sayRest, start, end-words-announcer)
		b.speak(Speech, sayNext, max(start, end-announcer-words))
		e := b.speak(Speech, next, b.speechFree)
		if min := e.End() + cueGap; end < min {
			end = min
		}
	} else {
		b.sayIfFits(sayRest, start, end)
	}
	b.restEnd = end
	b.t = end
}
