package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/internal/safefile"
	"github.com/floorcoach/floorcoach/internal/yamlpos"
)

// newPackYAML is the voice.yaml of a pack CreatePack makes.
const newPackYAML = `# A voice pack: each line's text -> its clip, relative to this folder.
# Lines this pack lacks come from the pack it extends. floorcoach adds the
# clips it makes or takes in (floorcoach clips make / clips add) here.
name: %q
language: en
extends: default
clips:
`

// A Writer adds clips to a voice pack folder on disk: each clip is a
// 16-bit mono WAV file in the pack's clips folder, named after its line,
// and its line goes into voice.yaml, whose comments are kept. Nothing is
// written outside the folder (all goes through an os.Root), and files
// appear whole: each is written under a temporary name and renamed, the
// clip before voice.yaml, which is rewritten after every clip. Its methods
// are safe for concurrent use, and several Writers, in several processes,
// may add to one pack at once: each holds a lock on the pack folder while
// it adds a clip, and first reads voice.yaml again, so that every line
// any of them adds is kept.
type Writer struct {
	Dir string

	mu    sync.Mutex
	root  *os.Root
	lock  *os.File        // the pack folder, locked while a clip is added
	doc   yaml.Node       // voice.yaml
	clips *yaml.Node      // its clips mapping
	have  map[string]bool // NormalizeText of the lines the pack itself has
	known map[string]bool // and of those it had when opened, or w added
	taken map[string]bool // file names in clips/ that exist or are named
}

// OpenWriter opens the pack in folder dir for adding clips. A folder
// that does not exist, or is empty, becomes a new pack first: its
// voice.yaml names it after the folder and extends the default pack. A
// folder that holds other files but no voice.yaml is refused.
func OpenWriter(dir string) (*Writer, error) {
	if err := createPack(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("audio: voice pack: %w", err)
	}
	w := &Writer{Dir: dir, root: root}
	if w.lock, err = root.Open("."); err == nil {
		err = w.locked(w.read)
	}
	w.known = maps.Clone(w.have)
	if err != nil {
		w.Close()
		return nil, yamlError(dir, err)
	}
	return w, nil
}

// yamlError is err, an error reading the voice.yaml in dir, named by its
// file unless it names it already, with a line and column.
func yamlError(dir string, err error) error {
	if _, ok := errors.AsType[*yamlpos.Error](err); ok {
		return err
	}
	return fmt.Errorf("audio: %s: %w", filepath.Join(dir, "voice.yaml"), err)
}

// locked runs f holding the lock on the pack folder.
func (w *Writer) locked(f func() error) error {
	if err := lockDir(w.lock); err != nil {
		return err
	}
	defer unlockDir(w.lock)
	return f()
}

// createPack makes a new pack in dir unless it holds one. It decides
// holding the folder's lock, so that two writers starting at once on a
// new folder agree: the second one finds the first one's voice.yaml,
// not a folder with a half-written file and no pack in it.
func createPack(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("audio: voice pack: %w", err)
	}
	lock, err := os.Open(dir) // a folder: MkdirAll refused anything else
	if err != nil {
		return fmt.Errorf("audio: voice pack: %w", err)
	}
	defer lock.Close()
	if err := lockDir(lock); err != nil {
		return fmt.Errorf("audio: voice pack: %w", err)
	}
	defer unlockDir(lock)
	entries, err := safefile.ReadDir(dir)
	switch {
	case err != nil:
		return fmt.Errorf("audio: voice pack: %w", err)
	case len(entries) > 0:
		if _, err := os.Lstat(filepath.Join(dir, "voice.yaml")); err == nil {
			return nil
		}
		return fmt.Errorf("audio: %s is not a voice pack (no voice.yaml) and not empty: name a new or empty folder", dir)
	}
	name := filepath.Base(dir)
	if abs, err := filepath.Abs(dir); err == nil {
		name = filepath.Base(abs)
	}
	data := fmt.Appendf(nil, newPackYAML, name)
	return safefile.WriteFile(filepath.Join(dir, "voice.yaml"), data, false)
}

// read reads voice.yaml and the names taken in clips/, afresh.
func (w *Writer) read() error {
	f, err := safefile.OpenIn(w.root, "voice.yaml", false)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPackFile+1))
	f.Close()
	switch {
	case err != nil:
		return err
	case len(data) > maxPackFile:
		return fmt.Errorf("larger than %d MiB", maxPackFile>>20)
	}
	_, doc, err := decodePackFile(filepath.Join(w.Dir, "voice.yaml"), data)
	if err != nil {
		return err // a mistake at its line and column, as Load says it
	}
	w.doc, w.have, w.taken = *doc, map[string]bool{}, map[string]bool{}
	w.clips = clipsNode(w.doc.Content[0]) // a mapping: decodePackFile saw to it
	for i := 0; i+1 < len(w.clips.Content); i += 2 {
		w.have[NormalizeText(w.clips.Content[i].Value)] = true
		w.taken[path.Base(w.clips.Content[i+1].Value)] = true
	}
	if f, err := w.root.Open("clips"); err == nil {
		names, _ := f.Readdirnames(-1)
		f.Close()
		for _, n := range names {
			w.taken[n] = true
		}
	}
	return nil
}

// clipsNode returns the value of the clips key of voice.yaml's mapping,
// adding the key if it is missing and making an empty value a mapping.
func clipsNode(m *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "clips" {
			v := m.Content[i+1]
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				*v = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			}
			if v.Style&yaml.FlowStyle != 0 { // a block mapping's comment goes on its key
				v.Style &^= yaml.FlowStyle
				m.Content[i].LineComment, v.LineComment = v.LineComment, ""
			}
			return v
		}
	}
	v := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "clips"}, v)
	return v
}

// Has reports whether the pack itself (not one it extends) has a clip for
// the line.
func (w *Writer) Has(text string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.have[NormalizeText(text)]
}

// Add writes samples, mono at rate Hz, as the clip of a line the pack does
// not have yet, and returns its file's path in the pack. A line the pack
// had when w was opened, or that w added, is an error; one another Writer
// added meanwhile is kept, and its path returned.
func (w *Writer) Add(text string, samples []float32, rate int) (string, error) {
	data := encode.MonoWAV(samples, rate)
	w.mu.Lock()
	defer w.mu.Unlock()
	key := NormalizeText(text)
	switch {
	case key == "":
		return "", fmt.Errorf("audio: line %q has no words", text)
	case w.known[key]:
		return "", fmt.Errorf("audio: voice pack %s already has a clip for %q", w.Dir, text)
	}
	w.known[key] = true
	var file string
	err := w.locked(func() error {
		if err := w.read(); err != nil {
			return yamlError(w.Dir, err)
		}
		if file = w.fileOf(key); file != "" {
			return nil // another writer made it
		}
		var err error
		file, err = w.add(text, data)
		return err
	})
	return file, err
}

// add writes a clip and its line, under the lock.
func (w *Writer) add(text string, data []byte) (string, error) {
	name := uniqueName(Slug(text), text, w.taken) + ".wav"
	file := "clips/" + name
	if err := w.root.MkdirAll("clips", 0o755); err != nil {
		return "", fmt.Errorf("audio: voice pack %s: %w", w.Dir, err)
	}
	if err := w.replace(file, data); err != nil {
		return "", err
	}
	w.taken[name], w.have[NormalizeText(text)] = true, true
	w.clips.Content = append(w.clips.Content,
		&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text, Style: yaml.DoubleQuotedStyle},
		&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: file})
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	err := enc.Encode(&w.doc)
	if err == nil {
		err = enc.Close()
	}
	if err == nil {
		err = w.replace("voice.yaml", out.Bytes())
	}
	return file, err
}

// fileOf returns the clip voice.yaml gives the line key, or "".
func (w *Writer) fileOf(key string) string {
	for i := 0; i+1 < len(w.clips.Content); i += 2 {
		if NormalizeText(w.clips.Content[i].Value) == key {
			return w.clips.Content[i+1].Value
		}
	}
	return ""
}

// replace writes a file of the pack whole, through a temporary file.
func (w *Writer) replace(name string, data []byte) error {
	if err := safefile.WriteFileIn(w.root, name, data, true); err != nil {
		return fmt.Errorf("audio: voice pack %s: %w", w.Dir, err)
	}
	return nil
}

// Close closes the pack folder.
func (w *Writer) Close() error {
	if w.lock != nil {
		w.lock.Close()
	}
	return w.root.Close()
}
