package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/internal/safefile"
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
// are safe for concurrent use.
type Writer struct {
	Dir string

	mu    sync.Mutex
	root  *os.Root
	doc   yaml.Node       // voice.yaml
	clips *yaml.Node      // its clips mapping
	have  map[string]bool // NormalizeText of the lines the pack itself has
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
	w := &Writer{Dir: dir, root: root, have: map[string]bool{}, taken: map[string]bool{}}
	if err := w.read(); err != nil {
		root.Close()
		return nil, fmt.Errorf("audio: %s: %w", filepath.Join(dir, "voice.yaml"), err)
	}
	return w, nil
}

// createPack makes a new pack in dir unless it holds one.
func createPack(dir string) error {
	entries, err := safefile.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("audio: voice pack: %w", err)
		}
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
	return os.WriteFile(filepath.Join(dir, "voice.yaml"), data, 0o644)
}

// read reads voice.yaml and the names taken in clips/.
func (w *Writer) read() error {
	data, err := w.root.ReadFile("voice.yaml")
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(data, &w.doc); err != nil {
		return err
	}
	if len(w.doc.Content) != 1 || w.doc.Content[0].Kind != yaml.MappingNode {
		return errors.New("not a mapping of name, language, extends and clips")
	}
	w.clips = clipsNode(w.doc.Content[0])
	if w.clips.Kind != yaml.MappingNode {
		return errors.New("clips is not a mapping of lines to files")
	}
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
// not have yet, and returns its file's path in the pack.
func (w *Writer) Add(text string, samples []float32, rate int) (string, error) {
	data := encode.MonoWAV(samples, rate)
	w.mu.Lock()
	defer w.mu.Unlock()
	key := NormalizeText(text)
	switch {
	case key == "":
		return "", fmt.Errorf("audio: line %q has no words", text)
	case w.have[key]:
		return "", fmt.Errorf("audio: voice pack %s already has a clip for %q", w.Dir, text)
	}
	name := uniqueName(Slug(text), text, w.taken) + ".wav"
	file := "clips/" + name
	if err := w.root.MkdirAll("clips", 0o755); err != nil {
		return "", fmt.Errorf("audio: voice pack %s: %w", w.Dir, err)
	}
	if err := w.replace(file, data); err != nil {
		return "", err
	}
	w.taken[name], w.have[key] = true, true
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

// replace writes a file of the pack whole, through a temporary file.
func (w *Writer) replace(name string, data []byte) error {
	tmp := path.Join(path.Dir(name), "."+path.Base(name)+".part")
	err := w.root.WriteFile(tmp, data, 0o644)
	if err == nil {
		err = w.root.Rename(tmp, name)
	}
	if err != nil {
		w.root.Remove(tmp)
		return fmt.Errorf("audio: voice pack %s: %w", w.Dir, err)
	}
	return nil
}

// Close closes the pack folder.
func (w *Writer) Close() error { return w.root.Close() }
