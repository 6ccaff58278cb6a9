package main

import (
	"context"
	"io"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/audio/mixdown"
	"github.com/floorcoach/floorcoach/audio/music"
	"github.com/urfave/cli/v2"
)

// The loudness of exports.
const (
	// defaultLoudness is what speech for phones is mastered to: podcast
	// platforms ask for -16 LUFS, and music services play speech there.
	// Louder than maxLoudness, speech whose peaks must stay under -1 dBTP
	// has its syllables flattened by the limiter (at -10 LUFS, by 6 dB and
	// more), and the target is not reached within 1 LU.
	defaultLoudness = -16.0
	minLoudness     = -40.0
	maxLoudness     = -12.0
)

// ceilingFor is the true peak the limiter holds a format's file to. The
// files are judged against -1 dBTP: lossless ones keep 0.2 dB for the
// difference between meters' interpolators; MP3 keeps 1 dB more, for the
// peaks the encoder's quantization adds (measured up to 0.6 dB at 128
// kbit/s).
func ceilingFor(f encode.Format) float64 {
	if f == encode.MP3 {
		return -2.2
	}
	return -1.2
}

// exportJob is one export under way.
type exportJob struct {
	c      *cli.Context
	out    string
	p      *plan
	format encode.Format
	mix    mixSettings
	bed    *music.Bed
	target float64
}

// run decodes the music, mixes and measures the session, and encodes it at
// its loudness to w, with progress on a terminal, stopping cleanly when
// ctx is cancelled.
func (j *exportJob) run(ctx context.Context, w io.Writer) error {
	bar := newProgress(j.c, j.p.timeline.Length)
	err := j.encode(ctx, w, bar)
	bar.finish(err == nil)
	if ctx.Err() != nil {
		return errInterrupted
	}
	return err
}

func (j *exportJob) encode(ctx context.Context, w io.Writer, bar *progress) error {
	if j.bed != nil {
		bar.stage("decoding music", 1)
		err := j.bed.Decode(ctx, "", func(done, total int64) { bar.total = total; bar.set(done) })
		if err != nil {
			return err
		}
	}
	tl := j.p.timeline
	r, err := tl.Render(j.p.voice, j.mix.balance())
	if err != nil {
		return err
	}
	m, err := newMix(tl, r, j.bed, mixdown.Options{CeilingDB: ceilingFor(j.format), Ahead: true})
	if err != nil {
		return err
	}
	bar.stage("measuring", tl.Length)
	if _, err := m.Normalize(ctx, j.target, bar.set); err != nil {
		return err
	}
	bar.stage("exporting", tl.Length)
	meta := audio.Meta{Title: j.p.session.Title, About: j.p.session.About,
		Encoder: "floorcoach " + version, Chapters: tl.Chapters()}
	src := &cancellable{Source: m, ctx: ctx}
	return encode.Write(w, j.format, src, meta, encode.Options{Bitrate: j.c.Int("bitrate"), Progress: bar.set})
}

// load lays the session out, opens and checks the music (every track that
// plays, before anything is written), and readies the voice's clips.
func (j *exportJob) load() error {
	var err error
	if j.p, err = loadPlan(j.c); err != nil {
		return err
	}
	warnMissing(j.c, j.p)
	if j.bed, err = j.mix.openMusic(j.p.timeline); err != nil {
		return err
	}
	if j.bed != nil {
		roomForMusic()
	}
	return j.p.preload()
}

// close removes the music's temporary file.
func (j *exportJob) close() {
	if j.bed != nil {
		j.bed.Close()
	}
}
