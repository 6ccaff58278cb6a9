package pack

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/floorcoach/floorcoach/audio/decode"
)

// maxPackFile is the largest voice.yaml read.
const maxPackFile = 1 << 20

// maxExtends is how many packs deep a chain of extends may go, not
// counting the default pack at its end.
const maxExtends = 4

// Load loads the voice pack in folder dir of fsys: dir/voice.yaml
// and the clips it names. Clip files must exist, be .mp3 or .wav, and lie
// inside dir; they are read only when a line's length or sound is asked
// for. A pack says the lines it lacks with the pack it extends: "default"
// (the default pack), the name of one of the user's packs (see UserDir),
// or a folder relative to its own, at most four packs deep. That folder
// is a sibling ("../anna") or inside the pack: a pack shared by someone
// else reaches no further than the folder it was put in (an absolute
// path, or "../../x", is refused).
func Load(fsys fs.FS, dir string) (*Voice, error) {
	return loadPack(fsys, dir, Default)
}

// loadPack loads a pack of fsys. If it extends the default pack, base
// loads that; a nil base means it may extend none.
func loadPack(fsys fs.FS, dir string, base func() (*Voice, error)) (*Voice, error) {
	return loadAt(location{fsys: fsys, dir: dir}, base)
}

// loadAt loads the pack at l and the packs it extends.
func loadAt(l location, base func() (*Voice, error)) (*Voice, error) {
	ld := &loader{base: base, chain: []string{l.key()}, names: []string{l.name("")}}
	return ld.load(l)
}

// A location is the folder of a pack: in a file system, and on disk when it
// is on disk.
type location struct {
	fsys fs.FS
	dir  string // slash-separated, within fsys
	disk string // the folder on disk; "" for the embedded pack or a caller's fs.FS
}

// diskLocation is the pack folder dir on disk, read through a packFS.
func diskLocation(dir string) location {
	return location{fsys: packFS{dir: dir}, dir: ".", disk: dir}
}

// name returns how errors name a file of the pack ("" for the folder).
func (l location) name(file string) string {
	if l.disk != "" {
		return filepath.Join(l.disk, filepath.FromSlash(file))
	}
	return path.Join(l.dir, file)
}

// key identifies the pack's folder, to find cycles of extends.
func (l location) key() string {
	if l.disk == "" {
		return "fs:" + path.Clean(l.dir)
	}
	if real, err := filepath.EvalSymlinks(l.disk); err == nil {
		return "disk:" + real
	}
	abs, _ := filepath.Abs(l.disk)
	return "disk:" + abs
}

// A loader loads a pack and the packs it extends.
type loader struct {
	base  func() (*Voice, error) // loads "default"; nil: no pack may extend it
	chain []string               // the keys of the packs loaded, the first first
	names []string               // and their names, for errors
}

// load loads the pack at l, then the one it extends.
func (ld *loader) load(l location) (*Voice, error) {
	name := l.name("voice.yaml")
	f, err := readPackFile(l)
	if err != nil {
		return nil, err
	}
	v := &Voice{Name: f.Name, Language: f.Language, Dir: l.disk, clips: make(map[string]*clip, len(f.Clips)), cache: newClipCache()}
	if v.Name == "" {
		v.Name = path.Base(filepath.ToSlash(l.name("")))
	}
	if err := v.addClips(l.fsys, l.dir, name, f.Clips); err != nil {
		return nil, err
	}
	if f.Extends == "" {
		return v, nil
	}
	if f.Extends == "default" {
		if ld.base == nil {
			return nil, at(name, f.extendsAt, "extends %q: the default pack extends none", f.Extends)
		}
		if v.parent, err = ld.base(); err != nil {
			return nil, err
		}
		return v, nil
	}
	next, err := ld.next(l, f.Extends)
	if err != nil {
		return nil, at(name, f.extendsAt, "extends %q: %w", f.Extends, err)
	}
	if v.parent, err = ld.load(next); err != nil {
		return nil, err
	}
	return v, nil
}

// next finds the pack that the one at l extends, ref, and adds it to the
// chain.
func (ld *loader) next(l location, ref string) (location, error) {
	to, err := l.resolve(ref)
	if err != nil {
		return location{}, err
	}
	key := to.key()
	if slices.Contains(ld.chain, key) {
		return location{}, fmt.Errorf("a cycle: %s → %s", strings.Join(ld.names, " → "), to.name(""))
	}
	if len(ld.chain) > maxExtends {
		return location{}, fmt.Errorf("packs extend packs more than %d deep: %s → %s", maxExtends, strings.Join(ld.names, " → "), to.name(""))
	}
	ld.chain, ld.names = append(ld.chain, key), append(ld.names, to.name(""))
	return to, nil
}

// resolve finds the pack that ref names, from the pack at l: one of the
// user's packs by name, or a folder relative to l.
func (l location) resolve(ref string) (location, error) {
	switch {
	case IsName(ref):
		dir, err := UserDir(ref)
		if err != nil {
			return location{}, err
		}
		if _, err := fs.Stat(packFS{dir: dir}, "voice.yaml"); err != nil {
			return location{}, fmt.Errorf("you have no voice pack %q (no %s)", ref, filepath.Join(dir, "voice.yaml"))
		}
		return diskLocation(dir), nil
	case strings.HasPrefix(ref, "/") || strings.Contains(ref, `\`) || (len(ref) > 1 && ref[1] == ':'):
		return location{}, errors.New("name one of your packs, or a folder relative to this pack's with / between folders (../anna)")
	case climbs(ref):
		return location{}, errors.New("a folder may be this pack's sibling (../anna) or inside it, no further out")
	case l.disk != "":
		return diskLocation(filepath.Join(l.disk, filepath.FromSlash(ref))), nil
	}
	dir := path.Join(l.dir, ref)
	if !fs.ValidPath(dir) {
		return location{}, errors.New("the folder is outside the file system the pack was loaded from")
	}
	return location{fsys: l.fsys, dir: dir}, nil
}

// climbs reports whether a relative folder leads further out than the
// pack's own parent folder: more than one "..", or one not at its start.
func climbs(ref string) bool {
	parts := strings.Split(path.Clean(ref), "/")
	for i, p := range parts {
		if p == ".." && (i > 0 || len(parts) == 1) {
			return true
		}
	}
	return false
}

// readPackFile reads and decodes the voice.yaml of the pack at l.
func readPackFile(l location) (*packFile, error) {
	data, err := decode.ReadFile(l.fsys, path.Join(l.dir, "voice.yaml"), maxPackFile)
	if err != nil {
		return nil, fmt.Errorf("audio: voice pack %s: %w", l.name(""), err)
	}
	return parsePackFile(l.name("voice.yaml"), data)
}

// addClips checks the clips of voice.yaml, named file in errors, and adds
// them.
func (v *Voice) addClips(fsys fs.FS, dir, file string, clips []clipEntry) error {
	for _, c := range clips {
		key := NormalizeText(c.text)
		if key == "" {
			return at(file, c.key, "line %q has no words", c.text)
		}
		if other, ok := v.clips[key]; ok {
			return at(file, c.key, "lines %q and %q differ only in case, spacing or punctuation", other.text, c.text)
		}
		if err := checkClipPath(c.file); err != nil {
			return at(file, c.value, "clip %q for %q: %w", c.file, c.text, err)
		}
		full := path.Join(dir, c.file)
		if _, err := fs.Stat(fsys, full); err != nil {
			return at(file, c.value, "clip %q for %q: %w", c.file, c.text, err)
		}
		v.clips[key] = &clip{text: c.text, fsys: fsys, path: full, cache: v.cache}
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
