package main

import "github.com/urfave/cli/v2"

func playCommand() *cli.Command {
	return &cli.Command{
		Name:      "play",
		Usage:     "play a session live through the speaker, hands-free",
		ArgsUsage: "SESSION",
		Flags:     []cli.Flag{levelFlag},
		Action: func(c *cli.Context) error {
			return cli.Exit("play: not ready yet", exitFail)
		},
	}
}
