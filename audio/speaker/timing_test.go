//go:build !darwin && !windows

package speaker

import (
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/pulsetest"
)

// These tests time the speaker by the wall clock on each kind of server,
// from a sink as a user's desktop has it when play begins: idle, or
// suspended. Nothing records while the speaker starts (a recorder would
// keep the sink awake); once it plays, a recorder checks what is heard.

// heardWithin is how soon a start, a resume or a seek must be heard.
const heardWithin = 150 * time.Millisecond

// addsWithin is how closely a pause of N seconds must add N seconds.
const addsWithin = 100 * time.Millisecond

// The first frame is heard within 150 ms of Open, as the player opens the
// speaker and plays at once, and Play takes the source's length.
func TestStartsOnTime(t *testing.T) {
	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
		for _, state := range []string{"idle", "suspended"} {
			t.Run(state, func(t *testing.T) {
				pulsetest.Retry(t, pulsetest.Attempts, func(j *pulsetest.Judge) {
					if state == "suspended" {
						srv.WaitSuspended(t, 10*time.Second)
					}
					startsOnTime(t, j, srv)
				})
			})
		}
	})
}

func startsOnTime(t *testing.T, j *pulsetest.Judge, srv *pulsetest.Server) {
	begin := time.Now()
	spk, err := Open(Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer spk.Close()
	src := newTone(time.Second)
	done := start(spk, src)
	first, ok := firstHeard(spk, 0, time.Second)
	if !ok {
		t.Fatal("nothing heard within 1 s")
	}
	rec := srv.Record(t)
	defer rec.Stop()
	from := spk.Position()
	if err := wait(t, done, 3*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	startUp, took := first.Sub(begin), time.Since(first)
	t.Logf("first frame heard %v after Open; then 1 s played in %v", startUp, took)
	if startUp > heardWithin {
		j.Errorf("first frame heard %v after Open, want within %v", startUp, heardWithin)
	}
	if !within(took, time.Second, addsWithin) {
		j.Errorf("1 s played in %v after the first frame, want 1 s ± %v", took, addsWithin)
	}
	checkTone(t, j, rec, audio.Duration(src.Len()-from), 0)
}

// A pause of 2 s adds 2 s, and Resume is heard at once.
func TestPauseAddsItsLength(t *testing.T) {
	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
		pulsetest.Retry(t, pulsetest.Attempts, func(j *pulsetest.Judge) { pauseAddsItsLength(t, j, srv) })
	})
}

func pauseAddsItsLength(t *testing.T, j *pulsetest.Judge, srv *pulsetest.Server) {
	spk, err := Open(Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer spk.Close()
	src := newTone(2 * time.Second)
	done := start(spk, src)
	first, _ := firstHeard(spk, 0, time.Second)
	rec := srv.Record(t)
	defer rec.Stop()
	from := spk.Position()
	firstHeard(spk, audio.Frames(700*time.Millisecond), time.Second)
	p := pauseFor(t, spk, 2*time.Second)
	if err := wait(t, done, 5*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	added := time.Since(first) - 2*time.Second
	t.Logf("a 2 s pause added %v; sound stopped %v after Pause, and came back %v after Resume",
		added, audio.Duration(p.paused-p.before), p.restart)
	if !within(added, 2*time.Second, addsWithin) {
		j.Errorf("a 2 s pause added %v, want 2 s ± %v", added, addsWithin)
	}
	if p.restart > heardWithin {
		j.Errorf("sound came back %v after Resume, want within %v", p.restart, heardWithin)
	}
	if p.resumed != p.paused {
		j.Errorf("Position after Resume = %.4f s, want where it paused, %.4f s", seconds(p.resumed), seconds(p.paused))
	}
	checkTone(t, j, rec, audio.Duration(src.Len()-from), 2*time.Second)
}

// A seek forwards (next) and back (restart) is heard within 150 ms.
func TestSeekHeardAtOnce(t *testing.T) {
	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
		pulsetest.Retry(t, pulsetest.Attempts, func(j *pulsetest.Judge) { seekHeardAtOnce(t, j) })
	})
}

func seekHeardAtOnce(t *testing.T, j *pulsetest.Judge) {
	spk, err := Open(Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer spk.Close()
	src := newTone(3 * time.Second)
	done := start(spk, src)
	firstHeard(spk, audio.Frames(500*time.Millisecond), 2*time.Second)
	for _, to := range []time.Duration{2 * time.Second, 1500 * time.Millisecond} {
		target := audio.Frames(to)
		seeked := time.Now()
		if err := spk.SeekTo(target); err != nil {
			t.Fatalf("SeekTo: %v", err)
		}
		heardAt, ok := firstHeard(spk, target, time.Second)
		if !ok {
			t.Fatalf("nothing heard after SeekTo(%v)", to)
		}
		t.Logf("SeekTo(%v) heard %v later", to, heardAt.Sub(seeked))
		if d := heardAt.Sub(seeked); d > heardWithin {
			j.Errorf("SeekTo(%v) heard %v later, want within %v", to, d, heardWithin)
		}
		firstHeard(spk, target+audio.Frames(200*time.Millisecond), time.Second)
	}
	seeked := time.Now()
	if err := wait(t, done, 3*time.Second); err != nil {
		t.Fatalf("Play: %v", err)
	}
	if took := time.Since(seeked); !within(took, 1300*time.Millisecond, addsWithin) {
		j.Errorf("the last 1.3 s took %v, want 1.3 s ± %v", took, addsWithin)
	}
}

// tone is a Seeker of a 440 Hz sine at half scale, on both channels.
type tone struct{ n, pos int64 }

func newTone(d time.Duration) *tone { return &tone{n: audio.Frames(d)} }

func (s *tone) Len() int64 { return s.n }
func (s *tone) Pos() int64 { return s.pos }

func (s *tone) SeekFrame(frame int64) error {
	s.pos = min(max(frame, 0), s.n)
	return nil
}

func (s *tone) Read(p []int16) (int, error) {
	if s.pos >= s.n {
		return 0, io.EOF
	}
	k := min(int64(len(p)/2), s.n-s.pos)
	for i := range k {
		v := int16(16384 * math.Sin(2*math.Pi*440*float64(s.pos+i)/audio.SampleRate))
		p[2*i], p[2*i+1] = v, v
	}
	s.pos += k
	return int(2 * k), nil
}

// checkTone checks that the recorder heard the tone for about want in all,
// and, if gap is not 0, a silence of about gap in the middle of it.
func checkTone(t *testing.T, j *pulsetest.Judge, rec *pulsetest.Recorder, want, gap time.Duration) {
	t.Helper()
	time.Sleep(100 * time.Millisecond) // the recorder's own latency
	loud, longest := toneBlocks(rec.Samples())
	t.Logf("recorded %v of tone, with a longest silence of %v inside it", loud, longest)
	if !within(loud, want, 60*time.Millisecond) {
		j.Errorf("recorded %v of tone, want %v (what was left when the recorder started) ± 60 ms", loud, want)
	}
	if gap > 0 && !within(longest, gap, addsWithin) {
		j.Errorf("longest silence inside the tone %v, want %v ± %v", longest, gap, addsWithin)
	} else if gap == 0 && longest > 20*time.Millisecond {
		j.Errorf("a silence of %v inside the tone, want none", longest)
	}
}

// toneBlocks measures a recording in blocks of 10 ms: how long it is loud,
// and the longest quiet run between loud blocks.
func toneBlocks(s []int16) (loud, longest time.Duration) {
	const block = audio.SampleRate / 100
	quiet, seen := 0, false
	for i := 0; i+2*block <= len(s); i += 2 * block {
		var sum float64
		for _, v := range s[i : i+2*block] {
			sum += float64(v) * float64(v)
		}
		if math.Sqrt(sum/(2*block)) > 4000 { // the tone's RMS is 11585
			loud += 10 * time.Millisecond
			if seen {
				longest = max(longest, time.Duration(quiet)*10*time.Millisecond)
			}
			quiet, seen = 0, true
		} else if seen {
			quiet++
		}
	}
	return loud, longest
}

// Server names the server, its version and its default sink.
func TestServer(t *testing.T) {
	pulsetest.Each(t, func(t *testing.T, srv *pulsetest.Server) {
		spk, err := Open(Options{})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		defer spk.Close()
		got, err := spk.Server()
		if err != nil {
			t.Fatalf("Server: %v", err)
		}
		t.Logf("%+v", got)
		prefix := map[pulsetest.Kind]string{pulsetest.PulseAudio: "PulseAudio 1", pulsetest.PipeWire: "PipeWire 0."}[srv.Kind]
		if !strings.HasPrefix(got.Name, prefix) || got.Sink != srv.Sink || got.Address != srv.Address {
			t.Errorf("Server() = %+v, want a name starting %q, sink %q, address %q", got, prefix, srv.Sink, srv.Address)
		}
	})
}
