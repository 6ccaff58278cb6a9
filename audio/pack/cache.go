package pack

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/decode"
	"github.com/floorcoach/floorcoach/internal/safefile"
)

// The clip cache keeps decoded clips on disk, so that each clip is decoded
// from MP3 once per machine instead of once per run: decoding is most of
// the work of exporting a session, and loading a decoded clip is a small
// fraction of it.
//
// An entry holds a clip exactly as audio.Sound gives it: mono, at audio.SampleRate, as
// float32, so that a clip from the cache equals one decoded afresh bit for
// bit. It is a file named by its key, the SHA-256 of the clip file's bytes,
// its format and the versions of everything that turns those into samples
// (this cache's format, the resampler, the decoders): a changed clip or
// program never finds a stale entry, and two packs with the same file
// share one. Its layout is
//
//	magic    [8]byte  "fcclip\x00\x01"
//	frames   uint64   little-endian
//	checksum uint32   CRC-32C of the samples
//	samples  [frames]float32, little-endian
//
// An entry is written as exports are (internal/safefile), to a temporary
// file renamed into place, so another process sees it whole or not at all,
// but not synced to disk: a crash can leave a short or garbled entry, which
// the checksum rejects, like any other entry that is not exactly what is
// expected; the clip is then decoded and the entry written again. The cache never causes an error:
// if its folder cannot be made or written, clips are decoded every time.
//
// Where it lives, FLOORCOACH_CACHE says: "off" for no cache, an absolute
// path for that folder; otherwise it is floorcoach/clips in the user's
// cache folder (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux).
type clipCache struct {
	dir string
}

const (
	cacheMagic  = "fcclip\x00\x01"
	cacheHeader = 20
	cacheFormat = "floorcoach clip cache 1" // change with the layout
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// newClipCache returns the cache FLOORCOACH_CACHE names, or nil for none.
func newClipCache() *clipCache {
	dir := os.Getenv("FLOORCOACH_CACHE")
	switch {
	case dir == "off":
		return nil
	case filepath.IsAbs(dir):
	default:
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "floorcoach", "clips")
	}
	return &clipCache{dir: dir}
}

// decoderVersions names the modules that decode clips, as built in.
var decoderVersions = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown " + decode.WAVVersion
	}
	var b strings.Builder
	for _, m := range info.Deps {
		if m.Path == "github.com/hajimehoshi/go-mp3" {
			if m.Replace != nil {
				m = m.Replace
			}
			fmt.Fprintf(&b, "%s@%s %s ", m.Path, m.Version, m.Sum)
		}
	}
	return b.String() + decode.WAVVersion
})

// key returns the name of the entry for a clip file's bytes of a format
// (".mp3", ".wav").
func (c *clipCache) key(data []byte, format string) string {
	if c == nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00resampler %d\x00%d Hz\x00%s\x00", cacheFormat, format, decode.ResamplerVersion, audio.SampleRate, decoderVersions())
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// load returns the entry's samples if it holds exactly frames of them
// intact, or nil.
func (c *clipCache) load(key string, frames int64) []float32 {
	if c == nil {
		return nil
	}
	f, err := safefile.OpenRegular(filepath.Join(c.dir, key))
	if errors.Is(err, safefile.ErrNotRegular) {
		os.Remove(filepath.Join(c.dir, key)) // a pipe or such in the cache: make room for the entry
	}
	if err != nil {
		return nil
	}
	defer f.Close()
	var h [cacheHeader]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:8]) != cacheMagic ||
		binary.LittleEndian.Uint64(h[8:]) != uint64(frames) {
		return nil
	}
	if info, err := f.Stat(); err != nil || info.Size() != cacheHeader+4*frames {
		return nil
	}
	x := make([]float32, frames)
	buf := make([]byte, 4*min(len(x), 16<<10))
	crc := uint32(0)
	for i := 0; i < len(x); {
		b := buf[:4*min(len(buf)/4, len(x)-i)]
		if _, err := io.ReadFull(f, b); err != nil {
			return nil
		}
		crc = crc32.Update(crc, castagnoli, b)
		for j := range len(b) / 4 {
			x[i+j] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*j:]))
		}
		i += len(b) / 4
	}
	if crc != binary.LittleEndian.Uint32(h[16:]) {
		return nil
	}
	return x
}

// store writes the entry, if it can.
func (c *clipCache) store(key string, x []float32) {
	if c == nil || os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	f, err := safefile.Create(filepath.Join(c.dir, key), true)
	if err != nil {
		return
	}
	defer f.Abort()
	h := make([]byte, cacheHeader)
	copy(h, cacheMagic)
	binary.LittleEndian.PutUint64(h[8:], uint64(len(x)))
	w := bufio.NewWriterSize(f, 64<<10)
	w.Write(h)
	crc := uint32(0)
	var b [4096]byte
	for i := 0; i < len(x); {
		n := min(len(b)/4, len(x)-i)
		for j, v := range x[i : i+n] {
			binary.LittleEndian.PutUint32(b[4*j:], math.Float32bits(v))
		}
		crc = crc32.Update(crc, castagnoli, b[:4*n])
		w.Write(b[:4*n])
		i += n
	}
	binary.LittleEndian.PutUint32(h[16:], crc)
	err = w.Flush()
	if err == nil {
		_, err = f.WriteAt(h, 0)
	}
	if err == nil {
		f.CommitUnsynced() // on failure, the entry is not there: the clip is decoded next time
	}
}
