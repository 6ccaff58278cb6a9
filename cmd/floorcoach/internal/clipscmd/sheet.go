package clipscmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/urfave/cli/v2"
)

func clipsSheetCommand() *cli.Command {
	return &cli.Command{
		Name:      "sheet",
		Usage:     "print a numbered sheet of the lines to record by hand",
		ArgsUsage: "SESSION",
		Description: "Prints the lines SESSION speaks that the voice has no clip for, numbered,\n" +
			"each with the name of the file to record it into. Record each line into its\n" +
			"own WAV or MP3 file of that name (any rate, mono or stereo: the quiet at the\n" +
			"ends is trimmed and the loudness matched), keep the files in one folder, and\n" +
			"add them to a pack with 'floorcoach clips add'. Numbers and names stay the\n" +
			"same from one sheet to the next while the script does not change.\n\n" +
			"Examples:\n" +
			"   floorcoach clips sheet my-routine.yaml > sheet.txt\n" +
			"   floorcoach clips sheet my-routine.yaml --all    # every line, in your own voice",
		Flags: []cli.Flag{cliapp.VoiceFlag(), levelsFlag(),
			&cli.BoolFlag{Name: "all", Usage: "list every line, also those the voice has a clip for"}},
		Action: runClipsSheet,
	}
}

func runClipsSheet(c *cli.Context) error {
	cs, err := sessionClips(c)
	if err != nil {
		return err
	}
	into, err := cliapp.PackRef(c)
	if err != nil {
		return err
	}
	if into == "default" {
		into = pack.Mine
	}
	writeSheet(c, cs, c.Args().First(), into)
	return nil
}

// writeSheet prints the recording sheet.
func writeSheet(c *cli.Context, cs *clipSet, session, into string) {
	w := c.App.Writer
	names := sheetNames(cs.needs)
	var rows []string
	for i, n := range cs.needs {
		if c.Bool("all") || !cs.voice.Has(n.text) {
			rows = append(rows, fmt.Sprintf("%3d. %s\n     file: %s.wav\n", i+1, termtext.Line(n.text), names[i]))
		}
	}
	fmt.Fprintf(w, "Recording sheet: %s (voice %q: %d of %d lines to record)\n\n",
		termtext.Line(cs.session.Title), cs.voice.Name, len(rows), len(cs.needs))
	if len(rows) == 0 {
		fmt.Fprintln(w, "Nothing to record: the voice has every line.")
		return
	}
	fmt.Fprintf(w, "Record each line into its own WAV or MP3 file named as shown, all in one\n"+
		"folder, then add them to your voice pack:\n    floorcoach clips add %s FOLDER --into %s\n\n", termtext.Line(session), termtext.Line(into))
	fmt.Fprint(w, strings.Join(rows, ""))
}

// sheetNames gives each line its file name on the sheet, without the
// extension: its number among the session's lines, then its words
// ("07-lie-on-your-back").
func sheetNames(needs []need) []string {
	width := max(2, len(strconv.Itoa(len(needs))))
	names := make([]string, len(needs))
	for i, n := range needs {
		names[i] = fmt.Sprintf("%0*d-%s", width, i+1, pack.Slug(n.text))
	}
	return names
}

// matchRecording returns the index of the line a recorded file is of: the
// line whose sheet name it has, else the one line whose words it has with
// any number in front, or -1.
func matchRecording(file string, names []string) int {
	base := strings.ToLower(strings.TrimSuffix(file, file[strings.LastIndexByte(file, '.'):]))
	found := -1
	for i, name := range names {
		if base == name {
			return i
		}
		if slugOf(base) == slugOf(name) {
			if found >= 0 {
				return -1 // two lines: the number must decide
			}
			found = i
		}
	}
	return found
}

// slugOf drops the number in front of a sheet name.
func slugOf(name string) string {
	i := 0
	for i < len(name) && name[i] >= '0' && name[i] <= '9' {
		i++
	}
	if i > 0 && i < len(name) && (name[i] == '-' || name[i] == '_' || name[i] == ' ') {
		return name[i+1:]
	}
	return name
}
