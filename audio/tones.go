package audio

import (
	"fmt"
	"math"
	"sync"
)

// The pitches of the tones, in Hz: the fundamental of each note, in the
// order the notes sound. Tests measure them; people tell the tones apart by
// them.
const (
	TickHz          = 1000.0 // tick: one dry woodblock knock
	PipHz           = 880.0  // pip: A5
	StartFromHz     = 660.0  // start: rises from E5…
	StartToHz       = 880.0  // …to A5
	EndFromHz       = 880.0  // end: falls from A5…
	EndToHz         = 660.0  // …to E5
	CountHz         = 1320.0 // count: E6
	PhaseHz         = 523.25 // phase: C5, soft
	ChimeHz         = 523.25 // chime: a C major bell chord, C5 loudest…
	ChimeThirdHz    = 659.25 // …with E5…
	ChimeFifthHz    = 783.99 // …and G5
	AttentionFromHz = 440.0  // attention: A4…
	AttentionToHz   = 554.37 // …then C#5, soft
)

// Levels, in dB relative to full scale. Voice packs normalize speech to
// peak near SpeechPeakDB; every tone peaks at or below MaxTonePeakDB, so
// any one tone mixed under speech stays below full scale.
const (
	SpeechPeakDB  = -3.0
	MaxTonePeakDB = -11.0
)

// TickBelowSpeech is how far, in LU, a tick's loudness is below the voice's
// (speech.LUFS), both measured as clips are, over speech.Block blocks.
const TickBelowSpeech = 10.7

// ToneKind names one of the tones; its value is the tone's name.
type ToneKind string

// The tones.
const (
	ToneTick      ToneKind = "tick"      // each second of a hold
	TonePip       ToneKind = "pip"       // a countdown pip before a clock
	ToneStart     ToneKind = "start"     // a clock starts
	ToneEnd       ToneKind = "end"       // a clock ends
	ToneCount     ToneKind = "count"     // a rep counted without a voice
	TonePhase     ToneKind = "phase"     // a phase of a rep begins
	ToneChime     ToneKind = "chime"     // the session is over
	ToneAttention ToneKind = "attention" // played where a voice clip is missing
)

// ToneKinds returns every kind Tone knows, in a fixed order.
func ToneKinds() []ToneKind {
	return []ToneKind{ToneTick, TonePip, ToneStart, ToneEnd, ToneCount, TonePhase, ToneChime, ToneAttention}
}

// Tone returns the synthesized sound of a kind of tone. Every call for a
// kind returns the same *Sound, made at first use: it must not be
// modified. Tone panics on a kind not in ToneKinds (a programmer mistake).
func Tone(kind ToneKind) *Sound {
	s, ok := tones()[kind]
	if !ok {
		panic(fmt.Sprintf("audio: unknown tone kind %q", kind))
	}
	return s
}

// ToneLen returns the length in frames of Tone(kind).
func ToneLen(kind ToneKind) int64 { return Tone(kind).Len() }

// tones synthesizes every tone once, at first use.
var tones = sync.OnceValue(func() map[ToneKind]*Sound {
	m := make(map[ToneKind]*Sound)
	for kind, spec := range toneSpecs() {
		m[kind] = spec.synth(string(kind))
	}
	return m
})

// A toneSpec describes a tone: its notes and its peak level.
type toneSpec struct {
	peakDB float64
	notes  []note
}

// A note is one struck or sung pitch within a tone. Times are in seconds.
type note struct {
	at, dur         float64
	attack, release float64 // raised-cosine fades at each end of the note
	hz              float64
	amp             float64 // relative to the other notes of the tone
	partials        []partial
}

// A partial is one sine of a note, at ratio times the note's pitch, with
// its own exponential decay (time constant in seconds, 0 for none).
type partial struct{ ratio, amp, decay float64 }

// toneSpecs describes every tone.
func toneSpecs() map[ToneKind]toneSpec {
	// A woodblock: a short knock with a faint inharmonic overtone.
	woodblock := []partial{{1, 1, 0.012}, {2.76, 0.15, 0.004}}
	// A soft electronic beep: mostly fundamental, a touch of octave.
	blip := []partial{{1, 1, 0.25}, {2, 0.12, 0.08}}
	// A pure, mellow tone.
	soft := []partial{{1, 1, 0}, {2, 0.05, 0}}
	// A bell: decaying partials, the upper ones faster.
	bell := []partial{{1, 1, 0.5}, {2, 0.25, 0.25}, {2.76, 0.12, 0.12}, {5.4, 0.04, 0.05}}
	two := func(from, to float64, parts []partial) []note {
		return []note{
			{at: 0, dur: 0.14, attack: 0.005, release: 0.03, hz: from, amp: 1, partials: parts},
			{at: 0.15, dur: 0.15, attack: 0.005, release: 0.04, hz: to, amp: 1, partials: parts},
		}
	}
	return map[ToneKind]toneSpec{
		// Ticks sit about 11 LU under the voice, measured as clips are
		// (TickBelowSpeech): at 22 LU under, as they were, they vanished on
		// a floor two metres from a phone, and under music. They stay below
		// every other tone, the phase's too, being the sound heard most:
		// every second of every hold.
		ToneTick:  {-14, []note{{dur: 0.05, attack: 0.002, release: 0.015, hz: TickHz, amp: 1, partials: woodblock}}},
		TonePip:   {-12, []note{{dur: 0.1, attack: 0.005, release: 0.03, hz: PipHz, amp: 1, partials: blip}}},
		ToneStart: {-12, two(StartFromHz, StartToHz, blip)},
		ToneEnd:   {-12, two(EndFromHz, EndToHz, blip)},
		ToneCount: {-14, []note{{dur: 0.08, attack: 0.004, release: 0.03, hz: CountHz, amp: 1, partials: blip}}},
		TonePhase: {-18, []note{{dur: 0.08, attack: 0.01, release: 0.035, hz: PhaseHz, amp: 1, partials: soft}}},
		ToneChime: {-11, []note{
			{dur: 1.5, attack: 0.003, release: 0.2, hz: ChimeHz, amp: 1, partials: bell},
			{dur: 1.5, attack: 0.003, release: 0.2, hz: ChimeThirdHz, amp: 0.6, partials: bell},
			{dur: 1.5, attack: 0.003, release: 0.2, hz: ChimeFifthHz, amp: 0.5, partials: bell},
		}},
		ToneAttention: {-20, []note{
			{at: 0, dur: 0.18, attack: 0.015, release: 0.06, hz: AttentionFromHz, amp: 1, partials: soft},
			{at: 0.2, dur: 0.2, attack: 0.015, release: 0.08, hz: AttentionToHz, amp: 1, partials: soft},
		}},
	}
}

// synth renders the spec and scales it to peak exactly at its level.
func (t toneSpec) synth(name string) *Sound {
	var length int
	for _, n := range t.notes {
		length = max(length, seconds(n.at)+seconds(n.dur))
	}
	buf := make([]float64, length)
	for _, n := range t.notes {
		n.render(buf[seconds(n.at) : seconds(n.at)+seconds(n.dur)])
	}
	var peak float64
	for _, v := range buf {
		peak = math.Max(peak, math.Abs(v))
	}
	gain := math.Pow(10, t.peakDB/20) / peak
	out := make([]float32, length)
	for i, v := range buf {
		out[i] = float32(v * gain)
	}
	return &Sound{Name: name, Samples: out}
}

// render adds the note to buf, which spans exactly the note.
func (n note) render(buf []float64) {
	attack, release := seconds(n.attack), seconds(n.release)
	for i := range buf {
		t := float64(i) / SampleRate
		var v float64
		for _, p := range n.partials {
			a := p.amp
			if p.decay > 0 {
				a *= math.Exp(-t / p.decay)
			}
			v += a * math.Sin(2*math.Pi*n.hz*p.ratio*t)
		}
		buf[i] += n.amp * v * fade(i, attack) * fade(len(buf)-1-i, release)
	}
}

// fade is a raised-cosine ramp: 0 at i = 0, rising to 1 at i = width.
func fade(i, width int) float64 {
	if i >= width {
		return 1
	}
	return 0.5 - 0.5*math.Cos(math.Pi*float64(i)/float64(width))
}

// seconds converts seconds to whole frames.
func seconds(s float64) int { return int(math.Round(s * SampleRate)) }
