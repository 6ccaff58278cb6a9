package clipscmd

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/safefile"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/urfave/cli/v2"
)

// maxRecording is the largest recorded file clips add reads.
const maxRecording = 64 << 20

func clipsAddCommand() *cli.Command {
	return &cli.Command{
		Name:      "add",
		Usage:     "add clips recorded from 'clips sheet' to a voice pack",
		ArgsUsage: "SESSION FOLDER",
		Description: "Takes the recordings in FOLDER, WAV or MP3 files named as 'floorcoach clips\n" +
			"sheet SESSION' names them (07-lie-on-your-back.wav; the number may be left\n" +
			"out where the words alone say which line it is), trims the quiet at their\n" +
			"ends, brings them to the loudness of the built-in voice, and adds them to the\n" +
			"pack with their lines. Lines the pack already has are kept: to record one\n" +
			"again, first remove its line from the pack's voice.yaml. A file that matches\n" +
			"no line, or cannot be read, is reported, the rest are added, and the exit\n" +
			"status is 1.\n\n" +
			"Examples:\n" +
			"   floorcoach clips sheet my-routine.yaml > sheet.txt\n" +
			"   floorcoach clips add my-routine.yaml ~/recordings --into anna\n" +
			"   floorcoach play my-routine.yaml --voice anna",
		Flags: []cli.Flag{intoFlag(), &cli.StringFlag{Name: "voice", Usage: "the same as --into (`PACK`)"}, levelsFlag(),
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors"}},
		Action: runClipsAdd,
	}
}

func runClipsAdd(c *cli.Context) error {
	if c.NArg() != 2 {
		return cliapp.Usagef("add: want SESSION and FOLDER (the folder of recordings), got %d arguments", c.NArg())
	}
	session, folder := c.Args().Get(0), c.Args().Get(1)
	files, err := recordings(folder)
	if err != nil {
		return err
	}
	w, cs, err := openTarget(c, session)
	if err == nil {
		w, err = packWriter(w, cs)
	}
	if err != nil {
		return err
	}
	defer w.Close()
	names := sheetNames(cs.needs)
	added, bad := 0, 0
	for _, f := range files {
		i := matchRecording(f, names)
		switch {
		case i < 0:
			bad++
			fmt.Fprintf(c.App.ErrWriter, "floorcoach: %s: matches no line of the sheet ('floorcoach clips sheet %s' names the files)\n", termtext.Line(f), termtext.Line(session))
		case w.Has(cs.needs[i].text):
			fmt.Fprintf(c.App.ErrWriter, "floorcoach: %s: kept the clip the pack has for %q (remove its line from voice.yaml to replace it)\n", termtext.Line(f), shorten(cs.needs[i].text, 50))
		default:
			if err := addRecording(w, filepath.Join(folder, f), cs.needs[i].text); err != nil {
				bad++
				fmt.Fprintf(c.App.ErrWriter, "floorcoach: %s\n", cliapp.ErrorLine(err))
				continue
			}
			added++
		}
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(c.App.ErrWriter, "added %d clips to %s\n", added, termtext.Line(w.Dir))
	}
	if bad > 0 {
		return cli.Exit(fmt.Sprintf("%d of %d files could not be added", bad, len(files)), cliapp.ExitFail)
	}
	return nil
}

// recordings lists the WAV and MP3 files of a folder, sorted.
func recordings(folder string) ([]string, error) {
	entries, err := safefile.ReadDir(folder)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if (ext == ".wav" || ext == ".mp3") && !strings.HasPrefix(e.Name(), ".") && !e.IsDir() {
			files = append(files, e.Name())
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .wav or .mp3 files", folder)
	}
	slices.Sort(files)
	return files, nil
}

// addRecording readies a recorded file and adds it as the clip of a line.
func addRecording(w *pack.Writer, path, text string) error {
	data, err := safefile.ReadRegular(path, maxRecording)
	if err != nil {
		return err
	}
	x, rate, err := speech.Read(data, path)
	if err != nil {
		return err
	}
	y, rate, err := speech.Prepare(x, rate)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	_, err = w.Add(text, y, rate)
	return err
}
