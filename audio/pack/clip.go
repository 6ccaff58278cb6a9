package pack

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/decode"
)

// A clip is one file of a voice pack. It reads its header at most once
// (for its length) and decodes its audio at most once; both are safe for
// concurrent use.
type clip struct {
	text  string // the line, as the pack spells it
	fsys  fs.FS
	path  string     // within fsys
	cache *clipCache // nil: decode every time

	probeOnce sync.Once
	frames    int64 // at audio.SampleRate
	probeErr  error

	soundOnce sync.Once
	sound     *audio.Sound
	soundErr  error
}

// length returns the clip's length at audio.SampleRate, from its header alone.
func (c *clip) length() (int64, error) {
	c.probeOnce.Do(func() {
		data, err := c.read()
		if err == nil {
			var f *decode.File
			if f, err = decode.Open(data, c.path); err == nil {
				c.frames = decode.ResampledLen(f.Frames(), f.Rate())
			}
		}
		c.probeErr = err
	})
	return c.frames, c.probeErr
}

// decode returns the clip's audio: mono, at audio.SampleRate, exactly length()
// frames long (a file shorter than its header says is padded with silence).
// It comes from the cache if the cache has it, and goes there if not.
func (c *clip) decode() (*audio.Sound, error) {
	c.soundOnce.Do(func() {
		c.sound, c.soundErr = c.load()
	})
	return c.sound, c.soundErr
}

// load takes the clip from the cache, or decodes it and stores it there.
func (c *clip) load() (*audio.Sound, error) {
	n, err := c.length()
	if err != nil {
		return nil, err
	}
	data, err := c.read()
	if err != nil {
		return nil, err
	}
	key := c.key(data)
	if x := c.cache.load(key, n); x != nil {
		return &audio.Sound{Name: c.text, Samples: x}, nil
	}
	f, err := decode.Open(data, c.path)
	if err != nil {
		return nil, err
	}
	x, err := f.Decode(audio.SampleRate)
	if err != nil {
		return nil, fmt.Errorf("audio: decode clip %q: %w", c.path, err)
	}
	if int64(len(x)) != n {
		return nil, fmt.Errorf("audio: decode clip %q: the file changed while in use", c.path)
	}
	c.cache.store(key, x)
	return &audio.Sound{Name: c.text, Samples: x}, nil
}

// key returns the name of the clip's cache entry, given its file's bytes.
func (c *clip) key(data []byte) string {
	return c.cache.key(data, strings.ToLower(path.Ext(c.path)))
}

// read reads the clip's file.
func (c *clip) read() ([]byte, error) {
	data, err := decode.ReadFile(c.fsys, c.path, decode.MaxClipBytes)
	if err != nil {
		return nil, fmt.Errorf("audio: decode clip %q: %w", c.path, err)
	}
	return data, nil
}
