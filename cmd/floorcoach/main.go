package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// Decoding MP3 clips makes about ten times their size in garbage; a soft
	// memory limit keeps the peak under 50 MB at little cost in CPU. Measured
	// on lower-back's WAV export, cold clip cache / warm: no limit 62 / 43 MB;
	// 48 MiB 55 / 55 MB; 40 MiB 47 / 45 MB, as fast; 36 MiB 44 / 43 MB, cold
	// 1.5x slower.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(40 << 20)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
