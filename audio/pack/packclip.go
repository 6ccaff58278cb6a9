package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxSlug is the longest Slug, in bytes.
const maxSlug = 40

// Slug returns the name a line's clip file is given: the line's words as
// NormalizeText spells them, joined by hyphens, cut after the last whole
// word that fits in 40 bytes: "Lie on your back." is "lie-on-your-back".
// A line with no words is "line".
func Slug(text string) string {
	var b strings.Builder
	for _, w := range strings.Fields(NormalizeText(text)) {
		if b.Len() > 0 && b.Len()+1+len(w) > maxSlug {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	s := b.String()
	for len(s) > maxSlug { // one long word
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	if s == "" {
		return "line"
	}
	return s
}

// uniqueName returns slug if no taken name has it, with or without an
// extension; else slug and a short hash of the text; else those and a
// number.
func uniqueName(slug, text string, taken map[string]bool) string {
	free := func(s string) bool { return !taken[s] && !taken[s+".wav"] && !taken[s+".mp3"] }
	if free(slug) {
		return slug
	}
	sum := sha256.Sum256([]byte(text))
	name := slug + "-" + hex.EncodeToString(sum[:3])
	for n := 2; !free(name); n++ {
		name = fmt.Sprintf("%s-%s-%d", slug, hex.EncodeToString(sum[:3]), n)
	}
	return name
}
