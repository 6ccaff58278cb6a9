package audio

import (
	"embed"
	"errors"
	"io/fs"
)

// defaultPack is the default voice pack, embedded from voices/default.
//
//go:embed voices/default
var defaultPack embed.FS

// DefaultVoice loads the voice pack embedded in the program. Each call
// returns a new Voice, which decodes its clips when first asked for them.
// While the pack has no voice.yaml yet, it is a voice with no clips.
func DefaultVoice() (*Voice, error) {
	v, err := loadPack(defaultPack, "voices/default", nil)
	if errors.Is(err, fs.ErrNotExist) {
		if _, statErr := fs.Stat(defaultPack, "voices/default/voice.yaml"); errors.Is(statErr, fs.ErrNotExist) {
			return &Voice{Name: "default", Language: "en", clips: map[string]*clip{}}, nil
		}
	}
	return v, err
}
