package clipscmd

import (
	"errors"
	"fmt"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/internal/termtext"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// Command returns the clips command and its subcommands. open gives clips
// record the terminal on stdout, or nil when stdout is not one.
func Command(open OpenTerminal) *cli.Command {
	return &cli.Command{
		Name:  "clips",
		Usage: "find, make and record the voice clips a session needs",
		Description: "A voice pack is a folder: a voice.yaml mapping each line's text to its clip\n" +
			"(MP3 or WAV), and the clips. A pack may extend another: lines it lacks come\n" +
			"from that one, numbers and coaching words from the built-in default pack.\n" +
			"--voice takes a folder, or the NAME of one of your packs, kept in floorcoach/voices\n" +
			"in your data folder ($XDG_DATA_HOME, else ~/.local/share, on Linux; ~/Library/\n" +
			"Application Support on macOS; %LocalAppData% on Windows).\n\n" +
			"Examples:\n" +
			"   floorcoach clips missing my-routine.yaml\n" +
			"   floorcoach clips make my-routine.yaml --tts 'flite -voice slt -t {text} -o {out}'\n" +
			"   floorcoach play my-routine.yaml --voice mine\n" +
			"   floorcoach clips sheet my-routine.yaml > sheet.txt   # to record the lines by hand\n" +
			"   floorcoach clips add my-routine.yaml ~/recordings --into anna",
		Subcommands: []*cli.Command{clipsMissingCommand(), clipsMakeCommand(), clipsRecordCommand(open), clipsSheetCommand(), clipsAddCommand()},
	}
}

func clipsMissingCommand() *cli.Command {
	return &cli.Command{
		Name:      "missing",
		Usage:     "list the lines of a session that the voice has no clip for",
		ArgsUsage: "SESSION",
		Description: "Lists every line SESSION speaks, at any level, that the voice has no clip\n" +
			"for, with the place in the script that needs it. Lines match clips by their\n" +
			"words: case, spacing and punctuation do not matter. Prints 'all N lines have\n" +
			"clips' when none is missing. A clip that cannot be read is an error.\n\n" +
			"Examples:\n" +
			"   floorcoach clips missing my-routine.yaml\n" +
			"   floorcoach clips missing my-routine.yaml --voice ~/voices/anna",
		Flags:  []cli.Flag{cliapp.VoiceFlag(), levelsFlag()},
		Action: runClipsMissing,
	}
}

// levelsFlag returns a new flag that limits the clips commands to the
// lines of one level.
func levelsFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:        "level",
		DefaultText: "all three",
		Usage:       "only the lines spoken at this `LEVEL`: gentle, standard or full",
	}
}

func runClipsMissing(c *cli.Context) error {
	cs, err := sessionClips(c)
	if err != nil {
		return err
	}
	missing := cs.missing()
	if len(missing) == 0 {
		fmt.Fprintf(c.App.Writer, "all %d lines have clips in voice %q\n", len(cs.needs), cs.voice.Name)
		return nil
	}
	for _, n := range missing {
		fmt.Fprintf(c.App.Writer, "%q\n    needed by %s\n", n.text, termtext.Line(n.where))
	}
	fmt.Fprintf(c.App.ErrWriter, "%d of %d lines have no clip in voice %q. Make them with any TTS, or record them:\n"+
		"  floorcoach clips make %s --tts 'flite -voice slt -t {text} -o {out}'\n"+
		"  floorcoach clips sheet %s\n", len(missing), len(cs.needs), cs.voice.Name, termtext.Line(c.Args().First()), termtext.Line(c.Args().First()))
	return nil
}

// clipSet is a session's lines and a voice.
type clipSet struct {
	session *scripts.Session
	voice   *pack.Voice
	needs   []need
	dir     string // for make and add: the pack to write, when it is still to be made
}

// sessionClips loads the command's SESSION and the lines it needs in the
// voice of --voice.
func sessionClips(c *cli.Context) (*clipSet, error) {
	name, err := cliapp.SessionArg(c)
	if err != nil {
		return nil, err
	}
	v, err := cliapp.Voice(c)
	if err != nil {
		return nil, err
	}
	return loadClips(c, name, v)
}

// loadClips loads a session and the lines it needs, at the --level given
// or at every level, and checks that every clip the voice has for them can
// be read.
func loadClips(c *cli.Context, name string, v *pack.Voice) (*clipSet, error) {
	levels := scripts.Levels
	if lv, err := cliapp.Level(c); err != nil {
		return nil, err
	} else if lv != "" {
		levels = []scripts.Level{lv}
	}
	s, err := scripts.Load(name)
	if err != nil {
		return nil, err
	}
	needs, err := sessionLines(s, v, levels)
	if err != nil {
		return nil, err
	}
	for _, n := range needs {
		if _, err := v.Probe(n.text); err != nil && !errors.Is(err, pack.ErrNoClip) {
			return nil, fmt.Errorf("%w (needed by %s)", err, n.where)
		}
	}
	return &clipSet{session: s, voice: v, needs: needs}, nil
}

// missing returns the lines the voice has no clip for.
func (cs *clipSet) missing() []need {
	var out []need
	for _, n := range cs.needs {
		if !cs.voice.Has(n.text) {
			out = append(out, n)
		}
	}
	return out
}

// targetPack returns the folder of the pack that make and add write to:
// --into, else --voice, else the user's own pack.
func targetPack(c *cli.Context) (string, error) {
	if into, v := c.String("into"), c.String("voice"); into != "" && v != "" && into != v {
		return "", cliapp.Usagef("%s: --into and --voice name different packs; give one", c.Command.Name)
	}
	into, err := cliapp.PackRef(c)
	if err != nil {
		return "", err
	}
	if into == "default" {
		return "", cliapp.Usagef("%s: the default pack is built into the program; add clips to a pack of your own (--into NAME or FOLDER)", c.Command.Name)
	}
	return pack.Dir(into)
}

// intoFlag returns a new flag that names the pack that make and add write to.
func intoFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:        "into",
		DefaultText: "the settings file's voice:, else mine",
		Usage: "the pack to add the clips to: the NAME of one of yours, or a `FOLDER` (with a /: ./anna); " +
			"a new pack is made, extending the default one",
	}
}
