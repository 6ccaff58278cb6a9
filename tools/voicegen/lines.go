package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"unicode"
)

// maxSlug is the longest slug before a collision suffix.
const maxSlug = 50

// A clip is one line of lines.txt and the file that says it.
type clip struct {
	Line int    // 1-based line number in lines.txt
	Text string // exactly as in lines.txt, trimmed
	File string // relative to the pack folder: clips/<slug>.mp3
}

// readLines reads lines.txt: one line of speech per line, blank lines
// ignored. Lines that differ only in case, spacing or punctuation are an
// error, because the player matches lines that way.
func readLines(path string) ([]clip, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var clips []clip
	seen := map[string]clip{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		key := textKey(text)
		if key == "" {
			return nil, fmt.Errorf("%s:%d: %q has no words to say", path, n, text)
		}
		if prev, ok := seen[key]; ok {
			return nil, fmt.Errorf("%s:%d: %q repeats line %d %q (lines match ignoring case, spacing and punctuation)", path, n, text, prev.Line, prev.Text)
		}
		c := clip{Line: n, Text: text}
		seen[key] = c
		clips = append(clips, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return clips, nil
}

// textKey is a line as the player matches it: lowercase words and numbers,
// apostrophes dropped, anything else one space.
func textKey(text string) string {
	fields := strings.FieldsFunc(strings.ToLower(dropApostrophes(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	return strings.Join(fields, " ")
}

func dropApostrophes(s string) string {
	return strings.NewReplacer("'", "", "’", "", "ʼ", "", "`", "").Replace(s)
}

// slug names a clip after its text: lowercase ASCII letters and digits,
// words joined by hyphens, cut at a word boundary to at most maxSlug bytes.
// "Child's pose." is "childs-pose". A line with no ASCII word is "line".
func slug(text string) string {
	words := strings.FieldsFunc(strings.ToLower(dropApostrophes(text)), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	s := ""
	for _, w := range words {
		switch {
		case s == "" && len(w) > maxSlug:
			return w[:maxSlug]
		case s == "":
			s = w
		case len(s)+1+len(w) > maxSlug:
			return s
		default:
			s += "-" + w
		}
	}
	if s == "" {
		return "line"
	}
	return s
}

// nameClips gives every clip its file. A line whose slug an earlier line
// already took gets a suffix from a hash of its text, so adding lines at the
// end never renames the clips before them.
func nameClips(clips []clip) {
	taken := map[string]bool{}
	for i := range clips {
		s := slug(clips[i].Text)
		if taken[s] {
			sum := sha256.Sum256([]byte(clips[i].Text))
			s += "-" + hex.EncodeToString(sum[:3])
		}
		taken[s] = true
		clips[i].File = "clips/" + s + ".mp3"
	}
}
