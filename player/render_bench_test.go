package player

import (
	"io"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/scripts"
)

// BenchmarkExportLowerBack lays out, renders and encodes the built-in
// session as WAV, as export does, and reports seconds of audio per second.
func BenchmarkExportLowerBack(b *testing.B) {
	for _, f := range []encode.Format{encode.WAV, encode.FLAC, encode.MP3} {
		b.Run(string(f), func(b *testing.B) {
			s, err := scripts.Builtin("lower-back")
			if err != nil {
				b.Fatal(err)
			}
			v := defaultVoice(b)
			b.ReportAllocs()
			var frames int64
			for i := 0; i < b.N; i++ {
				tl, err := Build(s, v, Options{})
				if err != nil {
					b.Fatal(err)
				}
				r, err := tl.Render(v, Unity)
				if err != nil {
					b.Fatal(err)
				}
				w := io.Writer(io.Discard)
				if f == encode.FLAC {
					w = &discardSeeker{}
				}
				if err := encode.Write(w, f, r, audio.Meta{Title: tl.Title, Chapters: tl.Chapters()}, encode.Options{}); err != nil {
					b.Fatal(err)
				}
				frames += tl.Length
			}
			b.ReportMetric(float64(frames)/audio.SampleRate/b.Elapsed().Seconds(), "x-realtime")
		})
	}
}

// discardSeeker is io.Discard that can seek, for FLAC.
type discardSeeker struct{ pos, end int64 }

func (d *discardSeeker) Write(p []byte) (int, error) {
	d.pos += int64(len(p))
	d.end = max(d.end, d.pos)
	return len(p), nil
}

func (d *discardSeeker) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
		d.pos = off
	case io.SeekCurrent:
		d.pos += off
	case io.SeekEnd:
		d.pos = d.end + off
	}
	return d.pos, nil
}
