package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/audio/mixdown"
	"github.com/floorcoach/floorcoach/audio/music"
	"github.com/floorcoach/floorcoach/internal/safefile"
	"github.com/floorcoach/floorcoach/player"
	"github.com/urfave/cli/v2"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write a session as one audio file (wav, mp3 or flac) with a chapter per step",
		ArgsUsage: "SESSION",
		Description: "Renders the whole session, exactly as play would sound, into one file for a\n" +
			"phone or any player. The format comes from the file's extension or --format.\n" +
			"Each named step becomes a chapter. The file appears whole or not at all: an\n" +
			"existing file is kept unless --force, and an error or Ctrl-C leaves nothing.\n\n" +
			"The whole mix is brought to a loudness measured as EBU R128 says (-16 LUFS,\n" +
			"as podcasts and phones expect; --loudness to choose), with its true peak held\n" +
			"at -1 dBTP or under by a limiter, so it plays as loud as the music around it\n" +
			"and never clips. With --music, music plays under the voice, 12 dB quieter\n" +
			"while a line is spoken, faded in and out; a folder's tracks play in turn.\n\n" +
			"Examples:\n" +
			"   floorcoach export lower-back -o back.mp3\n" +
			"   floorcoach export lower-back -o back.flac --level gentle\n" +
			"   floorcoach export lower-back -o back.mp3 --music ~/Music/calm.mp3\n" +
			"   floorcoach export lower-back -o back.mp3 --music ~/Music/playlist/ --shuffle\n" +
			"   floorcoach export lower-back -o back.mp3 --loudness -14 --tones 1.5\n" +
			"   floorcoach export lower-back -o back.mp3 --captions   # also writes back.vtt\n" +
			"   floorcoach export my-routine.yaml -o mine.mp3 --voice ~/voices/anna\n" +
			"   floorcoach export demo -o - | ffplay -                 # WAV to standard output",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true,
				Usage: "the `FILE` to write (.wav, .mp3 or .flac); - writes to standard output"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"},
				Usage: "`FORMAT`: wav, mp3 or flac (default: from the file's extension; wav for -)"},
			levelFlag(), voiceFlag(), strictFlag(),
			&cli.IntFlag{Name: "bitrate", Aliases: []string{"b"}, Value: encode.DefaultBitrate,
				Usage: "MP3 bitrate in `KBPS` (e.g. 64, 96, 128, 192, 320)"},
			&cli.Float64Flag{Name: "loudness", Value: defaultLoudness,
				Usage: fmt.Sprintf("the loudness of the file in `LUFS` (EBU R128), from %v to %v: -16 suits phones and podcasts, -23 broadcast", minLoudness, maxLoudness)},
			&cli.BoolFlag{Name: "captions", Usage: "also write the spoken lines as WebVTT captions beside the file (FILE.vtt)"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite FILE if it exists"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		}, mixFlags()...),
		Action: runExport,
	}
}

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

func runExport(c *cli.Context) error {
	job, err := readExportFlags(c)
	if err != nil {
		return err
	}
	// Ctrl-C from here on, even while the clips load, ends the export
	// with nothing written and says so.
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if job.p, err = loadPlan(c); err != nil {
		return err
	}
	warnMissing(c, job.p)
	job.bed, err = job.mix.openMusic(job.p.timeline) // every track checked before anything is written
	if err != nil {
		return err
	}
	if job.bed != nil {
		defer job.bed.Close()
		roomForMusic()
	}
	if err := job.p.preload(); err != nil {
		return err
	}
	return job.writeAll(ctx)
}

// readExportFlags checks the flags of an export: where to, in which
// format, at what loudness, with what mix.
func readExportFlags(c *cli.Context) (*exportJob, error) {
	j := &exportJob{c: c, out: c.String("output"), target: c.Float64("loudness")}
	var err error
	if j.format, err = exportFormat(c, j.out); err != nil {
		return nil, err
	}
	if j.out == "-" && c.Bool("captions") {
		return nil, usagef("export: --captions needs -o FILE: it writes the captions beside the file")
	}
	if !(j.target >= minLoudness && j.target <= maxLoudness) {
		return nil, usagef("--loudness %v: must be from %v to %v LUFS", j.target, minLoudness, maxLoudness)
	}
	j.mix, err = readMixFlags(c)
	return j, err
}

// writeAll writes the file, whole or not at all, and the captions beside
// it if asked, and says what it wrote.
func (j *exportJob) writeAll(ctx context.Context) error {
	c, tl := j.c, j.p.timeline
	if j.out == "-" {
		return j.run(ctx, c.App.Writer)
	}
	if err := writeFile(j.out, c.Bool("force"), func(w io.Writer) error { return j.run(ctx, w) }); err != nil {
		return err
	}
	if c.Bool("captions") {
		if err := writeFile(captionsPath(j.out), c.Bool("force"), tl.WriteVTT); err != nil {
			return err
		}
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(c.App.ErrWriter, "wrote %s (%s, %d chapters)\n", j.out, player.Minutes(tl.Length), len(tl.Chapters()))
	}
	return nil
}

// exportFormat picks the format from --format, else from the file's name.
func exportFormat(c *cli.Context, out string) (encode.Format, error) {
	var f encode.Format
	var err error
	switch {
	case c.IsSet("format"):
		f, err = encode.ParseFormat(c.String("format"))
	case out == "-":
		f = encode.WAV
	default:
		f, err = encode.FormatFromName(out)
	}
	if err != nil {
		return "", usageError{fmt.Errorf("export: %s", strings.TrimPrefix(err.Error(), "audio: "))}
	}
	return f, nil
}

// writeFile writes path whole or not at all.
func writeFile(path string, force bool, write func(io.Writer) error) error {
	f, err := safefile.Create(path, force)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == f.Name() { // name the target, not the temporary file
			return fmt.Errorf("%s: %w", path, pe.Err)
		}
		return err
	}
	return f.Commit()
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
		return fmt.Errorf("export: interrupted; nothing was written")
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

// cancellable stops a source when its context is cancelled.
type cancellable struct {
	audio.Source
	ctx context.Context
}

func (s *cancellable) Read(p []int16) (int, error) {
	if err := s.ctx.Err(); err != nil {
		return 0, err
	}
	return s.Source.Read(p)
}

func captionsPath(out string) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + ".vtt"
}
