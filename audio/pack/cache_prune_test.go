package pack

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// PruneClipCache keeps the entries of the voices' clips and removes stale
// entries and half-written files, and nothing else; ClipCacheInfo counts
// what the cache holds.
func TestPruneClipCache(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("FLOORCOACH_CACHE", dir)
	v := testVoice(t, "pack")
	for _, text := range []string{"Sine 16k", "Sine 44k"} {
		if _, err := v.Sound(text); err != nil {
			t.Fatal(err)
		}
	}
	keep := []string{filepath.Base(entry(t, v, "Sine 16k")), filepath.Base(entry(t, v, "Sine 44k"))}
	stale := strings.Repeat("ab", 32)
	files := map[string]string{
		stale:                         "an entry of a clip that changed",
		"." + stale + ".1234.part":    "left by a crash",
		"notes.txt":                   "not the cache's",
		strings.Repeat("AB", 32):      "not a key: upper case",
		"." + stale + ".1234.partial": "not the cache's",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := ClipCacheInfo()
	if before.Dir != dir || before.Entries != 4 {
		t.Errorf("before: %+v, want 4 entries (2 clips, a stale one, a half-written one) in %s", before, dir)
	}
	if n, bytes := StaleClipCache([]*Voice{v}); n != 2 || bytes != int64(len(files[stale])+len(files["."+stale+".1234.part"])) {
		t.Errorf("StaleClipCache = %d, %d; want the 2 stale files", n, bytes)
	}
	removed, freed, err := PruneClipCache([]*Voice{v})
	if err != nil || removed != 2 || freed != int64(len(files[stale])+len(files["."+stale+".1234.part"])) {
		t.Errorf("PruneClipCache = %d, %d, %v; want the 2 stale files, %d bytes", removed, freed, err,
			len(files[stale])+len(files["."+stale+".1234.part"]))
	}
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := append(keep, "notes.txt", strings.Repeat("AB", 32), "."+stale+".1234.partial")
	slices.Sort(left)
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
	if after := ClipCacheInfo(); after.Entries != 2 || after.Bytes != before.Bytes-freed {
		t.Errorf("after: %+v, want 2 entries, %d bytes", after, before.Bytes-freed)
	}
	t.Setenv("FLOORCOACH_CACHE", "off")
	if info := ClipCacheInfo(); info != (CacheInfo{}) {
		t.Errorf("with the cache off: %+v", info)
	}
}
