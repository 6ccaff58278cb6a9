package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
)

type options struct {
	lines, out  string
	jobs        int
	onlyMissing bool
	check       bool
	wer         bool
}

func main() {
	var o options
	flag.StringVar(&o.lines, "lines", "audio/pack/voices/default/lines.txt", "the lines to say, one per line")
	flag.StringVar(&o.out, "out", "audio/pack/voices/default", "the voice pack folder to write")
	flag.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "lines made at once")
	flag.BoolVar(&o.onlyMissing, "only-missing", false, "make only the clips that do not exist yet")
	flag.BoolVar(&o.check, "check", false, "make nothing; check the clips and print a table of them")
	flag.BoolVar(&o.wer, "wer", false, "make nothing; measure how well pocketsphinx understands the clips (word error rate)")
	flag.Parse()
	if flag.NArg() > 0 || o.jobs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "voicegen:", err)
		stop()
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	clips, err := readLines(o.lines)
	if err != nil {
		return err
	}
	nameClips(clips)
	if o.check {
		return checkPack(os.Stdout, o.out, clips)
	}
	if o.wer {
		return werPack(ctx, os.Stdout, o.out, clips, o.jobs)
	}
	e, err := findEngine()
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "voicegen: %d lines, saying them with %s\n", len(clips), e.Name)
	if err := makeClips(ctx, e, o, clips); err != nil {
		return err
	}
	if err := saveVoiceYAML(o.out, clips, e.Name); err != nil {
		return err
	}
	return removeStale(o.out, clips)
}
