package pack

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// defaultPack is the default voice pack, embedded from voices/default.
//
//go:embed voices/default
var defaultPack embed.FS

// Default loads the voice pack embedded in the program. Each call
// returns a new Voice, which decodes its clips when first asked for them.
// While the pack has no voice.yaml yet, it is a voice with no clips.
func Default() (*Voice, error) {
	v, err := loadPack(defaultPack, "voices/default", nil)
	if errors.Is(err, fs.ErrNotExist) {
		if _, statErr := fs.Stat(defaultPack, "voices/default/voice.yaml"); errors.Is(statErr, fs.ErrNotExist) {
			return &Voice{Name: "default", Language: "en", clips: map[string]*clip{}}, nil
		}
	}
	return v, err
}

// Open loads the voice a user names, as --voice takes it: "" or
// "default" for the default pack; a folder holding a voice.yaml; or the
// name of one of the user's packs, a folder of Root. A bare name
// ("anna") is the user's pack if there is one, else a folder of that name
// in the current folder. Clips of a pack on disk, and the voice.yaml,
// cannot be outside its folder, not even through symbolic links.
func Open(ref string) (*Voice, error) {
	if ref == "" || ref == "default" {
		return Default()
	}
	dir, err := Dir(ref)
	if err != nil {
		return nil, err
	}
	if IsName(ref) && !isDir(dir) {
		return nil, unknownVoice(ref, dir)
	}
	return OpenDir(dir)
}

// OpenDir loads the voice pack in folder dir on disk, as Open
// does a folder.
func OpenDir(dir string) (*Voice, error) {
	return loadAt(diskLocation(dir), Default)
}

// Dir returns the folder of the pack that ref names, as Open
// finds it, whether or not it holds a pack. It fails on "default", which
// is no folder, and on a name that is neither one of the user's packs nor
// a folder.
func Dir(ref string) (string, error) {
	switch {
	case ref == "" || ref == "default":
		return "", errors.New("audio: the default voice pack is built into the program, not a folder")
	case !IsName(ref):
		return ref, nil
	}
	dir, err := UserDir(ref)
	if err != nil {
		return "", err
	}
	if isDir(dir) || !isDir(ref) {
		return dir, nil
	}
	return ref, nil
}

// unknownVoice is the error for a pack name with no pack.
func unknownVoice(ref, dir string) error {
	mine := "you have none yet"
	if names := UserNames(); len(names) > 0 {
		mine = "yours: " + strings.Join(names, ", ")
	}
	return fmt.Errorf("audio: no voice pack %q: not a folder here, and not in %s (%s); or name a folder with a voice.yaml",
		ref, filepath.Dir(dir), mine)
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
