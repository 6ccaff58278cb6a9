package music

import (
	"math/rand/v2"
	"sort"
)

// An entry is one play of a track in a session: from its first frame, for
// n frames (its whole length, but for the last one, cut at the session's
// end), starting at the session's frame at.
type entry struct {
	track int // index into Bed.tracks
	at    int64
	n     int64
}

// layout plays the tracks in turn, round after round, until length frames
// are filled, opening each track the first time it is needed. With
// shuffle, each round is a new random order that does not start with the
// track the last one ended with.
func (b *Bed) layout(files []string, rng *rand.Rand) error {
	b.tracks = make([]*Track, len(files))
	var last = -1
	for at := int64(0); at < b.length; {
		order := make([]int, len(files))
		for i := range order {
			order[i] = i
		}
		if rng != nil {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			if order[0] == last && len(order) > 1 {
				k := 1 + rng.IntN(len(order)-1)
				order[0], order[k] = order[k], order[0]
			}
		}
		for _, i := range order {
			if at >= b.length {
				break
			}
			if b.tracks[i] == nil {
				t, err := OpenTrack(files[i])
				if err != nil {
					return err
				}
				b.tracks[i] = t
			}
			n := min(b.tracks[i].Len, b.length-at)
			b.entries = append(b.entries, entry{track: i, at: at, n: n})
			at += n
			last = i
		}
	}
	return nil
}

// entryAt returns the index of the entry playing at frame, or -1.
func (b *Bed) entryAt(frame int64) int {
	i := sort.Search(len(b.entries), func(i int) bool { return b.entries[i].at+b.entries[i].n > frame })
	if i == len(b.entries) || frame < b.entries[i].at {
		return -1
	}
	return i
}

// used returns how many of a track's first frames play, at most, in any of
// its entries: the part of it that is measured and decoded.
func (b *Bed) used(track int) int64 {
	var n int64
	for _, e := range b.entries {
		if e.track == track {
			n = max(n, e.n)
		}
	}
	return n
}

// Plays lists what plays: the tracks' paths in order, with where each
// starts in the session, in frames.
func (b *Bed) Plays() []Play {
	out := make([]Play, len(b.entries))
	for i, e := range b.entries {
		out[i] = Play{Track: b.tracks[e.track], At: e.at, Frames: e.n}
	}
	return out
}

// A Play is one track playing in a session, from its start, at frame At,
// for Frames frames.
type Play struct {
	Track  *Track
	At     int64
	Frames int64
}
