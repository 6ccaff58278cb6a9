package audiotest

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Probe is what ffprobe says about a file: its streams, its container and
// its chapters, times as ffprobe prints them (seconds, as text).
type Probe struct {
	Streams []struct {
		CodecName  string `json:"codec_name"`
		SampleRate string `json:"sample_rate"`
		Channels   int    `json:"channels"`
		Duration   string `json:"duration"`
		StartTime  string `json:"start_time"`
		Samples    int64  `json:"duration_ts"`
	} `json:"streams"`
	Format struct {
		FormatName string            `json:"format_name"`
		Duration   string            `json:"duration"`
		Tags       map[string]string `json:"tags"`
	} `json:"format"`
	Chapters []struct {
		StartTime string            `json:"start_time"`
		EndTime   string            `json:"end_time"`
		Tags      map[string]string `json:"tags"`
	} `json:"chapters"`
}

// FFprobe asks ffprobe about the file at path. A warning from ffprobe, or
// anything but one stream, fails the test.
func FFprobe(t testing.TB, path string) Probe {
	t.Helper()
	out := Run(t, "ffprobe", "-v", "warning", "-of", "json",
		"-show_streams", "-show_format", "-show_chapters", path)
	var p Probe
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("ffprobe output: %v\n%s", err, out)
	}
	if len(p.Streams) != 1 {
		t.Fatalf("ffprobe found %d streams in %s, want 1", len(p.Streams), path)
	}
	return p
}

// FFmpegDecode decodes a file with ffmpeg, which honours an MP3's LAME tag
// (its delays and padding), to interleaved 16-bit samples in the file's
// own channels. The input format is named by the file's extension, not
// guessed, so that even an MP3 of two frames decodes.
func FFmpegDecode(t testing.TB, path string) []int16 {
	t.Helper()
	// Warnings are not errors here: ffmpeg warns that a plain PCM WAV does
	// not say which channel is which.
	format := strings.TrimPrefix(filepath.Ext(path), ".")
	out := Run(t, "ffmpeg", "-v", "error", "-f", format, "-i", path, "-f", "s16le", "-acodec", "pcm_s16le", "-")
	p := make([]int16, len(out)/2)
	for i := range p {
		p[i] = int16(uint16(out[2*i]) | uint16(out[2*i+1])<<8)
	}
	return p
}

// Seconds parses a time as ffprobe prints it.
func Seconds(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a time: %q", s)
	}
	return v
}

// Run runs a tool and returns its standard output; anything on standard
// error (a warning) fails the test.
func Run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	stdout, stderr := RunBoth(t, name, args...)
	if len(stderr) > 0 {
		t.Errorf("%s %s wrote to stderr:\n%s", name, strings.Join(args, " "), stderr)
	}
	return stdout
}

// RunBoth runs a tool and returns its standard output and standard error;
// a tool that fails fails the test.
func RunBoth(t testing.TB, name string, args ...string) (stdout, stderr []byte) {
	t.Helper()
	cmd := exec.Command(name, args...)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errs.String())
	}
	return out.Bytes(), errs.Bytes()
}
