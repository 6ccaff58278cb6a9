package doctorcmd

import (
	"fmt"
	"strings"

	"github.com/floorcoach/floorcoach/audio/pack"
)

// maxProblems is how many unreadable clips a voice's line names.
const maxProblems = 2

// checkVoices checks the default voice pack and each of the user's, and
// returns the voices that loaded, for the cache check. The default pack
// is needed to play; the user's are warnings.
func checkVoices(report func(finding)) []*pack.Voice {
	var voices []*pack.Voice
	def, err := pack.Default()
	if err != nil {
		report(finding{health: fail, name: "voice", text: "the default pack: " + err.Error(),
			fix: "reinstall floorcoach: the default pack is built into it"})
	} else {
		voices = append(voices, def)
		report(voiceFinding(def, "the default pack", fail))
	}
	for _, name := range pack.UserNames() {
		v, err := pack.Open(name)
		if err != nil {
			report(finding{health: warn, name: "voice", text: name + ": " + err.Error(),
				fix: "mend its voice.yaml, or remove the pack's folder"})
			continue
		}
		voices = append(voices, v)
		report(voiceFinding(v, name+" in "+v.Dir, warn))
	}
	return voices
}

// voiceFinding counts a voice's lines and reads the header of each clip;
// unreadable clips make it bad.
func voiceFinding(v *pack.Voice, label string, bad health) finding {
	texts := v.Texts()
	var problems []string
	n := 0
	for _, t := range texts {
		if _, err := v.Probe(t); err != nil {
			if n++; n <= maxProblems {
				problems = append(problems, fmt.Sprintf("%q: %v", t, err))
			}
		}
	}
	f := finding{name: "voice", text: fmt.Sprintf("%s: %d lines", label, len(texts))}
	if n > 0 {
		f.health = bad
		f.text += fmt.Sprintf(", %d cannot be read: %s", n, strings.Join(problems, "; "))
		if n > maxProblems {
			f.text += "; …"
		}
		f.fix = "record those lines again ('floorcoach clips add'), or remove their files"
	}
	return f
}

// checkCache reports the cache of decoded clips, and prunes it if asked.
func checkCache(voices []*pack.Voice, prune bool) finding {
	info := pack.ClipCacheInfo()
	f := finding{name: "cache"}
	if info.Dir == "" {
		f.text = "off (FLOORCOACH_CACHE=off): every clip is decoded each time"
		return f
	}
	f.text = fmt.Sprintf("%s: %d entries, %s", info.Dir, info.Entries, megabytes(info.Bytes))
	if prune {
		n, freed, err := pack.PruneClipCache(voices)
		f.text += fmt.Sprintf("; removed %d stale entries, %s", n, megabytes(freed))
		if err != nil {
			f.health, f.fix = warn, fmt.Sprintf("some could not be removed (%v): remove the folder, which is only a cache", err)
		}
		return f
	}
	if n, size := pack.StaleClipCache(voices); n > 0 {
		f.text += fmt.Sprintf(", of which %d stale (%s): 'floorcoach doctor --prune' removes them", n, megabytes(size))
	}
	return f
}
