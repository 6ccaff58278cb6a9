package pack

import (
	"os"
	"slices"
	"testing"

	"github.com/floorcoach/floorcoach/audio"
	"github.com/floorcoach/floorcoach/internal/audiotest"
)

func TestDefaultVoice(t *testing.T) {
	v, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if v.Name == "" {
		t.Error("the default voice has no name")
	}
	texts := v.Texts()
	if len(texts) == 0 {
		t.Fatal("the default pack has no clips")
	}
	if testing.Short() {
		texts = texts[:min(len(texts), 5)]
	}
	for _, text := range texts {
		n, err := v.Probe(text)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		s, err := v.Sound(text)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if int64(len(s.Samples)) != n {
			t.Errorf("%q: %d frames, Length says %d", text, len(s.Samples), n)
		}
		// Speech is normalized near audio.SpeechPeakDB. A clip at full scale is
		// wrong, or garbled by the decoder (go-mp3 v0.3.4 garbles 22.05 kHz
		// MP3s of 24 or 32 kbit/s).
		if peak := audiotest.DBFS(audiotest.Peak(s.Samples)); peak > audio.SpeechPeakDB+1.5 || peak < audio.SpeechPeakDB-12 {
			t.Errorf("%q: peak %.1f dBFS, want near %v dBFS", text, peak, audio.SpeechPeakDB)
		}
	}
}

func TestExtendsDefault(t *testing.T) {
	v := testVoice(t, "extends")
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := v.Length("get ready"); !ok || n != 4410 {
		t.Errorf("Length(own line) = %d, %v; want 4410 (0.1 s at 8 kHz)", n, ok)
	}
	own, _ := v.Sound("Get ready.")
	if pitch := audiotest.Pitch(own.Samples, audio.SampleRate); pitch < 594 || pitch > 606 {
		t.Errorf("the pack's own \"Get ready.\" has pitch %.1f Hz, want 600 (not the default clip)", pitch)
	}
	want := slices.DeleteFunc(def.Texts(), func(s string) bool { return NormalizeText(s) == "get ready" })
	want = append(want, "Get ready.")
	slices.Sort(want)
	if got := v.Texts(); !slices.Equal(got, want) {
		t.Errorf("Texts() = %q\nwant the default pack's lines and its own: %q", got, want)
	}
	for _, text := range def.Texts()[:min(len(def.Texts()), 5)] {
		n1, ok1 := v.Length(text)
		n2, ok2 := def.Length(text)
		if NormalizeText(text) != "get ready" && (n1 != n2 || ok1 != ok2) {
			t.Errorf("%q: Length = %d, %v through the pack, %d, %v in the default", text, n1, ok1, n2, ok2)
		}
	}
}

// TestExtendsFallThrough extends a stand-in for the default pack, which
// may have no clips yet: lines the pack lacks come from the one it extends.
func TestExtendsFallThrough(t *testing.T) {
	base := func() (*Voice, error) { return Load(os.DirFS("../testdata"), "pack") }
	v, err := loadPack(os.DirFS("../testdata"), "extends", base)
	if err != nil {
		t.Fatal(err)
	}
	parent := testVoice(t, "pack")
	for _, text := range []string{"next", "Knee-to-chest.", "sine 22k"} {
		n, ok := v.Length(text)
		want, _ := parent.Length(text)
		s, err := v.Sound(text)
		if !ok || n != want || err != nil || s.Len() != n {
			t.Errorf("%q: Length = %d, %v; audio.Sound error %v; want %d frames from the base pack", text, n, ok, err, want)
		}
	}
	if !v.Has("get ready") || len(v.Texts()) != len(parent.Texts())+1 {
		t.Errorf("Texts() = %q: want the base pack's lines and \"Get ready.\"", v.Texts())
	}
	if _, err := v.Sound("broken"); err == nil {
		t.Error("a corrupt clip of the base pack decoded without error")
	}
}
