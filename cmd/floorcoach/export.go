package main

import "github.com/urfave/cli/v2"

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write a session as one audio file",
		ArgsUsage: "SESSION",
		Flags:     []cli.Flag{levelFlag},
		Action: func(c *cli.Context) error {
			return cli.Exit("export: not ready yet", exitFail)
		},
	}
}
