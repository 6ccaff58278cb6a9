package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// makeClips makes the clips, o.jobs at a time, in a scratch folder that is
// removed afterwards. The first failure cancels the rest and is returned.
func makeClips(ctx context.Context, e engine, o options, clips []clip) error {
	if err := os.MkdirAll(filepath.Join(o.out, "clips"), 0o755); err != nil {
		return err
	}
	todo := clips
	if o.onlyMissing {
		todo = missing(o.out, clips)
	}
	scratch, err := os.MkdirTemp("", "voicegen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	p := progress{total: len(todo)}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(o.jobs, len(todo)) {
		wg.Go(func() {
			for i := range next {
				if err := makeOne(ctx, e, todo[i], scratch, o.out, i); err != nil {
					cancel(err)
					return
				}
				p.done(todo[i].Text)
			}
		})
	}
	feed(ctx, next, len(todo))
	wg.Wait()
	return context.Cause(ctx)
}

// feed sends 0 to n-1 on next, stopping early if ctx ends, then closes it.
func feed(ctx context.Context, next chan<- int, n int) {
	defer close(next)
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			return
		}
	}
}

// makeOne makes clip c in its own scratch folder.
func makeOne(ctx context.Context, e engine, c clip, scratch, out string, i int) error {
	dir := filepath.Join(scratch, strconv.Itoa(i))
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := makeClip(ctx, e, c.Text, dir, filepath.Join(out, c.File)); err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return fmt.Errorf("line %d %q: %w", c.Line, c.Text, err)
	}
	return nil
}

// missing returns the clips whose file does not exist yet.
func missing(out string, clips []clip) []clip {
	var todo []clip
	for _, c := range clips {
		if _, err := os.Stat(filepath.Join(out, c.File)); err != nil {
			todo = append(todo, c)
		}
	}
	return todo
}

// progress prints "[done/total] text" on standard error as clips finish.
type progress struct {
	mu           sync.Mutex
	count, total int
}

func (p *progress) done(text string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	fmt.Fprintf(os.Stderr, "[%d/%d] %s\n", p.count, p.total, text)
}

// removeStale deletes the files in out/clips that no clip names, such as
// clips of lines taken out of lines.txt.
func removeStale(out string, clips []clip) error {
	keep := map[string]bool{}
	for _, c := range clips {
		keep[filepath.Base(c.File)] = true
	}
	entries, err := os.ReadDir(filepath.Join(out, "clips"))
	if err != nil {
		return err
	}
	for _, d := range entries {
		if d.Type().IsRegular() && !keep[d.Name()] {
			if err := os.Remove(filepath.Join(out, "clips", d.Name())); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "voicegen: removed %s, which no line names\n", filepath.Join("clips", d.Name()))
		}
	}
	return nil
}
