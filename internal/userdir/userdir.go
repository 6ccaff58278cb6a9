package userdir

import (
	"errors"
	"path/filepath"
)

// Data returns the user's data folder on the system goos, given its
// environment.
func Data(goos string, getenv func(string) string) (string, error) {
	return base(goos, getenv, "XDG_DATA_HOME", filepath.Join(".local", "share"))
}

// State returns the user's state folder on the system goos, given its
// environment.
func State(goos string, getenv func(string) string) (string, error) {
	return base(goos, getenv, "XDG_STATE_HOME", filepath.Join(".local", "state"))
}

// base returns a base folder: the system's own where it has one, else the
// absolute path in the XDG variable xdg, else unix inside the home folder.
func base(goos string, getenv func(string) string, xdg, unix string) (string, error) {
	home := func() (string, error) {
		h := getenv("HOME")
		if goos == "windows" {
			h = getenv("USERPROFILE")
		}
		if h == "" {
			return "", errors.New("$HOME is not set")
		}
		return h, nil
	}
	switch goos {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return "", errors.New("%LocalAppData% is not set")
	case "darwin", "ios":
		h, err := home()
		return filepath.Join(h, "Library", "Application Support"), err
	case "plan9":
		h, err := home()
		return filepath.Join(h, "lib"), err
	}
	if d := getenv(xdg); filepath.IsAbs(d) {
		return d, nil
	}
	h, err := home()
	return filepath.Join(h, unix), err
}
