package music

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/audio/loudness"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

// folder writes three stereo WAV tracks of different lengths, pitches and
// levels, named so that their name order is not their creation order.
func folder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s := wavSpec{rate: 44100, channels: 2, bits: 16}
	writeWAV(t, dir, "b-second.wav", s, 2, 550, 550, 0.05)
	writeWAV(t, dir, "a-first.wav", s, 1.5, 440, 440, 0.5)
	writeWAV(t, dir, "c-third.wav", s, 2.5, 660, 660, 0.2)
	os.WriteFile(filepath.Join(dir, "cover.jpg"), []byte("not music"), 0o644)
	return dir
}

func names(b *Bed) []string {
	var out []string
	for _, p := range b.Plays() {
		out = append(out, strings.TrimSuffix(p.Track.Name(), ".wav"))
	}
	return out
}

// A folder plays its tracks in name order, round after round, the last
// play cut at the session's end.
func TestBedLoopsTheFolderInOrder(t *testing.T) {
	b, err := Open(folder(t), 13*audio.SampleRate, Options{Target: -30})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	want := []string{"a-first", "b-second", "c-third", "a-first", "b-second", "c-third", "a-first"}
	if got := names(b); !slices.Equal(got, want) {
		t.Errorf("plays %v, want %v", got, want)
	}
	plays := b.Plays()
	last := plays[len(plays)-1]
	if last.At != 12*audio.SampleRate || last.At+last.Frames != 13*audio.SampleRate {
		t.Errorf("the last play is frames %d to %d, want 12 s to 13 s", last.At, last.At+last.Frames)
	}
}

// Shuffled, each round plays every track once, no track twice in a row,
// the same order for the same seed.
func TestBedShuffle(t *testing.T) {
	dir := folder(t)
	orders := map[string]bool{}
	for seed := uint64(1); seed <= 8; seed++ {
		b, err := Open(dir, 60*audio.SampleRate, Options{Shuffle: true, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		got := names(b)
		b.Close()
		for i := 0; i+3 <= len(got); i += 3 {
			round := slices.Clone(got[i : i+3])
			slices.Sort(round)
			if !slices.Equal(round, []string{"a-first", "b-second", "c-third"}) {
				t.Fatalf("seed %d: round %v is not the three tracks", seed, got[i:i+3])
			}
		}
		for i := 1; i < len(got); i++ {
			if got[i] == got[i-1] {
				t.Fatalf("seed %d: %s twice in a row: %v", seed, got[i], got)
			}
		}
		again, _ := Open(dir, 60*audio.SampleRate, Options{Shuffle: true, Seed: seed})
		if !slices.Equal(names(again), got) {
			t.Errorf("seed %d: a different order the second time", seed)
		}
		again.Close()
		orders[strings.Join(got[:3], " ")] = true
	}
	if len(orders) < 3 {
		t.Errorf("8 seeds gave only %d first rounds: %v", len(orders), orders)
	}
}

// readBed reads a whole bed in pieces of odd sizes.
func readBed(t *testing.T, b *Bed) (l, r []float32) {
	t.Helper()
	l, r = make([]float32, b.Len()), make([]float32, b.Len())
	for f := int64(0); f < b.Len(); f += 7919 {
		n := min(7919, b.Len()-f)
		if err := b.Read(l[f:f+n], r[f:f+n], f); err != nil {
			t.Fatal(err)
		}
	}
	return l, r
}

// Tracks at levels 20 dB apart play at the target loudness, each; decoded
// ahead into the temporary file (as export does) or read from the files as
// they play (as play does), the music is the same to within 16-bit
// rounding; the joins are faded, with no click.
func TestBedLevelsAndSources(t *testing.T) {
	dir := folder(t)
	const length = 12 * audio.SampleRate
	live, err := Open(dir, length, Options{Target: -30})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	if err := live.Measure(); err != nil {
		t.Fatal(err)
	}
	ahead, _ := Open(dir, length, Options{Target: -30})
	defer ahead.Close()
	var calls int
	if err := ahead.Decode(context.Background(), t.TempDir(), func(done, total int64) { calls++ }); err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Error("no progress reported")
	}
	ll, lr := readBed(t, live)
	al, _ := readBed(t, ahead)
	for i := range ll {
		if d := math.Abs(float64(ll[i] - al[i])); d > 4.0/32768 {
			t.Fatalf("frame %d: %v read live, %v decoded ahead", i, ll[i], al[i])
		}
	}
	for _, p := range live.Plays()[:3] {
		seg := ll[p.At+edgeFade : p.At+p.Frames-edgeFade]
		m := loudness.NewMeter(audio.SampleRate)
		m.AddStereo(seg, lr[p.At+edgeFade:p.At+p.Frames-edgeFade])
		if got, _ := m.Integrated(); math.Abs(got+30) > 0.2 {
			t.Errorf("%s plays at %.2f LUFS, want -30", p.Track.Name(), got)
		}
		if ll[p.At] != 0 {
			t.Errorf("%s: first frame %v, want a fade from silence", p.Track.Name(), ll[p.At])
		}
	}
	for i := 1; i < len(ll); i++ {
		if d := math.Abs(float64(ll[i] - ll[i-1])); d > 0.03 {
			t.Fatalf("frame %d: a step of %.3f", i, d)
		}
	}
}

// Reading from any frame gives what reading in order gives.
func TestBedReadsFromAnywhere(t *testing.T) {
	b, err := Open("testdata/tone-48k.mp3", 30*audio.SampleRate, Options{Target: -25})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Measure(); err != nil {
		t.Fatal(err)
	}
	whole, _ := readBed(t, b)
	if got := audiotest.Pitch(whole[20*audio.SampleRate:21*audio.SampleRate], audio.SampleRate); math.Abs(got-440) > 1 {
		t.Errorf("after 5 loops of a 4 s track: %.1f Hz, want 440", got)
	}
	for _, at := range []int64{29 * audio.SampleRate, 5, 4 * audio.SampleRate, 17*audio.SampleRate + 3} {
		l, r := make([]float32, 10000), make([]float32, 10000)
		if err := b.Read(l, r, at); err != nil {
			t.Fatal(err)
		}
		for i, v := range l {
			f := at + int64(i)
			want := float32(0)
			if f < b.Len() {
				want = whole[f]
			}
			if v != want {
				t.Fatalf("from frame %d: frame %d is %v, want %v", at, f, v, want)
			}
		}
	}
}

// The temporary file is out of sight while it is used and gone after.
func TestBedLeavesNoFile(t *testing.T) {
	tmp := t.TempDir()
	b, err := Open("testdata/tone-32k.flac", 10*audio.SampleRate, Options{Target: -25})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Decode(context.Background(), tmp, nil); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("left behind: %s", entries[0].Name())
	}
}

// A folder with no music, or a track that cannot play, is an error naming it.
func TestBedBadMusic(t *testing.T) {
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "notes.txt"), []byte("x"), 0o644)
	bad := folder(t)
	os.WriteFile(filepath.Join(bad, "b2-broken.mp3"), []byte("ID3 not really"), 0o644)
	many := t.TempDir()
	for i := range MaxTracks + 1 {
		os.WriteFile(filepath.Join(many, strconv.Itoa(i)+".wav"), nil, 0o644)
	}
	for _, tc := range []struct{ path, want string }{
		{empty, "no .mp3, .flac, .wav files in this folder"},
		{many, "more than 1000 music files; at most 1000"},
		{bad, "b2-broken.mp3: not an MP3 file that can be read"},
		{filepath.Join(empty, "missing"), "missing: no such file or directory"},
	} {
		_, err := Open(tc.path, 60*audio.SampleRate, Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.path, err, tc.want)
		}
	}
}
