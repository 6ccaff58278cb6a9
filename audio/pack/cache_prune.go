package pack

import (
	"os"
	"path/filepath"
	"strings"
)

// CacheInfo is where the cache of decoded clips is, and what it holds.
type CacheInfo struct {
	Dir     string // "" when FLOORCOACH_CACHE is off
	Entries int
	Bytes   int64
}

// ClipCacheInfo returns where the cache of decoded clips is (see
// clipCache) and how much it holds.
func ClipCacheInfo() CacheInfo {
	c := newClipCache()
	if c == nil {
		return CacheInfo{}
	}
	info := CacheInfo{Dir: c.dir}
	for _, e := range c.files() {
		if fi, err := e.Info(); err == nil {
			info.Entries++
			info.Bytes += fi.Size()
		}
	}
	return info
}

// StaleClipCache returns how many entries of the cache of decoded clips
// PruneClipCache would remove, and their size in bytes.
func StaleClipCache(voices []*Voice) (n int, bytes int64) {
	c := newClipCache()
	if c == nil {
		return 0, 0
	}
	for _, e := range c.stale(voices) {
		if fi, err := e.Info(); err == nil {
			n, bytes = n+1, bytes+fi.Size()
		}
	}
	return n, bytes
}

// PruneClipCache removes the entries of the cache of decoded clips that no
// clip of the voices (and the packs they extend) would use: those of clips
// changed or gone, those written by another version of the program, and
// files a crash left half-written. It touches no other file. It returns
// how many entries it removed and the bytes that freed.
func PruneClipCache(voices []*Voice) (removed int, freed int64, err error) {
	c := newClipCache()
	if c == nil {
		return 0, 0, nil
	}
	for _, e := range c.stale(voices) {
		fi, ierr := e.Info()
		if rerr := os.Remove(filepath.Join(c.dir, e.Name())); rerr != nil {
			err = rerr
			continue
		}
		removed++
		if ierr == nil {
			freed += fi.Size()
		}
	}
	return removed, freed, err
}

// stale returns the cache's files that no clip of the voices would use.
func (c *clipCache) stale(voices []*Voice) []os.DirEntry {
	keep := map[string]bool{}
	for _, v := range voices {
		for p := v; p != nil; p = p.parent {
			for _, cl := range p.clips {
				if data, err := cl.read(); err == nil {
					keep[c.key(data, strings.ToLower(filepath.Ext(cl.path)))] = true
				}
			}
		}
	}
	var out []os.DirEntry
	for _, e := range c.files() {
		if !keep[e.Name()] {
			out = append(out, e)
		}
	}
	return out
}

// files returns the cache's entries and half-written files: names of 64
// hexadecimal digits, and those with ".part" after a dot and such a name.
func (c *clipCache) files() []os.DirEntry {
	entries, _ := os.ReadDir(c.dir)
	var out []os.DirEntry
	for _, e := range entries {
		name := e.Name()
		if part := strings.TrimPrefix(name, "."); part != name && strings.HasSuffix(part, ".part") {
			name, _, _ = strings.Cut(part, ".")
		}
		if e.Type().IsRegular() && isKey(name) {
			out = append(out, e)
		}
	}
	return out
}

// isKey reports whether s could be a cache entry's name: a SHA-256 in hex.
func isKey(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}
