package audio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// ErrNoClip is wrapped by the error for a line a voice has no clip for.
var ErrNoClip = errors.New("audio: no clip")

// maxPackFile is the largest voice.yaml read.
const maxPackFile = 1 << 20

// A Voice says lines of text with recorded clips: a voice pack, loaded by
// LoadVoice or DefaultVoice. Its methods are safe for concurrent use; each
// clip is decoded at most once and then kept. Decoded clips are also kept
// on disk, in the cache FLOORCOACH_CACHE names when the Voice is loaded
// ("off" for none; see clipCache), and loaded from there by later runs.
type Voice struct {
	Name     string
	Language string

	clips  map[string]*clip // by NormalizeText of the line
	parent *Voice           // the pack it extends, if any
	cache  *clipCache       // nil: none
}

// packFile is the form of voice.yaml.
type packFile struct {
	Name     string            `yaml:"name"`
	Language string            `yaml:"language"`
	Extends  string            `yaml:"extends"`
	Clips    map[string]string `yaml:"clips"`
}

// LoadVoice loads the voice pack in folder dir of fsys: dir/voice.yaml
// and the clips it names. Clip files must exist, be .mp3 or .wav, and lie
// inside dir; they are read only when a line's length or sound is asked
// for. A pack with "extends: default" says the lines it lacks with the
// default pack (the only pack that can be extended for now).
func LoadVoice(fsys fs.FS, dir string) (*Voice, error) {
	return loadPack(fsys, dir, DefaultVoice)
}

// loadPack loads a pack. If it extends the default pack, base loads that;
// a nil base means it may extend none.
func loadPack(fsys fs.FS, dir string, base func() (*Voice, error)) (*Voice, error) {
	name := path.Join(dir, "voice.yaml")
	data, err := readLimited(fsys, name, maxPackFile)
	if err != nil {
		return nil, fmt.Errorf("audio: voice pack: %w", err)
	}
	var f packFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if err == io.EOF {
			err = errors.New("empty file")
		}
		return nil, fmt.Errorf("audio: %s: %w", name, err)
	}
	v := &Voice{Name: f.Name, Language: f.Language, clips: make(map[string]*clip, len(f.Clips)), cache: newClipCache()}
	if v.Name == "" {
		v.Name = path.Base(dir)
	}
	if err := v.addClips(fsys, dir, f.Clips); err != nil {
		return nil, fmt.Errorf("audio: %s: %w", name, err)
	}
	switch {
	case f.Extends == "":
	case f.Extends != "default" || base == nil:
		return nil, fmt.Errorf("audio: %s: extends %q: only the default pack can be extended, and it extends none", name, f.Extends)
	default:
		if v.parent, err = base(); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// addClips checks the clips of voice.yaml and adds them, in text order so
// that errors come out the same every time.
func (v *Voice) addClips(fsys fs.FS, dir string, clips map[string]string) error {
	texts := make([]string, 0, len(clips))
	for text := range clips {
		texts = append(texts, text)
	}
	slices.Sort(texts)
	for _, text := range texts {
		key, file := NormalizeText(text), clips[text]
		if key == "" {
			return fmt.Errorf("line %q has no words", text)
		}
		if other, ok := v.clips[key]; ok {
			return fmt.Errorf("lines %q and %q differ only in case, spacing or punctuation", other.text, text)
		}
		if err := checkClipPath(file); err != nil {
			return fmt.Errorf("clip %q for %q: %w", file, text, err)
		}
		full := path.Join(dir, file)
		if _, err := fs.Stat(fsys, full); err != nil {
			return fmt.Errorf("clip %q for %q: %w", file, text, err)
		}
		v.clips[key] = &clip{text: text, fsys: fsys, path: full, cache: v.cache}
	}
	return nil
}

// checkClipPath accepts a slash-separated path to an .mp3 or .wav file
// inside the pack folder.
func checkClipPath(file string) error {
	switch ext := strings.ToLower(path.Ext(file)); {
	case file == "":
		return errors.New("no file named")
	case strings.HasPrefix(file, "/") || strings.Contains(file, `\`) || (len(file) > 1 && file[1] == ':'):
		return errors.New("the path must be relative to the pack folder, with / between folders")
	case slices.Contains(strings.Split(file, "/"), ".."):
		return errors.New("the path must stay inside the pack folder (no ..)")
	case ext != ".mp3" && ext != ".wav":
		return errors.New("not an .mp3 or .wav file")
	}
	return nil
}

// lookup finds the clip for a line, in this pack or the one it extends.
func (v *Voice) lookup(text string) *clip {
	key := NormalizeText(text)
	for p := v; p != nil; p = p.parent {
		if c, ok := p.clips[key]; ok {
			return c
		}
	}
	return nil
}

// Has reports whether the voice has a clip for the line.
func (v *Voice) Has(text string) bool { return v.lookup(text) != nil }

// Length returns the length in frames at SampleRate of the line's clip,
// read from the file's header without decoding the audio. ok is false if
// the voice has no clip for the line or its header cannot be read (Probe
// and Sound say why).
func (v *Voice) Length(text string) (frames int64, ok bool) {
	n, err := v.Probe(text)
	return n, err == nil
}

// Probe is Length with the reason when there is no length: an error
// wrapping ErrNoClip, or one naming the file that cannot be read.
func (v *Voice) Probe(text string) (frames int64, err error) {
	c := v.lookup(text)
	if c == nil {
		return 0, v.noClip(text)
	}
	return c.length()
}

// Sound returns the line's clip, decoded, mixed down to mono and
// resampled to SampleRate: exactly Length(text) frames. Every call for the
// same clip returns the same *Sound, which must not be modified.
func (v *Voice) Sound(text string) (*Sound, error) {
	c := v.lookup(text)
	if c == nil {
		return nil, v.noClip(text)
	}
	return c.decode()
}

// Preload decodes the clips of the lines, or loads them from the cache, on
// GOMAXPROCS goroutines, so that Sound returns at once afterwards. Clips
// are taken in the order of their first line, each once; lines the voice
// has no clip for are skipped (Sound says so). The error is that of the
// first line, in this order, whose clip cannot be decoded.
func (v *Voice) Preload(texts []string) error {
	var clips []*clip
	seen := make(map[*clip]bool)
	for _, text := range texts {
		if c := v.lookup(text); c != nil && !seen[c] {
			seen[c] = true
			clips = append(clips, c)
		}
	}
	errs := make([]error, len(clips))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(clips)) {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(len(clips)); i = next.Add(1) - 1 {
				_, errs[i] = clips[i].decode()
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
