package encode

import (
	"bytes"
	"encoding/binary"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	gomp3 "github.com/hajimehoshi/go-mp3"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
	"github.com/floorcoach/floorcoach/internal/testenv"
)

// encTestSNR returns the signal-to-noise ratio in dB of got against want
// over frames [from, to), both channels.
func encTestSNR(want, got []int16, from, to int) float64 {
	var sig, noise float64
	for i := from * audio.Channels; i < to*audio.Channels; i++ {
		s, d := float64(want[i]), float64(want[i])-float64(got[i])
		sig += s * s
		noise += d * d
	}
	if noise == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(sig/noise)
}

// encTestMP3Frames is how many audio frames an MP3 of n source frames has:
// enough to hold the source after the encoder's and decoder's delays.
func encTestMP3Frames(n int64) int64 {
	return max((n+mp3EncoderDelay+529+1151)/1152, 2)
}

func TestMP3(t *testing.T) {
	testenv.NeedTool(t, "ffprobe", "ffmpeg")
	n := int64(20*audio.SampleRate + 7)
	meta := encTestMeta(n)
	path := encTestEncode(t, MP3, n, meta, Options{})

	p := audiotest.FFprobe(t, path)
	encTestCheckStream(t, p, "mp3")
	s := p.Streams[0]
	// ffprobe's duration counts whole frames (from the Info frame's count)
	// and its start time is the delay it will skip; decoding trims both.
	frames := encTestMP3Frames(n)
	if got, want := audiotest.Seconds(t, s.Duration), float64(frames*1152)/audio.SampleRate; math.Abs(got-want) > 1e-5 {
		t.Errorf("ffprobe duration %.6f s, want %d frames = %.6f s", got, frames, want)
	}
	if got, want := audiotest.Seconds(t, s.StartTime), float64(mp3EncoderDelay+529)/audio.SampleRate; math.Abs(got-want) > 1e-5 {
		t.Errorf("ffprobe start time %.6f s, want the delay %.6f s", got, want)
	}
	encTestCheckTags(t, p, meta)
	encTestCheckChapters(t, p, meta.Chapters)
	if encTestSoxReads(MP3) {
		encTestSox(t, path)
	} else {
		t.Log("sox here cannot read MP3")
	}

	got, want := audiotest.FFmpegDecode(t, path), encTestPCM(n)
	if len(got) != len(want) {
		t.Fatalf("ffmpeg decodes %d frames, want exactly %d", len(got)/audio.Channels, n)
	}
	encTestCheckSNR(t, want, got)
	encTestCheckJoins(t, want, got)
}

// encTestCheckSNR checks the signal-to-noise ratio of decoded MP3 against
// the source, over all of it and over each kind of sound in it.
func encTestCheckSNR(t *testing.T, want, got []int16) {
	t.Helper()
	sections := []struct {
		name     string
		from, to float64 // seconds
	}{
		{"whole", 0, float64(len(want)/audio.Channels) / audio.SampleRate},
		{"two tones", 0, 2}, {"ticks", 3, 5}, {"speech", 5, 8}, {"left tone", 8, 10},
	}
	for _, sec := range sections {
		snr := encTestSNR(want, got, int(sec.from*audio.SampleRate), int(sec.to*audio.SampleRate))
		t.Logf("%s: SNR %.1f dB", sec.name, snr)
		if snr < 20 {
			t.Errorf("%s: SNR %.1f dB, want at least 20", sec.name, snr)
		}
	}
}

// encTestCheckJoins checks the sound around every join between segments:
// a glitch there would show as noise in the frames either side.
func encTestCheckJoins(t *testing.T, want, got []int16) {
	t.Helper()
	n := len(want) / audio.Channels
	for at := mp3SegmentFrames * mp3FrameLen; at < n; at += mp3SegmentFrames * mp3FrameLen {
		from, to := max(at-mp3FrameLen-mp3EncoderDelay, 0), min(at+mp3FrameLen, n)
		if snr := encTestSNR(want, got, from, to); snr < 20 {
			t.Errorf("join at frame %d: SNR %.1f dB, want at least 20", at, snr)
		}
	}
}

// TestMP3Segments checks that encoding in segments gives the same sound as
// one encoder running through the whole stream, sample for sample.
func TestMP3Segments(t *testing.T) {
	testenv.NeedTool(t, "ffmpeg")
	n := int64(3*mp3SegmentFrames*mp3FrameLen + 12345)
	path := encTestEncode(t, MP3, n, audio.Meta{}, Options{})

	plan, err := newMP3Plan(n, DefaultBitrate)
	if err != nil {
		t.Fatal(err)
	}
	pcm := encTestPCM(n)
	mp3Level(pcm)
	pcm = append(pcm, make([]int16, int(plan.frames*mp3FrameLen-n)*audio.Channels)...)
	enc := newShine(plan)
	c := mp3Cutter{out: plan.infoFrame()}
	for i := 0; i < len(pcm); i += mp3FrameLen * audio.Channels {
		b, k := enc.EncodeBufferInterleaved(pcm[i : i+mp3FrameLen*audio.Channels])
		if err := c.add(b[:k], true); err != nil {
			t.Fatal(err)
		}
	}
	b, k := enc.EncodeBufferInterleaved(make([]int16, mp3FrameLen*audio.Channels)) // push out the rest
	if err := c.add(b[:k], false); err != nil || c.kept != int(plan.frames) {
		t.Fatalf("one encoder: %d frames, %v; want %d", c.kept, err, plan.frames)
	}
	whole := filepath.Join(t.TempDir(), "whole.mp3")
	if err := os.WriteFile(whole, c.out, 0o644); err != nil {
		t.Fatal(err)
	}

	got, want := audiotest.FFmpegDecode(t, path), audiotest.FFmpegDecode(t, whole)
	if len(got) != len(want) || len(got) != int(n)*audio.Channels {
		t.Fatalf("decoded %d frames in segments, %d in one run; want %d", len(got)/2, len(want)/2, n)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("frame %d: %d in segments, %d in one run", i/2, got[i], want[i])
		}
	}
}

// TestMP3Workers checks that the number of goroutines changes nothing, and
// that MP3 streams: a plain writer gets the same bytes as a file.
func TestMP3Workers(t *testing.T) {
	n := int64(2*mp3SegmentFrames*mp3FrameLen + 999)
	meta := encTestMeta(n)
	file, err := os.ReadFile(encTestEncode(t, MP3, n, meta, Options{Workers: 1}))
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{2, 3, 8} {
		var b bytes.Buffer
		if err := Write(&b, MP3, newEncTestSource(n), meta, Options{Workers: workers}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), file) {
			t.Errorf("%d workers to a pipe: not the same bytes as 1 worker to a file", workers)
		}
	}
}

// TestMP3Lengths decodes sources of awkward lengths to exactly their
// length, at every bitrate. (ffprobe is not asked: it is unsure of a file
// of only a few frames.)
func TestMP3Lengths(t *testing.T) {
	testenv.NeedTool(t, "ffmpeg")
	lengths := []int64{1, 1151, 1152, 1153, mp3SegmentFrames*mp3FrameLen - mp3EncoderDelay - 529, 3 * audio.SampleRate}
	for i, kbps := range MP3Bitrates() {
		n := lengths[i%len(lengths)]
		t.Run(strconv.Itoa(kbps), func(t *testing.T) {
			path := encTestEncode(t, MP3, n, audio.Meta{}, Options{Bitrate: kbps})
			if got := len(audiotest.FFmpegDecode(t, path)) / audio.Channels; got != int(n) {
				t.Errorf("%d kbit/s: decoded %d frames, want %d", kbps, got, n)
			}
		})
	}
}

// TestMP3Info reads the Info frame back, at the offsets the Xing and LAME
// formats give: the counts and the delays.
func TestMP3Info(t *testing.T) {
	n := int64(100000)
	b := encTestEncodeBytes(t, MP3, n, audio.Meta{})
	tagSize := 10 + int(b[6])<<21 | int(b[7])<<14 | int(b[8])<<7 | int(b[9])
	info := b[tagSize:]
	be := binary.BigEndian
	if got := string(info[36:40]); got != "Info" {
		t.Fatalf("Info frame starts %q", got)
	}
	frames := encTestMP3Frames(n)
	if got := int64(be.Uint32(info[44:])); got != frames {
		t.Errorf("frame count %d, want %d", got, frames)
	}
	if got := int(be.Uint32(info[48:])); got != len(info) {
		t.Errorf("byte count %d, want %d", got, len(info))
	}
	if got := string(info[156:160]); got != "LAME" {
		t.Errorf("LAME tag starts %q", got)
	}
	delays := int(info[177])<<16 | int(info[178])<<8 | int(info[179])
	if delay, pad := delays>>12, delays&0xFFF; delay != mp3EncoderDelay || int64(pad) != frames*1152-mp3EncoderDelay-n {
		t.Errorf("delay %d, padding %d; want %d, %d", delay, pad, mp3EncoderDelay, frames*1152-mp3EncoderDelay-n)
	}
	// The tag's CRC is checked where it is written (mp3frame); here, that
	// ffmpeg and go-mp3 take the frame is enough (TestMP3, TestMP3GoMP3).
}

func TestMP3BadBitrate(t *testing.T) {
	err := Write(&bytes.Buffer{}, MP3, newEncTestSource(10), audio.Meta{}, Options{Bitrate: 100})
	want := "audio: MP3 bitrate 100 kbit/s is not supported; use one of 32 40 48 56 64 80 96 112 128 160 192 224 256 320"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// TestMP3GoMP3 decodes with go-mp3 (the decoder beep uses), which knows
// nothing of the Info frame or the LAME tag: it plays the Info frame as
// 1152 frames of silence, then the codec's delay, then the sound.
func TestMP3GoMP3(t *testing.T) {
	n := int64(5*audio.SampleRate + 3)
	d, err := gomp3.NewDecoder(bytes.NewReader(encTestEncodeBytes(t, MP3, n, encTestMeta(n))))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(d)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]int16, len(b)/2)
	for i := range got {
		got[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	if want := (encTestMP3Frames(n) + 1) * 1152 * audio.Channels; int64(len(got)) != want {
		t.Errorf("go-mp3 decodes %d frames, want %d", len(got)/2, want/2)
	}
	skip := (1152 + mp3EncoderDelay + 529) * audio.Channels
	if snr := encTestSNR(encTestPCM(n), got[skip:], 0, int(n)); snr < 20 {
		t.Errorf("go-mp3: SNR %.1f dB, want at least 20", snr)
	}
}
