package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// Decoding MP3 clips makes about ten times their size in garbage; a soft
	// memory limit keeps the peak under 50 MB at little cost in CPU (measured:
	// 62 MB without it on a cold clip cache, about 50 MB with it).
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(48 << 20)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
