package audiotest

import (
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
)

// Loudness is what ffmpeg's ebur128 filter says of a file.
type Loudness struct {
	Integrated float64 // LUFS
	TruePeak   float64 // dBTP
}

var (
	integratedRE = regexp.MustCompile(`(?s)Integrated loudness:\s+I:\s+(-?[0-9.]+|-inf) LUFS`)
	truePeakRE   = regexp.MustCompile(`(?s)True peak:\s+Peak:\s+(-?[0-9.]+|-inf) dBFS`)
)

// EBUR128 measures a sound file with ffmpeg's ebur128 filter, an
// independent judge of loudness (EBU R128) and true peak. It returns an
// error wrapping exec.ErrNotFound when ffmpeg is missing.
func EBUR128(path string) (Loudness, error) {
	out, err := exec.Command("ffmpeg", "-hide_banner", "-nostats", "-i", path,
		"-af", "ebur128=peak=true", "-f", "null", "-").CombinedOutput()
	if err != nil {
		return Loudness{}, fmt.Errorf("ffmpeg ebur128 %s: %w: %s", path, err, lastLines(out))
	}
	i, tp := integratedRE.FindSubmatch(out), truePeakRE.FindSubmatch(out)
	if i == nil || tp == nil {
		return Loudness{}, fmt.Errorf("ffmpeg ebur128 %s: no summary in its output: %s", path, lastLines(out))
	}
	var l Loudness
	l.Integrated, _ = strconv.ParseFloat(string(i[1]), 64)
	l.TruePeak, _ = strconv.ParseFloat(string(tp[1]), 64)
	return l, nil
}

func lastLines(b []byte) string {
	if len(b) > 400 {
		b = b[len(b)-400:]
	}
	return string(b)
}
