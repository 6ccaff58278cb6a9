package main

import (
	"github.com/floorcoach/floorcoach/scripts"
	"github.com/urfave/cli/v2"
)

func newCommand() *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "print a starter script that teaches the format in its comments",
		ArgsUsage: "[NAME]",
		Description: "Prints a commented session script with one step of each kind, titled after\n" +
			"NAME. Save it, edit it, check it, play it.\n\n" +
			"Example:\n" +
			"   floorcoach new my-routine > my-routine.yaml\n" +
			"   floorcoach check my-routine.yaml && floorcoach play my-routine.yaml",
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("new: takes one NAME, got %d arguments", c.NArg())
			}
			_, err := c.App.Writer.Write(scripts.Starter(c.Args().First()))
			return err
		},
	}
}

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "print the JSON Schema of the script format, for editors",
		Description: "Prints a JSON Schema (draft 2020-12) that editors use to check and complete\n" +
			"scripts as you type. For VS Code with the YAML extension, save it and add\n" +
			"  \"yaml.schemas\": {\"/path/to/floorcoach.schema.json\": \"*.floorcoach.yaml\"}\n" +
			"or put  # yaml-language-server: $schema=/path/to/floorcoach.schema.json  at\n" +
			"the top of a script.\n\n" +
			"Example:\n   floorcoach schema > floorcoach.schema.json",
		Action: func(c *cli.Context) error {
			_, err := c.App.Writer.Write(scripts.Schema())
			return err
		},
	}
}
