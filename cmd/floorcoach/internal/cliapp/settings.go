package cliapp

import (
	"cmp"
	"os"
	"path/filepath"
	"strings"

	"github.com/floorcoach/floorcoach/audio/pack"
	"github.com/floorcoach/floorcoach/internal/config"
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

// SettingsFile is the settings file's path, or where to find it.
func SettingsFile() string {
	path, err := config.Path()
	if err != nil {
		return "floorcoach/config.yaml in your config folder"
	}
	return path
}

// SettingsHelp is what --help says about the settings file.
func SettingsHelp() string {
	return "Settings: " + SettingsFile() + " may set voice:, level: and volume: (e.g. 'voice: anna');\n" +
		"a flag on the command line wins over it."
}

// VoiceSetting returns the pack the settings file names with "voice:", as
// OpenVoice takes it, and the file, or "" when it names none. A folder
// written with a leading ~/ is in the home folder; another relative folder
// is relative to the settings file's.
func VoiceSetting() (string, *config.Config, error) {
	cfg, err := config.Load()
	if err != nil || cfg.Voice == "" {
		return "", cfg, err
	}
	ref := cfg.Voice
	switch {
	case pack.IsName(ref) || ref == "default" || filepath.IsAbs(ref):
	case strings.HasPrefix(ref, "~/"):
		if home, err := os.UserHomeDir(); err == nil {
			ref = filepath.Join(home, ref[2:])
		}
	default:
		ref = filepath.Join(filepath.Dir(cfg.File), ref)
	}
	return ref, cfg, nil
}

// Voice returns the voice a command speaks with: the --voice flag's pack,
// else the settings file's, else the default pack.
func Voice(c *cli.Context) (*pack.Voice, error) {
	if ref := c.String("voice"); ref != "" {
		return pack.Open(ref)
	}
	ref, cfg, err := VoiceSetting()
	if err != nil {
		return nil, err
	}
	v, err := pack.Open(ref)
	if err != nil && ref != "" {
		return nil, cfg.At(cfg.VoiceAt, err)
	}
	return v, err
}

// PackRef is how the user names the pack make, add and record write to:
// --into, else --voice, else the settings file's voice when it is not the
// built-in one, else the user's own pack, "mine".
func PackRef(c *cli.Context) (string, error) {
	if ref := cmp.Or(c.String("into"), c.String("voice")); ref != "" {
		return ref, nil
	}
	ref, _, err := VoiceSetting()
	if err != nil || ref == "default" {
		ref = ""
	}
	return cmp.Or(ref, pack.Mine), err
}

// PlanLevel returns the level a session is laid out at: --level, else the
// settings file's, else "" for the script's own.
func PlanLevel(c *cli.Context) (scripts.Level, error) {
	if c.IsSet("level") {
		return Level(c)
	}
	cfg, err := config.Load()
	if err != nil {
		return "", err
	}
	return cfg.Level, nil
}

// VolumeSetting returns the live volume: --volume, else the settings
// file's, else 1.
func VolumeSetting(c *cli.Context) (float64, error) {
	if c.IsSet("volume") {
		return c.Float64("volume"), nil
	}
	cfg, err := config.Load()
	if err != nil || cfg.Volume == nil {
		return 1, err
	}
	return *cfg.Volume, nil
}
