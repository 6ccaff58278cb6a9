package player

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/scripts"
)

const liveScript = `title: Test
defaults: {ready: 2s, rest: 5s, remind: []}
steps:
  - name: Knee hug
    say: Hug one knee.
    hold: 10s
    sides: [right, left]
  - name: Bridge
    reps: 4
    tempo: [2s, 2s]
    phases: [Up, Down]
  - repeat: 2
    steps:
      - name: Child's pose
        hold: 5s
`

// liveTimeline lays out liveScript with every line one second long.
func liveTimeline(t *testing.T) *Timeline {
	t.Helper()
	s, err := scripts.Parse("live.yaml", []byte(liveScript))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Build(s, fixedVoice(time.Second), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// find returns the n-th (1-based) event of span step of kind k.
func find(t *testing.T, tl *Timeline, step int, k Kind, n int) Event {
	t.Helper()
	for _, e := range tl.Events {
		if e.Step == step && e.Kind == k {
			if n--; n == 0 {
				return e
			}
		}
	}
	t.Fatalf("no %s event #%d in step %d", k, n, step)
	return Event{}
}

func TestStatusAt(t *testing.T) {
	tl := liveTimeline(t)
	sec := audio.Frames(time.Second)
	// Steps: 1 Knee hug, 2 Bridge, 3 Child's pose, 4 Child's pose; each but the last with its rest.
	if len(tl.Steps) != 4 || tl.Steps[0].RestAt == 0 || tl.Steps[3].Round != 2 {
		t.Fatalf("unexpected spans %+v", tl.Steps)
	}
	rightStart := find(t, tl, 1, Start, 1).At
	leftStart := find(t, tl, 1, Start, 2).At
	count3 := find(t, tl, 2, Count, 3)
	for _, tc := range []struct {
		name string
		pos  int64
		want Status
	}{
		{"silence before the title", 0, Status{Next: "Knee hug", HoldLeft: -1}},
		{"the title", tl.Events[0].At + sec/2, Status{Next: "Knee hug", HoldLeft: -1, Line: "Test"}},
		{"right hold", rightStart + 3*sec, Status{Step: 1, Span: 1, Name: "Knee hug", Side: "right", HoldLeft: 7 * sec, Next: "Bridge"}},
		{"left hold", leftStart + sec, Status{Step: 1, Span: 1, Name: "Knee hug", Side: "left", HoldLeft: 9 * sec, Next: "Bridge", Line: "Begin."}},
		{"rest", tl.Steps[0].RestAt, Status{Step: 1, Span: 1, Name: "Knee hug", Rest: true, HoldLeft: -1, Next: "Bridge", Line: "Rest."}},
		{"third count", count3.At, Status{Step: 2, Span: 2, Name: "Bridge", Rep: 3, Reps: 4, Next: "Child's pose", Line: "Three."}},
		{"round two", tl.Steps[3].Start, Status{Step: 4, Span: 4, Name: "Child's pose", Round: 2, HoldLeft: -1, Line: "Round two."}},
		{"the end", tl.Length, Status{HoldLeft: -1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tl.StatusAt(tc.pos)
			tc.want.Pos, tc.want.Length, tc.want.Steps = tc.pos, tl.Length, 4
			if tc.want.Rep > 0 { // the set's clock: up to its end tone
				tc.want.HoldLeft = find(t, tl, 2, End, 1).At - tc.pos
			}
			if got != tc.want {
				t.Errorf("StatusAt(%s)\n got %+v\nwant %+v", Clock(tc.pos), got, tc.want)
			}
		})
	}
}

func TestNextAndRestartTargets(t *testing.T) {
	tl := liveTimeline(t)
	s := tl.Steps
	for _, tc := range []struct {
		name          string
		pos           int64
		next, restart int64
	}{
		{"intro", 0, s[0].Start, 0},
		{"first step", s[0].Start + 1, s[1].Start, s[0].Start},
		{"at a step's first frame", s[1].Start, s[2].Start, s[1].Start},
		{"rest after step 1", s[0].RestAt + 1, s[1].Start, s[0].Start},
		{"round one", s[2].Start + 1, s[3].Start, s[2].Start},
		{"rest between rounds", s[2].RestAt + 1, s[3].Start, s[2].Start},
		{"last step", s[3].Start + 1, s[3].End, s[3].Start},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, ok := tl.nextStart(tc.pos); !ok || got != tc.next {
				t.Errorf("next from %s = %s, %v; want %s", Clock(tc.pos), Clock(got), ok, Clock(tc.next))
			}
			if got := tl.stepStart(tc.pos); got != tc.restart {
				t.Errorf("restart from %s = %s, want %s", Clock(tc.pos), Clock(got), Clock(tc.restart))
			}
		})
	}
	if got, ok := tl.nextStart(s[3].End); ok {
		t.Errorf("next in the closing lines = %s, want nothing", Clock(got))
	}
}

// fakeOutput plays instantly: the test sets the position.
type fakeOutput struct {
	mu      sync.Mutex
	pos     int64
	playing bool
	paused  bool
	volume  float64
	end     chan struct{} // closed: Play returns, at the end
}

func (f *fakeOutput) Play(ctx context.Context, src audio.Seeker) error {
	f.mu.Lock()
	f.pos, f.playing = src.Pos(), true
	f.mu.Unlock()
	defer func() { f.mu.Lock(); f.playing = false; f.mu.Unlock() }()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-f.end:
		f.set(src.Len())
		return nil
	}
}

func (f *fakeOutput) set(pos int64)        { f.mu.Lock(); f.pos = pos; f.mu.Unlock() }
func (f *fakeOutput) Position() int64      { f.mu.Lock(); defer f.mu.Unlock(); return f.pos }
func (f *fakeOutput) Paused() bool         { f.mu.Lock(); defer f.mu.Unlock(); return f.paused }
func (f *fakeOutput) SeekTo(n int64) error { f.set(n); return nil }
func (f *fakeOutput) Pause() error         { f.mu.Lock(); f.paused = true; f.mu.Unlock(); return nil }
func (f *fakeOutput) Resume() error        { f.mu.Lock(); f.paused = false; f.mu.Unlock(); return nil }
func (f *fakeOutput) SetVolume(v float64) error {
	f.mu.Lock()
	f.volume = v
	f.mu.Unlock()
	return nil
}

// startLive runs a Live on a fake output from frame from until the test
// ends or the returned channel yields Run's result.
func startLive(t *testing.T, tl *Timeline, from int64) (*Live, *fakeOutput, <-chan error) {
	t.Helper()
	out := &fakeOutput{end: make(chan struct{})}
	src := audio.NewRenderer(nil, tl.Length)
	src.SeekFrame(from)
	l := NewLive(tl, out, src, 0.5)
	done := make(chan error, 1)
	go func() { done <- l.Run(context.Background()) }()
	t.Cleanup(l.Stop)
	for deadline := time.Now().Add(time.Second); ; time.Sleep(time.Millisecond) {
		out.mu.Lock()
		playing := out.playing
		out.mu.Unlock()
		if playing {
			return l, out, done
		}
		if time.Now().After(deadline) {
			t.Fatal("Run did not start playing")
		}
	}
}

func TestLiveControls(t *testing.T) {
	tl := liveTimeline(t)
	s := tl.Steps
	l, out, _ := startLive(t, tl, 0)
	clock := time.Unix(0, 0)
	l.now = func() time.Time { return clock }
	step := func(name string, act func() error, want int64) {
		t.Helper()
		if err := act(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := out.Position(); got != want {
			t.Errorf("%s: position %s, want %s", name, Clock(got), Clock(want))
		}
	}
	step("next from the intro", l.Next, s[0].Start)
	step("next skips the rest", l.Next, s[1].Start)
	out.set(s[1].Start + 5*audio.Frames(time.Second))
	step("restart", l.Restart, s[1].Start)
	clock = clock.Add(time.Second)
	step("restart again", l.Restart, s[0].Start)
	clock = clock.Add(time.Second)
	step("and again: the start", l.Restart, 0)
	out.set(s[1].RestAt + 1) // the rest after the bridge
	clock = clock.Add(3 * time.Second)
	step("restart, later, in a rest", l.Restart, s[1].Start)
	if st := l.Status(); st.Step != 2 {
		t.Errorf("status after restarting in a rest: %+v", st)
	}
	left, _ := tl.otherSide(s[0].Start + 1)
	out.set(s[0].Start + 1)
	step("the other side", l.OtherSide, left)
	out.set(s[1].Start + 1)
	step("no other side in the bridge", l.OtherSide, s[1].Start+1)
	if st := l.Status(); st.Jumps != 8 || st.JumpedTo != left {
		t.Errorf("status after the jumps: %+v", st)
	}
}

func TestLiveVolumeAndPause(t *testing.T) {
	l, out, _ := startLive(t, liveTimeline(t), 0)
	for i, tc := range []struct {
		act  func() error
		want float64
	}{{l.VolumeUp, 0.6}, {l.VolumeUp, 0.7}, {l.VolumeUp, 0.8}, {l.VolumeUp, 0.9}, {l.VolumeUp, 1},
		{l.VolumeUp, 1.1}, {func() error { return l.SetVolume(1.95) }, 1.95}, {l.VolumeUp, MaxVolume},
		{l.VolumeUp, MaxVolume}, {l.VolumeDown, 1.9}, {func() error { return l.SetVolume(0.05) }, 0.05},
		{l.VolumeDown, 0}, {l.VolumeDown, 0}} {
		tc.act()
		if got := l.Status().Volume; got != tc.want || out.volume != tc.want {
			t.Errorf("step %d: volume %v, output %v; want %v", i, got, out.volume, tc.want)
		}
	}
	l.TogglePause()
	if !out.Paused() || !l.Status().Paused {
		t.Error("TogglePause did not pause")
	}
	l.TogglePause()
	if out.Paused() || l.Status().Paused {
		t.Error("TogglePause did not resume")
	}
}

func TestLiveEnds(t *testing.T) {
	tl := liveTimeline(t)
	l, out, done := startLive(t, tl, tl.Steps[1].Start)
	out.set(tl.Steps[1].Start + 100)
	l.Next() // to the first round: the bridge's last 100 frames were not heard
	close(out.end)
	if err := <-done; err != nil {
		t.Fatalf("Run = %v, want nil at the end", err)
	}
	frames, steps := l.Played()
	if want := 100 + tl.Length - tl.Steps[2].Start; frames != want || steps != 3 {
		t.Errorf("played %d frames of %d steps, want %d of 3", frames, steps, want)
	}
	if st := l.Status(); !st.Done || st.Pos != tl.Length {
		t.Errorf("status at the end %+v", st)
	}

	l, _, done = startLive(t, tl, 0)
	l.Stop()
	if err := <-done; !errors.Is(err, ErrStopped) {
		t.Errorf("Run after Stop = %v, want ErrStopped", err)
	}

	l = NewLive(tl, &fakeOutput{}, audio.NewRenderer(nil, tl.Length), 1)
	l.Stop() // before it starts: Run must not play at all
	if err := l.Run(context.Background()); !errors.Is(err, ErrStopped) || !l.Status().Done {
		t.Errorf("Run after an early Stop = %v, done %v; want ErrStopped", err, l.Status().Done)
	}
}

func TestFeed(t *testing.T) {
	tl := liveTimeline(t)
	f := NewFeed(tl)
	from := tl.Steps[1].Start
	st := Status{Pos: from + 10, Jumps: 1, JumpedTo: from}
	got := f.Heard(st)
	if len(got) != 1 || got[0].Text != "Bridge" {
		t.Fatalf("first events after starting at the bridge: %+v", got)
	}
	if again := f.Heard(st); len(again) != 0 {
		t.Errorf("events handed out twice: %+v", again)
	}
	st.Pos = tl.Length
	n := len(f.Heard(st))
	st = Status{Pos: from, Jumps: 2, JumpedTo: from}
	if got := f.Heard(st); len(got) != 1 || got[0].Text != "Bridge" {
		t.Errorf("after jumping back, events %+v", got)
	}
	if want := len(tl.Events) - 1 - indexAt(tl, from); n != want {
		t.Errorf("%d events to the end, want %d", n, want)
	}
}

func indexAt(tl *Timeline, f int64) int {
	for i, e := range tl.Events {
		if e.At >= f {
			return i
		}
	}
	return len(tl.Events)
}
