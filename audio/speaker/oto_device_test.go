package speaker

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/floorcoach/floorcoach/audio"
)

// fakeCard stands in for oto's Player and the sound card behind it, on a
// clock the test moves: each step sends the card the frames due since the
// last (silence while paused), which it plays after its latency. The
// player keeps bufSize bytes pulled ahead of the card, as oto does. What
// the card was sent is kept.
type fakeCard struct {
	latency int64 // frames: the card's buffer
	bufSize int   // bytes the player pulls ahead

	now     time.Time
	r       io.Reader
	buf     []byte  // pulled, not yet sent to the card
	sent    []int16 // samples sent to the card, in order
	out     []int16 // what the card was given to play: sent, or silence
	playing bool
	gain    float64
	err     error
}

// newFakeCard returns a card and a pull device that plays through it, on
// the card's clock. Tests drive the device's steps themselves (begin,
// poll, pause...), not Play, so that nothing depends on the machine's
// speed.
func newFakeCard(latency time.Duration) (*fakeCard, *pullDevice) {
	c := &fakeCard{latency: audio.Frames(latency), bufSize: 2048 * frameBytes, now: time.Unix(1e9, 0)}
	d := &pullDevice{latency: c.latency, system: "a fake card", gain: 1,
		now:       func() time.Time { return c.now },
		newPlayer: func(r io.Reader) puller { c.r, c.buf = r, nil; return c }}
	return c, d
}

// step moves the clock on by dt: the player fills its buffer from the
// reader, and the card is sent what is due.
func (c *fakeCard) step(dt time.Duration) {
	c.now = c.now.Add(dt)
	if !c.playing {
		c.out = append(c.out, make([]int16, 2*audio.Frames(dt))...)
		return
	}
	if len(c.buf) < c.bufSize {
		b := make([]byte, c.bufSize-len(c.buf))
		n, _ := c.r.Read(b)
		c.buf = append(c.buf, b[:n]...)
	}
	n := min(int(audio.Frames(dt)), len(c.buf)/frameBytes)
	for i := range 2 * n {
		c.sent = append(c.sent, int16(binary.LittleEndian.Uint16(c.buf[2*i:])))
	}
	c.out = append(c.out, c.sent[len(c.sent)-2*n:]...)
	c.buf = c.buf[n*frameBytes:]
}

func (c *fakeCard) Play()  { c.playing = true }
func (c *fakeCard) Pause() { c.playing = false }

func (c *fakeCard) Seek(offset int64, whence int) (int64, error) {
	c.buf = nil
	return c.r.(io.Seeker).Seek(offset, whence)
}

func (c *fakeCard) BufferedSize() int      { return len(c.buf) }
func (c *fakeCard) SetVolume(gain float64) { c.gain = gain }
func (c *fakeCard) Err() error             { return c.err }

// heard returns the last ramp frame the card has played: it plays what it
// was given its latency ago. It returns -1 before the first.
func (c *fakeCard) heard() int64 {
	runs := heard(c.out[:max(len(c.out)-2*int(c.latency), 0)])
	if len(runs) == 0 {
		return -1
	}
	return runs[len(runs)-1].last
}

// run steps the card and polls the device every 10 ms for d, checking that
// Position is the frame after the last one the card played (while not
// paused: paused, the device takes what the card holds as played out at
// once); it returns whether the device reported the end.
func run(t *testing.T, c *fakeCard, dev *pullDevice, d time.Duration) bool {
	t.Helper()
	for range int(d / (10 * time.Millisecond)) {
		c.step(10 * time.Millisecond)
		end, err := dev.poll()
		if err != nil {
			t.Fatalf("poll: %v", err)
		}
		if h := c.heard(); h >= 0 && !dev.isPaused() && dev.position() != min(h+1, dev.in.src.Len()) {
			t.Fatalf("at %v Position %.4f s, want %.4f s: the frame after the one the card plays",
				c.now.Sub(time.Unix(1e9, 0)), seconds(dev.position()), seconds(h+1))
		}
		if end {
			return true
		}
	}
	return false
}

// Position is what the card plays: the frames the reader gave, less those
// the player holds and the card's latency; the end is reported once the
// card has played the last frame; every frame is sent once, in order.
func TestPullDevicePosition(t *testing.T) {
	card, dev := newFakeCard(50 * time.Millisecond)
	src := newRamp(600 * time.Millisecond)
	if err := dev.begin(src); err != nil {
		t.Fatal(err)
	}
	if run(t, card, dev, 640*time.Millisecond) {
		t.Fatal("the end reported before the card played it (600 ms and a latency of 50 ms)")
	}
	if !run(t, card, dev, 20*time.Millisecond) {
		t.Fatal("the end not reported 660 ms after the start")
	}
	if runs := heard(card.sent); len(runs) != 1 || runs[0] != (span{0, src.Len() - 1}) {
		t.Errorf("sent frames %v, want %v", runs, span{0, src.Len() - 1})
	}
}

// Pause holds the place once the card has played out what it took; Resume
// goes on from the next frame; SeekTo goes on at the target.
func TestPullDevicePauseAndSeek(t *testing.T) {
	card, dev := newFakeCard(30 * time.Millisecond)
	src := newRamp(time.Second)
	if err := dev.begin(src); err != nil {
		t.Fatal(err)
	}
	run(t, card, dev, 200*time.Millisecond)
	if err := dev.pause(); err != nil {
		t.Fatal(err)
	}
	run(t, card, dev, 10*time.Millisecond)
	held := dev.position()
	run(t, card, dev, 300*time.Millisecond)
	if got := dev.position(); got != held || !dev.isPaused() {
		t.Errorf("while paused Position went from %.4f s to %.4f s", seconds(held), seconds(got))
	}
	if err := dev.resume(); err != nil {
		t.Fatal(err)
	}
	run(t, card, dev, 100*time.Millisecond)
	target := audio.Frames(800 * time.Millisecond)
	if err := dev.seek(target); err != nil {
		t.Fatal(err)
	}
	if got := dev.position(); got != target {
		t.Errorf("right after SeekTo Position = %.4f s, want %.4f s", seconds(got), seconds(target))
	}
	card.step(40 * time.Millisecond) // the card plays out what it had been sent
	if !run(t, card, dev, 300*time.Millisecond) {
		t.Error("the end not reported 230 ms after seeking to 200 ms before it")
	}
	runs := heard(card.sent)
	if len(runs) != 2 || runs[0].first != 0 || runs[1] != (span{target, src.Len() - 1}) {
		t.Errorf("sent frames %v, want from 0 on with no gap across the pause, then %v", runs, span{target, src.Len() - 1})
	}
}

// Play ends with ErrLost on the player's error; the volume reaches the
// player; a closed device plays no more.
func TestPullDeviceErrors(t *testing.T) {
	card, dev := newFakeCard(30 * time.Millisecond)
	spk := &Speaker{dev: dev}
	if err := spk.SetVolume(0.5); err != nil {
		t.Fatal(err)
	}
	card.err = errors.New("device unplugged")
	err := spk.Play(context.Background(), newRamp(time.Second))
	if !errors.Is(err, ErrLost) || err.Error() != "speaker: sound output lost: a fake card: device unplugged" {
		t.Errorf("Play = %v, want ErrLost naming the card", err)
	}
	if card.gain != 0.5 {
		t.Errorf("player volume %v, want 0.5", card.gain)
	}
	if err := spk.Pause(); !errors.Is(err, ErrNotPlaying) {
		t.Errorf("Pause after Play = %v, want ErrNotPlaying", err)
	}
	spk.Close()
	if err := spk.Play(context.Background(), newRamp(time.Second)); !errors.Is(err, ErrClosed) {
		t.Errorf("Play after Close = %v, want ErrClosed", err)
	}
}
