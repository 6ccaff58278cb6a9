// Package config reads floorcoach's settings file, config.yaml in the
// floorcoach folder of the user's config folder ($XDG_CONFIG_HOME, else
// ~/.config, on Linux; ~/Library/Application Support on macOS; %AppData% on
// Windows). Path says where that is.
//
// The file is YAML, a mapping of at most three keys, each optional:
//
//	voice: anna        # the voice pack: a pack's name, a folder, or default
//	level: gentle      # gentle, standard or full: which end of each range
//	volume: 0.8        # live playback's volume, from 0 to 2 (above 1, limited)
//
// A command-line flag wins over the file. A file that is not there is no
// settings at all. A mistake in it (bad YAML, an unknown key, a wrong
// value) is an *Error naming file:line:col and what would be valid. The
// file may be at most MaxSize bytes.
package config
