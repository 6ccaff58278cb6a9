//go:build !darwin && !windows

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/internal/pulsetest"
)

// quietHome gives the doctor an empty user's world: no scripts, no packs,
// an empty cache, and no session bus.
func quietHome(t *testing.T) (cache string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv("FLOORCOACH_PATH", "")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
	cache = filepath.Join(home, "cache")
	t.Setenv("FLOORCOACH_CACHE", cache)
	return cache
}

// doctorLines runs the doctor and returns its exit status, its lines by
// check (the last of each), and its stderr.
func doctorLines(t *testing.T, args ...string) (int, map[string]string, string) {
	t.Helper()
	code, out, stderr := runApp(t, append([]string{"doctor"}, args...)...)
	lines := map[string]string{}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if f := strings.Fields(l); len(f) > 1 {
			lines[strings.TrimSuffix(strings.Join(f[1:min(3, len(f))], " "), ":")] = l
		}
	}
	t.Logf("exit %d\n%s%s", code, out, stderr)
	return code, lines, stderr
}

// check fails the test unless the line of check matches re.
func check(t *testing.T, lines map[string]string, check, re string) {
	t.Helper()
	for name, l := range lines {
		if strings.HasPrefix(name, check) {
			if !regexp.MustCompile(re).MatchString(l) {
				t.Errorf("%s: %q does not match %q", check, l, re)
			}
			return
		}
	}
	t.Errorf("no line for %s in %v", check, lines)
}

// With no sound server, the doctor says so with the fix, and exits 1; the
// rest still is checked.
func TestDoctorWithoutServer(t *testing.T) {
	quietHome(t)
	t.Setenv("PULSE_SERVER", "unix:/nonexistent")
	code, lines, stderr := doctorLines(t)
	if code != exitFail || stderr != "floorcoach: play would not work: see the FAIL lines above\n" {
		t.Errorf("exit %d, stderr %q; want 1 and one line", code, stderr)
	}
	check(t, lines, "sound", `^FAIL  sound      no sound output: PulseAudio/PipeWire at unix:/nonexistent: no such file or directory; fix: start your sound server: PipeWire .* or PulseAudio \(pulseaudio --start\)`)
	check(t, lines, "media keys", `^warn  media keys no D-Bus session bus.*; fix: play from your desktop session`)
	check(t, lines, "voice", `^ok    voice      the default pack: \d{3} lines$`)
	check(t, lines, "sessions", `^ok    sessions   .*/config/floorcoach/sessions: none yet \('floorcoach new NAME' makes one there\)$`)
	check(t, lines, "cache", `^ok    cache      .*/cache: 0 entries, 0 KB$`)
	check(t, lines, "tts", `^(ok    tts        .* on PATH|warn  tts        none of flite, text2wave, espeak-ng, piper is on PATH.*; fix: install one)`)
}

// On each server the doctor names it, its version and default sink, and
// times the start of sound; on PipeWire's session bus it finds the player
// for media keys. It exits 0.
func TestDoctorOnServers(t *testing.T) {
	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
		quietHome(t)
		keys := `^warn  media keys `
		name := `PulseAudio 16\.\d+`
		if srv.Kind == pulsetest.PipeWire {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", srv.Bus)
			keys = `^ok    media keys the player appears on the session bus as org\.mpris\.MediaPlayer2\.floorcoach`
			name = `PipeWire 0\.3\.\d+`
		}
		code, lines, _ := doctorLines(t)
		if code != 0 {
			t.Errorf("exit %d, want 0", code)
		}
		check(t, lines, "sound", `^ok    sound      `+name+` at `+regexp.QuoteMeta(srv.Address)+`, default sink `+srv.Sink+`; sound starts \d+ms after play$`)
		check(t, lines, "media keys", keys)
	})
}

// A stale cache entry is counted, and --prune removes it; a user's pack
// with a clip that cannot be read, and a missing folder in
// FLOORCOACH_PATH, are warnings that say what to do.
func TestDoctorPruneAndWarnings(t *testing.T) {
	cache := quietHome(t)
	t.Setenv("PULSE_SERVER", "unix:/nonexistent")
	stale := filepath.Join(cache, strings.Repeat("0f", 32))
	pack := filepath.Join(os.Getenv("XDG_DATA_HOME"), "floorcoach", "voices", "anna")
	for name, body := range map[string]string{
		stale:                             strings.Repeat("x", 2048),
		filepath.Join(pack, "voice.yaml"): "name: anna\nlanguage: en\nextends: default\nclips:\n  \"Knee hug\": knee.wav\n",
		filepath.Join(pack, "knee.wav"):   "not a WAV file",
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("FLOORCOACH_PATH", filepath.Join(t.TempDir(), "gone"))
	_, lines, _ := doctorLines(t)
	check(t, lines, "cache", `^ok    cache      .*: 1 entries, 2 KB, of which 1 stale \(2 KB\): 'floorcoach doctor --prune' removes them$`)
	check(t, lines, "voice anna", `^warn  voice      anna in .*/anna: \d+ lines, 1 cannot be read: "Knee hug": .*; fix: record those lines again`)
	check(t, lines, "sessions "+os.Getenv("FLOORCOACH_PATH"), `^warn  sessions   .*/gone \(in FLOORCOACH_PATH\): no such folder; fix: make it, or take it out of FLOORCOACH_PATH$`)
	_, lines, _ = doctorLines(t, "--prune")
	check(t, lines, "cache", `; removed 1 stale entries, 2 KB$`)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale entry is still there: %v", err)
	}
}

// On PipeWire without its session manager nothing plays: the doctor says
// to start WirePlumber.
func TestDoctorWithoutWirePlumber(t *testing.T) {
	srv := pulsetest.StartKind(t, pulsetest.PipeWire)
	quietHome(t)
	srv.StopSessionManager()
	code, lines, _ := doctorLines(t)
	if code != exitFail {
		t.Errorf("exit %d, want 1", code)
	}
	check(t, lines, "sound", `^FAIL  sound      .*WirePlumber.*; fix: start PipeWire's session manager: systemctl --user start wireplumber$`)
}
