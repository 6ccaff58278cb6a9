package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// summarize prints the totals and spreads of the clips' stats.
func summarize(w io.Writer, all []stats) {
	if len(all) == 0 {
		return
	}
	shortest, longest := all[0], all[0]
	var size int64
	speech, integrated := spread{}, spread{}
	maxPeak, maxLead, maxTail := all[0].Peak, 0.0, 0.0
	for _, s := range all {
		size += s.Bytes
		if s.Duration < shortest.Duration {
			shortest = s
		}
		if s.Duration > longest.Duration {
			longest = s
		}
		speech.add(s.Speech)
		integrated.add(s.Integrated)
		maxPeak, maxLead, maxTail = max(maxPeak, s.Peak), max(maxLead, s.Lead), max(maxTail, s.Tail)
	}
	fmt.Fprintf(w, "%d clips, %.2f MB\n", len(all), float64(size)/1e6)
	fmt.Fprintf(w, "shortest %.3f s %q, longest %.3f s %q\n", shortest.Duration, shortest.Text, longest.Duration, longest.Text)
	fmt.Fprintf(w, "speech loudness %s; integrated %s\n", speech, integrated)
	fmt.Fprintf(w, "highest peak %.2f dBFS; most quiet before speech %.3f s, after %.3f s\n", maxPeak, maxLead, maxTail)
}

// spread is the range of a set of loudness values.
type spread struct {
	lo, hi float64
	n      int
}

func (s *spread) add(v float64) {
	if s.n == 0 || v < s.lo {
		s.lo = v
	}
	if s.n == 0 || v > s.hi {
		s.hi = v
	}
	s.n++
}

func (s spread) String() string {
	return fmt.Sprintf("%.2f to %.2f LUFS (spread %.2f LU)", s.lo, s.hi, s.hi-s.lo)
}

// checkFiles checks that voice.yaml lists exactly the clips, in order, and
// that no other file lies in the clips folder.
func checkFiles(dir string, clips []clip) []error {
	var errs []error
	data, err := os.ReadFile(filepath.Join(dir, "voice.yaml"))
	switch {
	case err != nil:
		errs = append(errs, err)
	case !strings.HasSuffix(string(data), packYAML(clips)):
		errs = append(errs, fmt.Errorf("voice.yaml does not list the lines of lines.txt: run go run ./tools/voicegen"))
	}
	keep := map[string]bool{}
	for _, c := range clips {
		keep[filepath.Base(c.File)] = true
	}
	entries, err := os.ReadDir(filepath.Join(dir, "clips"))
	if err != nil {
		return append(errs, err)
	}
	for _, d := range entries {
		if !keep[d.Name()] {
			errs = append(errs, fmt.Errorf("clips/%s: no line names it", d.Name()))
		}
	}
	return errs
}
