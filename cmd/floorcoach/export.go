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
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/internal/safefile"
	"github.com/floorcoach/floorcoach/internal/termtext"
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
			"existing file is kept unless --force, and an error, Ctrl-C or a closed\n" +
			"terminal leaves nothing.\n\n" +
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
			"   floorcoach export demo -o - | ffplay -                 # WAV to standard output\n\n" +
			"With --force an existing file is replaced only if it is a regular file (a\n" +
			"device or a pipe is refused), keeping its permissions and its other names.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Required: true,
				Usage: "the `FILE` to write (.wav, .mp3 or .flac); - writes to standard output"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"},
				Usage: "`FORMAT`: wav, mp3 or flac (default: from the file's extension; wav for -)"},
			levelFlag(), voiceFlag(), strictFlag(),
			&cli.IntFlag{Name: "bitrate", Aliases: []string{"b"}, Value: encode.DefaultBitrate,
				Usage: "MP3 bitrate in `KBPS`: 32 to 320, e.g. 64, 96, 128, 192 (MP3 only)"},
			&cli.Float64Flag{Name: "loudness", Value: defaultLoudness,
				Usage: fmt.Sprintf("the loudness of the file in `LUFS` (EBU R128), from %v to %v: -16 suits phones and podcasts, -23 broadcast", minLoudness, maxLoudness)},
			&cli.BoolFlag{Name: "captions", Usage: "also write the spoken lines as WebVTT captions beside the file (FILE.vtt)"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite FILE if it exists"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"},
		}, mixFlags()...),
		Action: runExport,
	}
}

func runExport(c *cli.Context) error {
	job, err := readExportFlags(c)
	if err != nil {
		return err
	}
	// Ctrl-C or a closed terminal from here on, even while the clips load,
	// ends the export with nothing written and says so.
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	err = job.load()
	defer job.close()
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	if job.out == "-" {
		return job.run(ctx, c.App.Writer)
	}
	if err := writeFiles(ctx, c, job.p, job.out, job.run); err != nil {
		return err
	}
	if !c.Bool("quiet") {
		tl := job.p.timeline
		fmt.Fprintf(c.App.ErrWriter, "wrote %s (%s, %d chapters)\n", termtext.Line(job.out), player.Minutes(tl.Length), len(tl.Chapters()))
	}
	return nil
}

// readExportFlags checks the flags of an export: where to, in which
// format, at what loudness, with what mix.
func readExportFlags(c *cli.Context) (*exportJob, error) {
	j := &exportJob{c: c, out: c.String("output"), target: c.Float64("loudness")}
	var err error
	if j.format, err = exportFormat(c, j.out); err != nil {
		return nil, err
	}
	if b := c.Int("bitrate"); c.IsSet("bitrate") && !slices.Contains(encode.MP3Bitrates(), b) {
		return nil, usagef("export: --bitrate %d: want one of %s kbit/s", b, bitrates())
	}
	if j.out == "-" && c.Bool("captions") {
		return nil, usagef("export: --captions needs -o FILE: it writes the captions beside the file")
	}
	if j.out != "-" && c.Bool("captions") && sameFile(j.out, captionsPath(j.out)) {
		return nil, usagef("export: -o %s and its captions would be the same file (name it .wav, .mp3 or .flac)", j.out)
	}
	if !(j.target >= minLoudness && j.target <= maxLoudness) {
		return nil, usagef("--loudness %v: must be from %v to %v LUFS", j.target, minLoudness, maxLoudness)
	}
	j.mix, err = readMixFlags(c)
	return j, err
}

// bitrates lists the MP3 bitrates: "32, 40, … 320".
func bitrates() string {
	var s []string
	for _, b := range encode.MP3Bitrates() {
		s = append(s, strconv.Itoa(b))
	}
	return strings.Join(s, ", ")
}

// errInterrupted is the error of an export stopped by a signal.
var errInterrupted = errors.New("export: interrupted; nothing was written")

// writeFiles writes the audio file out and, with --captions, its captions:
// both targets are checked before either is written, and both appear, or
// neither.
func writeFiles(ctx context.Context, c *cli.Context, p *plan, out string, encodeTo func(context.Context, io.Writer) error) error {
	force := c.Bool("force")
	files := []*safefile.File{}
	defer func() {
		for _, f := range files {
			f.Abort()
		}
	}()
	targets := []string{out}
	if c.Bool("captions") {
		targets = append(targets, captionsPath(out))
	}
	for _, target := range targets {
		f, err := safefile.Create(target, force)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	if err := encodeTo(ctx, files[0]); err != nil {
		return targetError(files[0], out, err)
	}
	if len(files) > 1 {
		if err := p.timeline.WriteVTT(files[1]); err != nil {
			return targetError(files[1], targets[1], err)
		}
	}
	for _, f := range files {
		if err := f.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// targetError names the target, not the temporary file, in an error
// writing f.
func targetError(f *safefile.File, target string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == f.Name() {
		return fmt.Errorf("%s: %w", target, pe.Err)
	}
	return err
}

// sameFile reports whether two paths name the same file: the same name,
// or one file already.
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ia, erra := os.Stat(a)
	ib, errb := os.Stat(b)
	return erra == nil && errb == nil && os.SameFile(ia, ib)
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
