package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
)

// festivalVoice is the festival voice the pack is made with: CMU's SLT
// (US English, female) as an HTS statistical voice, Debian's
// festvox-us-slt-hts.
const festivalVoice = "cmu_us_slt_arctic_hts"

// respell maps a line to what the synthesizer is given instead, where it
// says the line wrongly. The clip is still filed under the line's own text.
var respell = map[string]string{
	// Festival's tagger reads "Alternate" here as the adjective (AWL-ter-nit);
	// "Alternait" gets the verb's sounds from its letter-to-sound rules.
	"Alternate slowly between the two.": "Alternait slowly between the two.",
}

// An engine turns a line of text into a WAV file.
type engine struct {
	Name string // what voice.yaml records
	args func(textFile, wavFile string) []string
}

// findEngine checks that lame is installed, then picks
// festival with the SLT HTS voice when text2wave is installed, and flite's
// SLT voice otherwise.
func findEngine() (engine, error) {
	if _, err := exec.LookPath("lame"); err != nil {
		return engine{}, errors.New("lame is not installed: apt-get install lame")
	}
	if path, err := exec.LookPath("text2wave"); err == nil {
		return engine{
			Name: "festival " + festivalVoice,
			args: func(in, out string) []string {
				return []string{path, "-eval", "(voice_" + festivalVoice + ")", in, "-o", out}
			},
		}, nil
	}
	if path, err := exec.LookPath("flite"); err == nil {
		return engine{
			Name: "flite slt",
			args: func(in, out string) []string {
				return []string{path, "-voice", "slt", "-f", in, "-o", out}
			},
		}, nil
	}
	return engine{}, errors.New("neither festival (text2wave) nor flite is installed: apt-get install festival festvox-us-slt-hts")
}

// synthesize says text into dir/raw.wav and returns that path.
func (e engine) synthesize(ctx context.Context, text, dir string) (string, error) {
	if s, ok := respell[text]; ok {
		text = s
	}
	in, out := filepath.Join(dir, "line.txt"), filepath.Join(dir, "raw.wav")
	if err := os.WriteFile(in, []byte(text+"\n"), 0o644); err != nil {
		return "", err
	}
	args := e.args(in, out)
	return out, command(ctx, args[0], args[1:]...)
}
