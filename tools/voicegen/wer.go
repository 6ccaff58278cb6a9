package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// sphinxModel is where Debian's pocketsphinx-en-us puts its model.
const sphinxModel = "/usr/share/pocketsphinx/model/en-us"

// werPack measures how well a speech recognizer understands the pack in
// dir: each clip is decoded by ffmpeg (which drops the LAME tag's delays,
// as the player does), brought to 16 kHz mono, the recognizer's own input,
// and given to pocketsphinx; its words are compared with the line's. It
// prints each line with errors, and the word error rate: the words left
// out, put in or changed, over the words of every line.
func werPack(ctx context.Context, w io.Writer, dir string, clips []clip, jobs int) error {
	for _, tool := range []string{"ffmpeg", "pocketsphinx_continuous"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is not installed: apt-get install ffmpeg pocketsphinx pocketsphinx-en-us", tool)
		}
	}
	scratch, err := os.MkdirTemp("", "voicegen-wer-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	hyps, errs := make([]string, len(clips)), make([]error, len(clips))
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				wav := filepath.Join(scratch, strconv.Itoa(i)+".wav")
				hyps[i], errs[i] = recognize(ctx, filepath.Join(dir, clips[i].File), wav)
			}
		})
	}
	feed(ctx, next, len(clips))
	wg.Wait()
	edits, words := 0, 0
	for i, c := range clips {
		if errs[i] != nil {
			return fmt.Errorf("%s: %w", c.File, errs[i])
		}
		ref, hyp := asrWords(c.Text), asrWords(hyps[i])
		e := wordEdits(ref, hyp)
		edits, words = edits+e, words+len(ref)
		if e > 0 {
			fmt.Fprintf(w, "%2d/%-2d %q\n      heard %q\n", e, len(ref), c.Text, hyps[i])
		}
	}
	fmt.Fprintf(w, "word error rate %.1f%% (%d errors in %d words of %d lines)\n", 100*float64(edits)/float64(words), edits, words, len(clips))
	return ctx.Err()
}

// recognize decodes an MP3 clip into wav at 16 kHz and returns what
// pocketsphinx hears in it.
func recognize(ctx context.Context, mp3, wav string) (string, error) {
	if err := command(ctx, "ffmpeg", "-nostdin", "-v", "error", "-y", "-i", mp3, "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", wav); err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, "pocketsphinx_continuous", "-infile", wav, "-hmm", sphinxModel+"/en-us",
		"-lm", sphinxModel+"/en-us.lm.bin", "-dict", sphinxModel+"/cmudict-en-us.dict", "-logfn", os.DevNull)
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("pocketsphinx: %w", err)
	}
	return strings.Join(strings.Fields(out.String()), " "), nil
}

// asrWords splits text into lowercase words as the recognizer spells
// them: apostrophes dropped, hyphens and punctuation between words.
func asrWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(dropApostrophes(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// wordEdits is the least number of words to leave out, put in or change
// to turn ref into hyp (Levenshtein distance over words).
func wordEdits(ref, hyp []string) int {
	prev := make([]int, len(hyp)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ref); i++ {
		cur := make([]int, len(hyp)+1)
		cur[0] = i
		for j := 1; j <= len(hyp); j++ {
			cost := 1
			if ref[i-1] == hyp[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(hyp)]
}
