package audio

import (
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestScratchMem(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	for _, f := range Formats() {
		for _, minutes := range []int64{1, 10, 60} {
			runtime.GC()
			var peak atomic.Uint64
			stop := make(chan bool)
			go func() {
				var ms runtime.MemStats
				for {
					select {
					case <-stop:
						return
					case <-time.After(5 * time.Millisecond):
					}
					runtime.ReadMemStats(&ms)
					if ms.HeapInuse > peak.Load() {
						peak.Store(ms.HeapInuse)
					}
				}
			}()
			path := filepath.Join(t.TempDir(), "x."+string(f))
			file, _ := os.Create(path)
			src := newEncTestLoop(minutes * 60 * SampleRate)
			start := time.Now()
			if err := Encode(file, f, src, encTestMeta(src.Len()), EncodeOptions{}); err != nil {
				t.Fatal(err)
			}
			d := time.Since(start)
			file.Close()
			close(stop)
			st, _ := os.Stat(path)
			t.Logf("%s %3d min: %.0fx RT, peak heap in use %.1f MB, file %.1f MB", f, minutes, float64(minutes*60)/d.Seconds(), float64(peak.Load())/1e6, float64(st.Size())/1e6)
			os.Remove(path)
		}
	}
}

func TestScratchWAVOut(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	file, _ := os.Create("/tmp/bench60.wav")
	src := newEncTestLoop(60 * SampleRate)
	if err := Encode(file, WAV, src, Meta{}, EncodeOptions{}); err != nil {
		t.Fatal(err)
	}
	file.Close()
}

func TestScratchEncodeFile(t *testing.T) {
	in := os.Getenv("SCRATCH_IN")
	if in == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(in)
	b = b[44:]
	p := make([]int16, len(b)/2)
	for i := range p {
		p[i] = int16(uint16(b[2*i]) | uint16(b[2*i+1])<<8)
	}
	f, _ := ParseFormat(os.Getenv("SCRATCH_FMT"))
	w := 1
	if os.Getenv("SCRATCH_W") == "2" {
		w = 2
	}
	out, _ := os.Create("/tmp/scratch_out." + string(f))
	start := time.Now()
	if err := Encode(out, f, &encTestSlice{p}, Meta{}, EncodeOptions{Workers: w}); err != nil {
		t.Fatal(err)
	}
	out.Close()
	t.Logf("%s workers=%d: %.1fx RT wall", f, w, float64(len(p)/2)/SampleRate/time.Since(start).Seconds())
}
