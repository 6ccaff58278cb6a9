package pack

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/floorcoach/floorcoach/audio"
)

// ErrNoClip is wrapped by the error for a line a voice has no clip for.
var ErrNoClip = errors.New("audio: no clip")

// A Voice says lines of text with recorded clips: a voice pack, loaded by
// Open, Load or Default, with the packs it extends. Its
// methods are safe for concurrent use; each clip is decoded at most once
// and then kept. Decoded clips are also kept on disk, in the cache
// FLOORCOACH_CACHE names when the Voice is loaded ("off" for none; see
// clipCache), and loaded from there by later runs.
type Voice struct {
	Name     string
	Language string
	Dir      string // the pack's folder on disk; "" for the default pack or a pack of an fs.FS

	clips  map[string]*clip // by NormalizeText of the line
	parent *Voice           // the pack it extends, if any
	cache  *clipCache       // nil: none
}

// lookup finds the clip for a line, in this pack or the ones it extends.
func (v *Voice) lookup(text string) *clip {
	c, _ := v.find(text)
	return c
}

// find finds the clip for a line, and the pack it is in.
func (v *Voice) find(text string) (*clip, *Voice) {
	key := NormalizeText(text)
	for p := v; p != nil; p = p.parent {
		if c, ok := p.clips[key]; ok {
			return c, p
		}
	}
	return nil, nil
}

// inPack adds the folder of a pack on disk to the error of one of its
// clips, whose path is relative to that folder.
func (v *Voice) inPack(err error) error {
	if err == nil || v.Dir == "" {
		return err
	}
	return fmt.Errorf("%w (in voice pack %s)", err, v.Dir)
}

// Has reports whether the voice has a clip for the line.
func (v *Voice) Has(text string) bool {
	return v.lookup(text) != nil
}

// Length returns the length in frames at audio.SampleRate of the line's clip,
// read from the file's header without decoding the audio. ok is false if
// the voice has no clip for the line or its header cannot be read (Probe
// and audio.Sound say why).
func (v *Voice) Length(text string) (frames int64, ok bool) {
	n, err := v.Probe(text)
	return n, err == nil
}

// Probe is Length with the reason when there is no length: an error
// wrapping ErrNoClip, or one naming the file that cannot be read.
func (v *Voice) Probe(text string) (frames int64, err error) {
	c, p := v.find(text)
	if c == nil {
		return 0, v.noClip(text)
	}
	n, err := c.length()
	return n, p.inPack(err)
}

// audio.Sound returns the line's clip, decoded, mixed down to mono and
// resampled to audio.SampleRate: exactly Length(text) frames. Every call for the
// same clip returns the same *audio.Sound, which must not be modified.
func (v *Voice) Sound(text string) (*audio.Sound, error) {
	c, p := v.find(text)
	if c == nil {
		return nil, v.noClip(text)
	}
	s, err := c.decode()
	return s, p.inPack(err)
}

// maxDecoders is how many clips Preload decodes at once, at most: each
// holds its file and its sound while it decodes, up to about 50 MB for
// the largest clip (see decode.MaxClipLength), so more would only add
// memory once the CPUs are busy.
const maxDecoders = 4

// Preload decodes the clips of the lines, or loads them from the cache, on
// up to GOMAXPROCS goroutines (maxDecoders at most), so that Sound returns
// at once afterwards. Clips are taken in the order of their first line,
// each once; lines the voice has no clip for are skipped (Sound says so).
// The error names every clip that cannot be decoded, one per line, in
// this order.
func (v *Voice) Preload(texts []string) error {
	var clips []*clip
	var packs []*Voice
	seen := make(map[*clip]bool)
	for _, text := range texts {
		if c, p := v.find(text); c != nil && !seen[c] {
			seen[c] = true
			clips, packs = append(clips, c), append(packs, p)
		}
	}
	errs := make([]error, len(clips))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), maxDecoders, len(clips)) {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(len(clips)); i = next.Add(1) - 1 {
				_, errs[i] = clips[i].decode()
				errs[i] = packs[i].inPack(errs[i])
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (v *Voice) noClip(text string) error {
	return fmt.Errorf("%w for %q in voice %q", ErrNoClip, text, v.Name)
}

// Texts returns every line the voice can say, as its pack spells it,
// sorted. A line of the extended pack that this one also has appears once.
func (v *Voice) Texts() []string {
	seen := make(map[string]bool)
	var out []string
	for p := v; p != nil; p = p.parent {
		for key, c := range p.clips {
			if !seen[key] {
				seen[key] = true
				out = append(out, c.text)
			}
		}
	}
	slices.Sort(out)
	return out
}

// NormalizeText returns the form in which lines are matched to clips:
// lowercase letters and digits, apostrophes dropped ("Child's" becomes
// "childs"), and every other run of spaces, hyphens, punctuation or
// symbols turned into one space, none at either end. So "Knee-to-chest.",
// "knee to chest" and " KNEE TO CHEST! " all match.
func NormalizeText(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`':
		default:
			gap = true
		}
	}
	return b.String()
}
