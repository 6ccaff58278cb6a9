package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"text/tabwriter"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/urfave/cli/v2"
)

func voicesCommand() *cli.Command {
	return &cli.Command{
		Name:  "voices",
		Usage: "list the voice packs there are",
		Description: "Lists the built-in voice and your voice packs (the folders in floorcoach/voices\n" +
			"in your data folder, see 'floorcoach clips --help'), and the pack the settings\n" +
			"file names if it is elsewhere: each pack's name, language, how many lines it\n" +
			"has a clip for itself, the pack it takes the other lines from, the loudness of\n" +
			"its clips (speech loudness, the median over its clips; the range when they\n" +
			"differ by more than 2 LU) and its folder. A * marks the voice that speaks when\n" +
			"no --voice is given: the settings file's voice:, else default.\n\n" +
			cliapp.SettingsHelp() + "\n\n" +
			"Examples:\n" +
			"   floorcoach voices\n" +
			"   echo 'voice: anna' >> ~/.config/floorcoach/config.yaml   # anna from now on",
		Action: runVoices,
	}
}

// A packRow is one line of the voices table.
type packRow struct {
	name, lang, lines, extends, loudness, folder string
	chosen                                       bool
}

func runVoices(c *cli.Context) error {
	if c.NArg() > 0 {
		return usagef("voices: takes no arguments, got %q", c.Args().Slice())
	}
	ref, cfg, err := cliapp.VoiceSetting()
	if err != nil {
		return err
	}
	chosen := "default"
	if ref != "" && ref != "default" {
		if chosen, err = pack.Dir(ref); err != nil {
			return cfg.At(cfg.VoiceAt, err)
		}
	}
	folders := []string{"default"}
	if dir, err := pack.Root(); err == nil {
		for _, name := range pack.UserNames() {
			folders = append(folders, filepath.Join(dir, name))
		}
	}
	if !slices.Contains(folders, chosen) {
		folders = append(folders, chosen)
	}
	var rows []packRow
	for _, f := range folders {
		rows = append(rows, describePack(f, f == chosen))
	}
	printPacks(c.App.Writer, rows)
	if cfg.File != "" && ref != "" {
		fmt.Fprintf(c.App.Writer, "\n* the voice %s picks; --voice NAME picks another for one command\n", cfg.File)
	} else {
		fmt.Fprintf(c.App.Writer, "\n* the voice used when no --voice is given; 'voice: NAME' in %s changes it\n", cliapp.SettingsFile())
	}
	return nil
}

// describePack loads the pack in folder ("default": the built-in one) and
// describes it; a pack that cannot be loaded says why.
func describePack(folder string, chosen bool) packRow {
	var v *pack.Voice
	var err error
	row := packRow{folder: folder, chosen: chosen, name: filepath.Base(folder)}
	if folder == "default" {
		v, err = pack.Default()
		row.folder = "(built into the program)"
	} else {
		v, err = pack.OpenDir(folder)
	}
	if err != nil {
		row.loudness = "cannot be read: " + termtext.Line(err.Error())
		return row
	}
	own := v.Own()
	row.name, row.lang, row.lines = v.Name, v.Language, fmt.Sprint(len(own))
	row.extends = "-"
	if p := v.Extends(); p != nil {
		row.extends = p.Name
	}
	row.loudness = packLoudness(v, own)
	return row
}

// packLoudness is the speech loudness of the pack's own clips: the median,
// with the range when it is wider than 2 LU.
func packLoudness(v *pack.Voice, lines []string) string {
	if len(lines) == 0 {
		return "-"
	}
	if err := v.Preload(lines); err != nil {
		return "cannot be read: " + termtext.Line(err.Error())
	}
	var ls []float64
	for _, line := range lines {
		s, err := v.Sound(line)
		if err != nil {
			return "cannot be read: " + termtext.Line(err.Error())
		}
		if l, ok := speech.Loudness(s.Samples, audio.SampleRate, speech.Block); ok {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		return "silent"
	}
	slices.Sort(ls)
	out := fmt.Sprintf("%.1f LUFS", ls[len(ls)/2])
	if lo, hi := ls[0], ls[len(ls)-1]; hi-lo > 2 {
		out += fmt.Sprintf(" (%.1f to %.1f)", lo, hi)
	}
	return out
}

func printPacks(w io.Writer, rows []packRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  NAME\tLANGUAGE\tLINES\tEXTENDS\tLOUDNESS\tFOLDER")
	for _, r := range rows {
		mark := " "
		if r.chosen {
			mark = "*"
		}
		fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s\t%s\t%s\n", mark, r.name, r.lang, r.lines, r.extends, r.loudness, r.folder)
	}
	tw.Flush()
}
