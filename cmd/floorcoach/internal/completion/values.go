package completion

import (
	"strconv"
	"strings"

	"github.com/floorcoach/floorcoach/audio/encode"
	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/cmd/floorcoach/internal/cliapp"
	"github.com/floorcoach/floorcoach/player"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// maxTitles is how many of the user's scripts are read for their titles
// when session names are offered; beyond it, the names come alone.
const maxTitles = 50

// flagValues offers the values of a flag: by its name for the flags that
// have a known set of values, else by its placeholder (FILE, FOLDER).
func flagValues(f cli.Flag, l *cmdline) completion {
	switch f.Names()[0] {
	case "level":
		return completion{cands: levels()}
	case "format":
		return completion{cands: formats()}
	case "voice", "into":
		return completion{files: folders, cands: voices()}
	case "from":
		return completion{cands: steps(l)}
	}
	placeholder := ""
	if d, ok := f.(cli.DocGenerationFlag); ok {
		placeholder, _ = cliapp.Unquote(d.GetUsage())
	}
	return argValues(placeholder, l)
}

// argValues offers the values of an argument or a flag's value, by the
// name its usage gives it.
func argValues(name string, l *cmdline) completion {
	switch {
	case name == "SESSION":
		return completion{files: scriptFile, cands: sessions()}
	case name == "FILE":
		return completion{files: anyFiles}
	case name == "FOLDER" || name == "DIR":
		return completion{files: folders}
	case strings.Contains(name, "|"):
		var c completion
		for _, v := range strings.Split(name, "|") {
			c.cands = append(c.cands, candidate{v, ""})
		}
		return c
	}
	return completion{}
}

func levels() []candidate {
	desc := map[scripts.Level]string{
		scripts.Gentle:   "the low end of every range",
		scripts.Standard: "the middle of every range",
		scripts.Full:     "the high end of every range",
	}
	var out []candidate
	for _, l := range scripts.Levels {
		out = append(out, candidate{string(l), desc[l]})
	}
	return out
}

func formats() []candidate {
	desc := map[encode.Format]string{
		encode.WAV:  "uncompressed PCM, chapters as cue points",
		encode.MP3:  "MP3 with ID3 chapters",
		encode.FLAC: "lossless, chapters as a cue sheet",
	}
	var out []candidate
	for _, f := range encode.Formats() {
		out = append(out, candidate{string(f), desc[f]})
	}
	return out
}

// voices offers the default pack and the user's packs.
func voices() []candidate {
	out := []candidate{{"default", "the voice built into the program"}}
	for _, name := range pack.UserNames() {
		out = append(out, candidate{name, "your voice pack"})
	}
	return out
}

// sessions offers the sessions that can be played by name.
func sessions() []candidate {
	var out []candidate
	for i, e := range scripts.Library() {
		desc := e.Path
		if e.Builtin || i < maxTitles {
			if s, err := e.Load(); err == nil {
				desc = s.Title
			}
		}
		out = append(out, candidate{e.Name, desc})
	}
	return out
}

// steps offers the step numbers of the session on the command line, as
// play --from takes them, each with its name.
func steps(l *cmdline) []candidate {
	if len(l.args) == 0 {
		return nil
	}
	s, err := scripts.Load(l.args[0])
	if err != nil {
		return nil
	}
	v, err := pack.Default()
	if err != nil {
		return nil
	}
	tl, err := player.Build(s, v, player.Options{})
	if err != nil {
		return nil
	}
	var out []candidate
	for _, sp := range tl.Steps {
		out = append(out, candidate{strconv.Itoa(sp.Index), sp.Label()})
	}
	return out
}
