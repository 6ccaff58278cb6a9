package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Get ready.", "get-ready"},
		{"Child's pose.", "childs-pose"},
		{"Knee-to-chest.", "knee-to-chest"},
		{"Next:", "next"},
		{"One minute thirty seconds left.", "one-minute-thirty-seconds-left"},
		{"  Twenty-one!  ", "twenty-one"},
		{"Café au lait", "caf-au-lait"},
		{"...", "line"},
		{"Perform each stretch slowly, and stop immediately if you feel sharp pain.", "perform-each-stretch-slowly-and-stop-immediately"},
		{strings.Repeat("a", 60) + " b", strings.Repeat("a", 50)},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := slug(tt.text)
			if got != tt.want {
				t.Errorf("slug(%q) = %q, want %q", tt.text, got, tt.want)
			}
			if len(got) > maxSlug {
				t.Errorf("slug(%q) is %d bytes, more than %d", tt.text, len(got), maxSlug)
			}
		})
	}
}

func TestNameClips(t *testing.T) {
	clips := []clip{{Text: "Rest."}, {Text: "Relax."}, {Text: "Rest!"}, {Text: "REST"}}
	nameClips(clips)
	got := []string{clips[0].File, clips[1].File, clips[2].File, clips[3].File}
	if got[0] != "clips/rest.mp3" || got[1] != "clips/relax.mp3" {
		t.Errorf("files %q: the first line with a slug should keep it plain", got)
	}
	for i, f := range got[2:] {
		if !strings.HasPrefix(f, "clips/rest-") || len(f) != len("clips/rest-123456.mp3") {
			t.Errorf("file %d = %q, want clips/rest-<6 hex digits>.mp3", i+2, f)
		}
	}
	if got[2] == got[3] {
		t.Errorf("two lines share %q", got[2])
	}
	again := []clip{{Text: "Rest!"}}
	nameClips(again)
	if again[0].File != "clips/rest.mp3" {
		t.Errorf("alone, %q is %q, want clips/rest.mp3", "Rest!", again[0].File)
	}
}

func TestReadLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []clip
		err      string
	}{
		{"plain", "Get ready.\r\n\n  Begin.  \n", []clip{{Line: 1, Text: "Get ready."}, {Line: 3, Text: "Begin."}}, ""},
		{"repeat", "Rest.\nRelax.\nrest\n", nil, `:3: "rest" repeats line 1 "Rest."`},
		{"no words", "Rest.\n?!\n", nil, `:2: "?!" has no words to say`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "lines.txt")
			if err := os.WriteFile(path, []byte(tt.in), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := readLines(path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("clip %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestWordEdits(t *testing.T) {
	for _, tc := range []struct {
		ref, hyp string
		want     int
	}{
		{"Get ready.", "get ready", 0},
		{"Child's pose.", "childs pose", 0},
		{"Twenty-five.", "twenty five", 0},
		{"Bend your right knee", "and they're right knee", 2},
		{"Keep your left leg straight.", "deep year left leg straight", 2},
		{"Rest.", "", 1},
		{"", "um", 1},
	} {
		if got := wordEdits(asrWords(tc.ref), asrWords(tc.hyp)); got != tc.want {
			t.Errorf("%q heard as %q: %d edits, want %d", tc.ref, tc.hyp, got, tc.want)
		}
	}
}
