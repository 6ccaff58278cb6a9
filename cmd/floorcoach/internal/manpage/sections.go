package manpage

import (
	"fmt"

	"github.com/floorcoach/floorcoach/internal/journal"
)

// manSection is a section of the manual page that no command's help holds.
type manSection struct {
	title string
	write func(r *roff)
}

// manSections returns the sections after COMMANDS, in order.
func manSections() []manSection {
	return []manSection{
		{"KEYS", manKeys},
		{"SCRIPT FORMAT", manFormat},
		{"FILES", manFiles},
		{"ENVIRONMENT", manEnvironment},
		{"EXIT STATUS", manExitStatus},
		{"EXAMPLES", manExamples},
		{"SEE ALSO", func(r *roff) {
			r.text("pulseaudio(1), pipewire(1), ffplay(1), flite(1); the scripts package documentation " +
				"(go doc ./scripts in the source) for the script format in full.")
		}},
	}
}

// terms writes a list of terms, each with what it means.
func (r *roff) terms(list [][2]string) {
	for _, t := range list {
		r.line(".TP")
		r.line(`\fB` + Escape(t[0], true) + `\fR`)
		r.text(t[1])
	}
}

func manKeys(r *roff) {
	r.prose("While 'floorcoach play' runs on a terminal, single keys steer the session:")
	r.terms([][2]string{
		{"space", "Pause; again, resume."},
		{"n or →", "Skip to the next step."},
		{"p or ←", "Restart the step; pressed again at once, go back to the previous step."},
		{"+ and -", "Volume up and down."},
		{"q, Ctrl-C", "Stop. The summary says where the session stopped, and the journal keeps it for play --resume."},
	})
	r.prose("Headset and keyboard media keys (play/pause, next, previous) work too where the desktop " +
		"has a D-Bus session bus: the player shows itself there as an MPRIS media player.")
}

func manFormat(r *roff) {
	r.prose("A script is a YAML file: a title, optional about, warning, level, defaults and closing, " +
		"and a list of steps. A step with hold is a timed hold, with reps a set of repetitions at a tempo, " +
		"with say alone spoken lines, with rest alone a rest, and with repeat a group of steps run " +
		"that many times. Holds and reps take ranges (20-30s, 10-12); the level picks the low end " +
		"(gentle), the middle (standard) or the high end (full). In a step with sides, a line with " +
		"{side} or {other} is said before each side's clock, with that side and the opposite one; " +
		"during lines are said inside the hold, after lines after it.")
	r.literal([]string{
		"title: Neck release",
		"warning: Stop if you feel pain.",
		"defaults: {ready: 5s, rest: 10s}",
		"steps:",
		"  - name: Side bend",
		"    say: Tilt your {side} ear toward your {side} shoulder.",
		"    hold: 20-30s",
		"    sides: [right, left]",
		"  - name: Chin tuck",
		"    reps: 8-10",
		"    tempo: [2s, 2s]",
		"  - rest: 30s",
		"closing: Well done.",
	})
	r.prose("Steps are numbered as they are performed: each round of a repeat group counts, a rest " +
		"or say step of the script counts, and the rest after a timed step is part of it. show, " +
		"play --from, the status line, the summary, the journal and an exported file's chapters " +
		"all use these numbers.")
	r.prose("'floorcoach new NAME' prints a starter script that explains every key in its comments; " +
		"'floorcoach check FILE' reports each mistake as FILE:LINE:COL; 'floorcoach schema' prints the " +
		"format as JSON Schema for editors.")
}

func manFiles(r *roff) {
	r.terms([][2]string{
		{"~/.config/floorcoach/sessions/*.yaml",
			"Your scripts, played by name (hips.yaml is 'floorcoach play hips'). The folder is floorcoach/sessions " +
				"in $XDG_CONFIG_HOME, ~/Library/Application Support on macOS, %AppData% on Windows."},
		{"~/.config/floorcoach/config.yaml",
			"Your defaults, in the same folder: the voice:, level: and volume: the commands use when no flag says otherwise."},
		{"~/.local/share/floorcoach/voices/NAME/",
			"Your voice packs, each a voice.yaml and its clips; 'mine' is where 'clips make' and 'clips add' " +
				"put clips unless told otherwise. The folder is floorcoach/voices in $XDG_DATA_HOME " +
				"(~/Library/Application Support on macOS, %LocalAppData% on Windows)."},
		{"~/.cache/floorcoach/clips/",
			"Clips already decoded, so that a session starts at once; safe to delete. In $XDG_CACHE_HOME, " +
				"or where FLOORCOACH_CACHE says."},
		{"~/.local/state/floorcoach/journal",
			fmt.Sprintf("The journal: one JSON line for every session played, finished or stopped, and where; "+
				"read by 'floorcoach log' and 'play --resume', at most its last %d MiB. In $XDG_STATE_HOME "+
				"(~/Library/Application Support on macOS, %%LocalAppData%% on Windows).", journal.MaxRead>>20)},
	})
}

func manEnvironment(r *roff) {
	r.terms([][2]string{
		{"FLOORCOACH_PATH", "More folders of scripts to play by name, separated by ':' (';' on Windows), searched after ~/.config/floorcoach/sessions."},
		{"FLOORCOACH_CACHE", "The folder of decoded clips, or 'off' for none."},
		{"XDG_CONFIG_HOME", "Where the config folder is, instead of ~/.config."},
		{"XDG_DATA_HOME", "Where the data folder, and so the voice packs, is, instead of ~/.local/share."},
		{"XDG_CACHE_HOME", "Where the cache folder is, instead of ~/.cache."},
		{"XDG_STATE_HOME", "Where the state folder, and so the journal, is, instead of ~/.local/state."},
		{"PULSE_SERVER", "The PulseAudio or PipeWire server to play through, instead of the user's own."},
		{"DBUS_SESSION_BUS_ADDRESS", "The session bus where play offers itself to media keys."},
	})
}

func manExitStatus(r *roff) {
	r.terms([][2]string{
		{"0", "Done; also a session stopped by a key or Ctrl-C."},
		{"1", "Failed: a script with mistakes, a file that cannot be read or written, no sound output. " +
			"One line on standard error says why."},
		{"2", "Wrong usage: an unknown command or flag, a missing argument, a value out of range."},
	})
}

func manExamples(r *roff) {
	r.literal([]string{
		"floorcoach list",
		"floorcoach play lower-back --level gentle",
		"floorcoach play lower-back --resume        # where it stopped last time",
		"floorcoach export lower-back -o back.mp3   # for the phone",
		"floorcoach new my-routine > ~/.config/floorcoach/sessions/my-routine.yaml",
		"floorcoach check ~/.config/floorcoach/sessions/my-routine.yaml",
		"floorcoach log --csv > practice.csv        # for the physiotherapist",
	})
}
