package pack

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// TestMain gives the tests a cache of their own, empty at the start,
// unless FLOORCOACH_CACHE says otherwise.
func TestMain(m *testing.M) {
	if os.Getenv("FLOORCOACH_CACHE") == "" {
		dir, err := os.MkdirTemp("", "floorcoach-cache")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Setenv("FLOORCOACH_CACHE", dir)
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// cacheTexts are lines of every format and rate the test packs have, and
// the first lines of the default pack.
func cacheTexts(t *testing.T) map[string][]string {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]string{
		"pack":    {"Sine 16k", "Sine 22k", "Left 48k", "Sine 44k", "knee to chest", "next", "cut short"},
		"gapless": {"Chirp 22k", "Chirp 44k", "Chirp 22k no tag"},
		"":        def.Texts()[:min(len(def.Texts()), 10)],
	}
}

// loadVoice loads a test pack, or the default pack for "", with the cache
// FLOORCOACH_CACHE names now.
func loadVoice(t *testing.T, dir string) *Voice {
	t.Helper()
	if dir == "" {
		v, err := Default()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	return testVoice(t, dir)
}

// entry returns the file of the clip's cache entry.
func entry(t *testing.T, v *Voice, text string) string {
	t.Helper()
	c := v.lookup(text)
	data, err := c.read()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(c.cache.dir, c.key(data))
}

func sameBits(x, y []float32) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if math.Float32bits(x[i]) != math.Float32bits(y[i]) {
			return false
		}
	}
	return true
}

// TestCacheHit decodes clips with no cache, then into a cache, then from
// it, and checks that all three are the same bit for bit and that the
// third read the entries the second wrote.
func TestCacheHit(t *testing.T) {
	for dir, texts := range cacheTexts(t) {
		t.Setenv("FLOORCOACH_CACHE", "off")
		fresh := loadVoice(t, dir)
		t.Setenv("FLOORCOACH_CACHE", t.TempDir())
		cold, warm := loadVoice(t, dir), loadVoice(t, dir)
		for _, text := range texts {
			want, err := fresh.Sound(text)
			if err != nil {
				t.Fatal(err)
			}
			if s, err := cold.Sound(text); err != nil || !sameBits(s.Samples, want.Samples) {
				t.Fatalf("%q decoded into the cache differs from a fresh decoding (error %v)", text, err)
			}
			file := entry(t, warm, text)
			before, err := os.Stat(file)
			if err != nil {
				t.Fatalf("%q: no cache entry: %v", text, err)
			}
			s, err := warm.Sound(text)
			if err != nil || !sameBits(s.Samples, want.Samples) {
				t.Errorf("%q from the cache differs from a fresh decoding (error %v)", text, err)
			}
			if after, err := os.Stat(file); err != nil || !os.SameFile(before, after) {
				t.Errorf("%q: the cache entry was written again, not used", text)
			}
		}
	}
}

// TestCacheEntryUsed puts an entry in the cache by hand and checks that
// audio.Sound returns what it holds.
func TestCacheEntryUsed(t *testing.T) {
	t.Setenv("FLOORCOACH_CACHE", t.TempDir())
	v := testVoice(t, "pack")
	n, _ := v.Length("Sine 44k")
	mark := make([]float32, n)
	for i := range mark {
		mark[i] = float32(i%7) / 8
	}
	v.cache.store(filepath.Base(entry(t, v, "Sine 44k")), mark)
	if s, err := v.Sound("Sine 44k"); err != nil || !sameBits(s.Samples, mark) {
		t.Errorf("Sound did not take the clip from the cache (error %v)", err)
	}
}

// TestCacheCorrupt spoils a cache entry in every way and checks that it is
// ignored and written again.
func TestCacheCorrupt(t *testing.T) {
	const text = "Sine 22k"
	t.Setenv("FLOORCOACH_CACHE", "off")
	want, err := testVoice(t, "pack").Sound(text)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		spoil func([]byte) []byte // nil: make the entry a folder
	}{
		{"empty", func(b []byte) []byte { return nil }},
		{"header cut", func(b []byte) []byte { return b[:cacheHeader-1] }},
		{"short", func(b []byte) []byte { return b[:len(b)-4] }},
		{"long", func(b []byte) []byte { return append(b, 0, 0, 0, 0) }},
		{"magic", func(b []byte) []byte { b[0] ^= 1; return b }},
		{"frames", func(b []byte) []byte { b[8]++; return b }},
		{"checksum", func(b []byte) []byte { b[16] ^= 1; return b }},
		{"sample", func(b []byte) []byte { b[len(b)/2] ^= 0x40; return b }},
		{"folder", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("FLOORCOACH_CACHE", t.TempDir())
			if _, err := testVoice(t, "pack").Sound(text); err != nil {
				t.Fatal(err)
			}
			v := testVoice(t, "pack")
			file := entry(t, v, text)
			if tt.spoil == nil {
				if err := os.Remove(file); err != nil {
					t.Fatal(err)
				}
				if err := os.Mkdir(file, 0o755); err != nil {
					t.Fatal(err)
				}
			} else {
				b, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, tt.spoil(b), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s, err := v.Sound(text)
			if err != nil || !sameBits(s.Samples, want.Samples) {
				t.Fatalf("Sound differs from a fresh decoding (error %v)", err)
			}
			if tt.spoil != nil && v.cache.load(filepath.Base(file), s.Len()) == nil {
				t.Error("the spoilt entry was not written again")
			}
		})
	}
}

// TestCacheOff checks that FLOORCOACH_CACHE=off writes nothing, and that
// a cache folder that cannot be made does no harm.
func TestCacheOff(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("LocalAppData", home)
	t.Setenv("FLOORCOACH_CACHE", "off")
	if v := testVoice(t, "pack"); v.cache != nil {
		t.Errorf("FLOORCOACH_CACHE=off: cache in %q", v.cache.dir)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"off", filepath.Join(file, "clips")} {
		t.Setenv("FLOORCOACH_CACHE", dir)
		for _, text := range cacheTexts(t)["pack"] {
			if _, err := testVoice(t, "pack").Sound(text); err != nil {
				t.Errorf("FLOORCOACH_CACHE=%s: %q: %v", dir, text, err)
			}
		}
	}
	entries, err := os.ReadDir(home)
	if err != nil || len(entries) > 0 {
		t.Errorf("the user's cache folder has %v (%v); want nothing", entries, err)
	}
}

func TestCacheDir(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "clips")
	const user = "/floorcoach/clips" // in the user's cache folder
	for _, tt := range []struct{ env, want string }{
		{"off", ""},
		{abs, abs},
		{"", user},
		{"on", user},
		{"relative/path", user},
	} {
		t.Setenv("FLOORCOACH_CACHE", tt.env)
		got := ""
		if c := newClipCache(); c != nil {
			got = c.dir
		}
		if got != tt.want && !(tt.want == user && strings.HasSuffix(filepath.ToSlash(got), user)) {
			t.Errorf("FLOORCOACH_CACHE=%q: cache in %q, want %q", tt.env, got, tt.want)
		}
	}
}

// BenchmarkDecodePack decodes every clip of the default pack without the
// cache (cold) and from it (warm), one by one and with Preload.
func BenchmarkDecodePack(b *testing.B) {
	dir := b.TempDir()
	for _, bb := range []struct {
		name, cache string
		preload     bool
	}{
		{"cold", "off", false},
		{"cold-preload", "off", true},
		{"warm", dir, false},
		{"warm-preload", dir, true},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.Setenv("FLOORCOACH_CACHE", bb.cache)
			v, err := Default()
			if err != nil {
				b.Fatal(err)
			}
			texts := v.Texts()
			if err := v.Preload(texts); err != nil { // fill the cache
				b.Fatal(err)
			}
			b.ReportAllocs()
			var frames int64
			start := time.Now()
			for b.Loop() {
				v, _ := Default()
				if bb.preload {
					if err := v.Preload(texts); err != nil {
						b.Fatal(err)
					}
				}
				for _, text := range texts {
					s, err := v.Sound(text)
					if err != nil {
						b.Fatal(err)
					}
					frames += s.Len()
				}
			}
			b.ReportMetric(float64(frames)/audio.SampleRate/time.Since(start).Seconds(), "x-realtime")
		})
	}
}
