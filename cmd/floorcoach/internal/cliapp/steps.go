package cliapp

import "github.com/floorcoach/floorcoach/player"

// StepName returns the name of step n of a timeline (as Span.Index
// numbers them), or "" when it has no such step.
func StepName(tl *player.Timeline, n int) string {
	if n < 1 || n > tl.StepCount() {
		return ""
	}
	return tl.Steps[n-1].Name
}
