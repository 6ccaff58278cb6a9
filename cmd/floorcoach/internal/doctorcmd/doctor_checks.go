package doctorcmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/speaker"
	"github.com/floorcoach/floorcoach/player/mpris"
	"github.com/floorcoach/floorcoach/scripts"
)

// Sound checks: the silence played, how long it may take to be heard, and
// the start-up above which the sound is said to start late.
const (
	probeLength = 200 * time.Millisecond
	probeLimit  = 2 * time.Second
	slowStart   = 150 * time.Millisecond
)

// fixServer is what to do when there is no sound server to play through.
const fixServer = "start your sound server: PipeWire (systemctl --user start pipewire pipewire-pulse wireplumber) " +
	"or PulseAudio (pulseaudio --start); PULSE_SERVER, if set, must name it"

// fixSessionManager is what to do when PipeWire takes no stream.
const fixSessionManager = "start PipeWire's session manager: systemctl --user start wireplumber"

// checkSound opens the sound output as play does and plays 200 ms of
// silence, timing how soon the server takes it.
func checkSound() finding {
	f := finding{name: "sound"}
	begin := time.Now()
	spk, err := speaker.Open(speaker.Options{})
	if err != nil {
		f.health, f.text, f.fix = fail, strings.TrimPrefix(err.Error(), "speaker: "), fixServer
		if strings.Contains(err.Error(), "WirePlumber") {
			f.fix = fixSessionManager
		}
		return f
	}
	defer spk.Close()
	srv, err := spk.Server()
	if err != nil {
		f.health, f.text, f.fix = fail, strings.TrimPrefix(err.Error(), "speaker: "), fixServer
		return f
	}
	f.text = describeServer(srv)
	startUp, err := probeStart(spk, begin)
	switch {
	case err != nil:
		f.health, f.text = fail, f.text+"; "+err.Error()
		f.fix = fixSessionManager
	case startUp > slowStart:
		f.health, f.text = warn, f.text+fmt.Sprintf("; sound starts %v after play, later than %v", startUp.Round(time.Millisecond), slowStart)
		f.fix = "a busy machine, or a server set for long latencies, delays the sound: cues will be late"
	default:
		f.text += fmt.Sprintf("; sound starts %v after play", startUp.Round(time.Millisecond))
	}
	return f
}

func describeServer(srv speaker.Server) string {
	s := srv.Name
	if srv.Address != "" {
		s += " at " + srv.Address
	}
	if srv.Sink != "" {
		s += ", default sink " + srv.Sink
	}
	return s
}

// probeStart plays probeLength of silence and returns how long after begin
// its first frame was heard, once the last one has been.
func probeStart(spk *speaker.Speaker, begin time.Time) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), probeLimit)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- spk.Play(ctx, audio.NewRenderer(nil, audio.Frames(probeLength))) }()
	var startUp time.Duration
	for startUp == 0 {
		select {
		case err := <-done:
			if errors.Is(err, context.DeadlineExceeded) {
				return 0, fmt.Errorf("it played nothing of %v of silence within %v", probeLength, probeLimit)
			}
			if err != nil {
				return 0, errors.New(strings.TrimPrefix(err.Error(), "speaker: "))
			}
			return time.Since(begin), nil
		case <-time.After(time.Millisecond):
			if spk.Position() > 0 {
				startUp = time.Since(begin)
			}
		}
	}
	if err := <-done; err != nil {
		return 0, fmt.Errorf("it played %v of silence only in part: %v", probeLength, strings.TrimPrefix(err.Error(), "speaker: "))
	}
	return startUp, nil
}

// checkMediaKeys puts the player on the session bus for a moment, as play
// does, so that headset and media keys reach it.
func checkMediaKeys() finding {
	f := finding{name: "media keys"}
	srv, err := mpris.Start(idleControls{})
	if err != nil {
		f.health, f.text = warn, strings.TrimPrefix(err.Error(), "mpris: ")
		f.fix = "play from your desktop session, whose session bus (DBUS_SESSION_BUS_ADDRESS) carries media keys; the keyboard's keys work anyway"
		return f
	}
	defer srv.Close()
	f.text = "the player appears on the session bus as " + srv.Name()
	return f
}

// idleControls does nothing: the doctor's player plays nothing.
type idleControls struct{}

func (idleControls) PlayPause() {}
func (idleControls) Play()      {}
func (idleControls) Pause()     {}
func (idleControls) Next()      {}
func (idleControls) Previous()  {}
func (idleControls) Stop()      {}

// ttsCommands are the text-to-speech commands clips make knows how to run.
var ttsCommands = []string{"flite", "text2wave", "espeak-ng", "piper"}

// checkTTS looks for the text-to-speech commands on PATH.
func checkTTS() finding {
	var found, missing []string
	for _, name := range ttsCommands {
		if _, err := exec.LookPath(name); err == nil {
			found = append(found, name)
		} else {
			missing = append(missing, name)
		}
	}
	f := finding{name: "tts"}
	if len(found) == 0 {
		f.health, f.text = warn, "none of "+strings.Join(ttsCommands, ", ")+" is on PATH: 'clips make' cannot voice your own lines"
		f.fix = "install one, such as flite (Debian: apt install flite), or record the lines yourself ('floorcoach clips sheet')"
		return f
	}
	f.text = strings.Join(found, ", ") + " on PATH"
	if len(missing) > 0 {
		f.text += " (not " + strings.Join(missing, ", ") + ")"
	}
	return f
}

// checkSessions checks the folders of the user's scripts.
func checkSessions() []finding {
	var out []finding
	for i, dir := range scripts.LibraryDirs() {
		f := finding{name: "sessions", text: dir}
		entries, err := os.ReadDir(dir)
		switch {
		case errors.Is(err, os.ErrNotExist) && i == 0:
			f.text += ": none yet ('floorcoach new NAME' makes one there)"
		case errors.Is(err, os.ErrNotExist):
			f.health, f.text, f.fix = warn, f.text+" (in FLOORCOACH_PATH): no such folder", "make it, or take it out of FLOORCOACH_PATH"
		case err != nil:
			f.health, f.text, f.fix = warn, f.text+": "+unwrapPath(err), "make it readable"
		default:
			f.text += fmt.Sprintf(": %d scripts", countScripts(entries))
		}
		out = append(out, f)
	}
	return out
}

func countScripts(entries []os.DirEntry) int {
	n := 0
	for _, e := range entries {
		if name := strings.ToLower(e.Name()); !e.IsDir() && (strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			n++
		}
	}
	return n
}

// unwrapPath returns the reason of a path error, without the path.
func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
