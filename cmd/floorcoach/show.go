package main

import (
	"github.com/urfave/cli/v2"
)

func showCommand() *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "print the plan of a session: every cue and its time, and the totals",
		ArgsUsage: "SESSION",
		Description: "Lays the session out exactly as play and export would, and prints it:\n" +
			"each step with its spoken lines, countdowns, holds and counted reps, at\n" +
			"the time they happen. --json prints the timeline as data (docs/FORMAT.md).\n\n" +
			"Examples:\n" +
			"   floorcoach show lower-back\n" +
			"   floorcoach show lower-back --level gentle\n" +
			"   floorcoach show my-routine.yaml --json > plan.json\n" +
			"   floorcoach show my-routine.yaml --voice anna --strict   # fail if anna lacks a line",
		Flags: []cli.Flag{
			levelFlag(), voiceFlag(), strictFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the timeline as JSON, every event with its exact time"},
			&cli.BoolFlag{Name: "ticks", Usage: "list every tick, not just their count"},
		},
		Action: runShow,
	}
}

func runShow(c *cli.Context) error {
	p, err := loadPlan(c)
	if err != nil {
		return err
	}
	if c.Bool("json") {
		return p.timeline.WriteJSON(c.App.Writer)
	}
	return p.timeline.WriteText(c.App.Writer, c.Bool("ticks"))
}
