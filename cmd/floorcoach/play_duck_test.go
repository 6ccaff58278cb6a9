//go:build !darwin && !windows

package main

import (
	"bufio"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/duck"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
	"github.com/floorcoach/floorcoach/internal/testenv"
	"github.com/floorcoach/floorcoach/player"
	"github.com/jfreymuth/pulse/proto"
)

// duckScript opens with long lines, so that a test can stop it mid-cue.
const duckScript = `title: Ducking other sound
steps:
  - say:
      - Lie flat on your back with both knees bent and your feet flat on the floor.
      - Let your arms rest by your sides, palms down, and breathe slowly.
  - name: Knee hug
    hold: 5s
`

// otherPlayer plays a long quiet tone with paplay at volume, as another
// application would, and returns its sink input's index.
func otherPlayer(t *testing.T, srv *pulsetest.Server, c *proto.Client, volume uint32) uint32 {
	t.Helper()
	testenv.NeedTool(t, "paplay")
	p := make([]int16, 2*60*audio.SampleRate)
	for i := 0; i < len(p); i += 2 {
		v := int16(300 * math.Sin(2*math.Pi*220*float64(i/2)/audio.SampleRate))
		p[i], p[i+1] = v, v
	}
	path := filepath.Join(t.TempDir(), "song.wav")
	if err := audiotest.WriteWAV(path, audio.SampleRate, 2, p); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("paplay", "--volume="+strconv.Itoa(int(volume)), path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	pid := strconv.Itoa(cmd.Process.Pid)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var list proto.GetSinkInputInfoListReply
		if err := c.Request(&proto.GetSinkInputInfoList{}, &list); err != nil {
			t.Fatal(err)
		}
		for _, s := range list {
			if s.Properties["application.process.id"].String() == pid {
				return s.SinkInputIndex
			}
		}
	}
	t.Fatal("paplay's stream did not appear")
	return 0
}

// volumeOf returns a sink input's volume (its first channel's).
func volumeOf(t *testing.T, c *proto.Client, index uint32) uint32 {
	t.Helper()
	var info proto.GetSinkInputInfoReply
	if err := c.Request(&proto.GetSinkInputInfo{SinkInputIndex: index}, &info); err != nil {
		t.Fatal(err)
	}
	return info.ChannelVolumes[0]
}

// Against a real PulseAudio server: another application's stream (paplay)
// goes down while floorcoach play --duck speaks, and is back at its own
// volume, exactly, after floorcoach is stopped by SIGTERM in the middle of
// a line.
func TestPlayDucksOtherApplications(t *testing.T) {
	srv := livePlay(t)
	c, conn, err := proto.Connect(srv.Address)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const own = 45875 // 70%, as the user left it
	song := otherPlayer(t, srv, c, own)
	script := tempFile(t, "s.yaml", duckScript)
	tl := testPlan(t, script).timeline

	var mu sync.Mutex
	var lowest uint32 = own
	stop := make(chan struct{})
	polled := make(chan struct{})
	go func() { // watch the song's volume all along
		defer close(polled)
		for {
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
			v := volumeOf(t, c, song)
			mu.Lock()
			lowest = min(lowest, v)
			mu.Unlock()
		}
	}()

	cmd := exec.Command(binary(t), "play", script, "--duck")
	stdout, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	long := "Lie flat on your back"
	for lines.Scan() && !strings.Contains(lines.Text(), long) {
	}
	at := eventAt(t, tl, long)
	time.Sleep(audio.Duration(at.Dur) / 2) // the middle of the line
	during := volumeOf(t, c, song)
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	close(stop)
	<-polled
	after := volumeOf(t, c, song)

	t.Logf("song at %d before, %d in the middle of a line, lowest %d, %d after SIGTERM", own, during, lowest, after)
	if err != nil {
		t.Errorf("floorcoach after SIGTERM: %v; stderr %q", err, stderr.String())
	}
	if db := cubicDB(during, own); db > -12 {
		t.Errorf("in the middle of a line the song is %.1f dB under its volume, want about 15", db)
	}
	if after != own {
		t.Errorf("after SIGTERM the song's volume is %d, want its own %d", after, own)
	}
	if strings.Contains(stderr.String(), "--duck") {
		t.Errorf("stderr %q", stderr.String())
	}
}

// eventAt returns the spoken event whose text contains s.
func eventAt(t *testing.T, tl *player.Timeline, s string) player.Event {
	t.Helper()
	for _, e := range tl.Events {
		if e.Spoken() && strings.Contains(e.Text, s) {
			return e
		}
	}
	t.Fatalf("no line with %q", s)
	return player.Event{}
}

// cubicDB converts a server volume relative to another to dB: volumes are
// cubic.
func cubicDB(v, ref uint32) float64 { return 60 * math.Log10(float64(v)/float64(ref)) }

// play --music plays the music live, under the voice, ducked as in an
// export; at --volume 2 nothing the sink receives is clipped.
func TestPlayWithMusic(t *testing.T) {
	srv := livePlay(t)
	rec := srv.Record(t)
	rec.WaitHearing(t)
	dir := t.TempDir()
	script := tempFile(t, "s.yaml", `title: Music live
steps:
  - name: Knee hug
    say: Lie on your back and hug both knees.
    hold: 10s
`)
	tl := testPlan(t, script).timeline
	code, _, stderr := runApp(t, "play", script, "--music", musicTrack(t, dir), "--volume", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	x := audiotest.FromInt16(rec.Samples(), 2)[0]
	if len(x) < int(tl.Length) {
		t.Fatalf("recorded %d frames, the session has %d", len(x), tl.Length)
	}
	if p := audiotest.Peak(x); p >= 32767.0/32768 {
		t.Errorf("peak %.4f at volume 2: clipped", p)
	}
	// Where the session starts in the recording is not known to the frame:
	// measure the music's band every 0.2 s and look at its spread.
	var levels []float64
	for f := 3 * audio.SampleRate; f+8820 < int(tl.Length)-5*audio.SampleRate; f += 8820 {
		levels = append(levels, audiotest.DBFS(audiotest.Band(x, audio.SampleRate, musicHz, f, f+8820)))
	}
	lo, hi, present := levels[0], levels[0], 0
	for _, l := range levels {
		lo, hi = min(lo, l), max(hi, l)
	}
	for _, l := range levels {
		if l > hi-duck.Default.Depth-2 {
			present++
		}
	}
	t.Logf("music band from %.1f to %.1f dBFS, there in %d of %d windows", lo, hi, present, len(levels))
	if hi < -50 || hi-lo < 8 || present < len(levels)*9/10 {
		t.Errorf("music band from %.1f to %.1f dBFS, there in %d of %d windows: want it there, ducked by 8 dB or more", lo, hi, present, len(levels))
	}
}
