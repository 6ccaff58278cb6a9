package player

// rest lays out a rest of n frames as its own span: "Rest." at its start and
// "Next: …" so that it ends shortly before the rest does. A rest too short
// for its lines is drawn out until they fit: lines are never cut.
func (b *builder) rest(top int, name string, n int64, next string) {
	if n <= 0 {
		return
	}
	b.step = len(b.tl.Steps) + 1
	start := b.t
	b.tl.Steps = append(b.tl.Steps, Span{Index: b.step, Name: name, Start: start, Top: top, Kind: restKind})
	end := start + n
	if next != "" {
		words := b.length(sayNext) + shortGap + b.length(next)
		b.sayIfFits(sayRest, start, end-words-announcer)
		b.speak(Speech, sayNext, max(start, end-announcer-words))
		e := b.speak(Speech, next, b.speechFree)
		if min := e.End() + shortGap; end < min {
			end = min
		}
	} else {
		b.sayIfFits(sayRest, start, end)
	}
	b.tl.Steps[b.step-1].End = end
	b.t = end
	b.step = 0
}
