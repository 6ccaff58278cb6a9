package main

import (
	"os"
	"runtime/debug"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/duck"
	"github.com/floorcoach/floorcoach/audio/mixdown"
	"github.com/floorcoach/floorcoach/audio/music"
	"github.com/floorcoach/floorcoach/audio/speech"
	"github.com/floorcoach/floorcoach/player"
	"github.com/urfave/cli/v2"
)

// The balance of a session's sound, relative to the voice.
const (
	// defaultMusicLevel puts music 12 LU under the voice between cues, and,
	// ducked by duck.Default's 12 dB, 24 LU under it while it speaks:
	// there, but never in the way of a word.
	defaultMusicLevel = -12.0
	minMusicLevel     = -40.0
	maxMusicLevel     = 0.0
	// maxTones is the loudest --tones: 4 (12 dB) brings the soft phase tone
	// up to the voice's level.
	maxTones = 4.0
)

// mixFlags returns the flags that shape the mix, new for each command.
func mixFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "music", Usage: "play music under the session: a `FILE` (.mp3, .flac, .wav) or a folder of them, " +
			"in name order, looped to the session's length and lowered while the voice speaks"},
		&cli.BoolFlag{Name: "shuffle", Usage: "with --music FOLDER: play the tracks in a random order"},
		&cli.Float64Flag{Name: "music-level", Value: defaultMusicLevel,
			Usage: "the music's loudness relative to the voice, in `DB`, between cues (-40 to 0); every track is brought to it"},
		&cli.Float64Flag{Name: "tones", Value: 1,
			Usage: "the volume of the tones (pips, ticks, counts) relative to the voice: a `GAIN` from 0 (none) to 4"},
	}
}

// mixSettings is what the mix flags ask for.
type mixSettings struct {
	music      string
	shuffle    bool
	musicLevel float64
	tones      float64
}

// readMixFlags checks the mix flags.
func readMixFlags(c *cli.Context) (mixSettings, error) {
	s := mixSettings{music: c.String("music"), shuffle: c.Bool("shuffle"),
		musicLevel: c.Float64("music-level"), tones: c.Float64("tones")}
	switch {
	case !(s.tones >= 0 && s.tones <= maxTones):
		return s, usagef("--tones %v: must be from 0 to %v", s.tones, maxTones)
	case !(s.musicLevel >= minMusicLevel && s.musicLevel <= maxMusicLevel):
		return s, usagef("--music-level %v: must be from %v to %v (dB relative to the voice)", s.musicLevel, minMusicLevel, maxMusicLevel)
	case s.music == "" && s.shuffle:
		return s, usagef("--shuffle: needs --music FOLDER")
	case s.music == "" && c.IsSet("music-level"):
		return s, usagef("--music-level: needs --music")
	}
	return s, nil
}

// balance is the gain of the voice and the tones in the render: the mix
// takes the voice at mixdown.Headroom.
func (s mixSettings) balance() player.Balance {
	return player.Balance{Voice: mixdown.Headroom, Tones: float32(mixdown.Headroom * s.tones)}
}

// openMusic opens the music of --music for a timeline, checking every track
// that will play; nil without --music.
func (s mixSettings) openMusic(tl *player.Timeline) (*music.Bed, error) {
	if s.music == "" {
		return nil, nil
	}
	return music.Open(s.music, tl.Length, music.Options{Shuffle: s.shuffle, Target: speech.LUFS + s.musicLevel})
}

// musicMemoryLimit is the soft memory limit of an export with music.
// go-mp3 makes about 2.5 MB of garbage for each second of music it
// decodes, and under the 40 MiB main sets for the voice alone the
// collector ran 490 times in one export of lower-back (8% of its time).
// Measured on that export (3 minutes of MP3 looped): 40 MiB 5.4 s of CPU,
// 60 MB at the peak; 56 MiB 4.6 s, 64 MB; 64 MiB 4.4 s, 72 MB.
const musicMemoryLimit = 56 << 20

// roomForMusic raises the soft memory limit to musicMemoryLimit, unless
// GOMEMLIMIT set one.
func roomForMusic() {
	if os.Getenv("GOMEMLIMIT") == "" && debug.SetMemoryLimit(-1) < musicMemoryLimit {
		debug.SetMemoryLimit(musicMemoryLimit)
	}
}

// newMix mixes the voice (rendered at s.balance) with the music, if any,
// ducked under the timeline's speech.
func newMix(tl *player.Timeline, voice audio.Seeker, bed *music.Bed, o mixdown.Options) (*mixdown.Mix, error) {
	if bed != nil {
		o.Music = bed
		o.Envelope = duck.New(tl.Speech(), tl.Length, audio.SampleRate, duck.Default)
	}
	return mixdown.New(voice, o)
}
