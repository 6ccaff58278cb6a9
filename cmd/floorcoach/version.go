package main

import (
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
)

// version is the release of floorcoach this source is; --version adds where
// the program was built from.
const version = "0.1.0"

func versionFlag() cli.Flag {
	return &cli.BoolFlag{Name: "version", Aliases: []string{"v"},
		Usage: "print the version, and the commit it was built from"}
}

// showVersionOrHelp is what floorcoach does without a command: print the
// version for --version, else the help.
func showVersionOrHelp(c *cli.Context) error {
	if !c.Bool("version") {
		return cli.ShowAppHelp(c)
	}
	_, err := fmt.Fprintf(c.App.Writer, "floorcoach version %s\n", versionText())
	return err
}

// versionText is what --version prints after "floorcoach version": the
// release, and where the program was built from, as Go recorded it.
func versionText() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	return describeBuild(bi)
}

// describeBuild says where a build came from:
//
//	0.1.0
//	built from github.com/floorcoach/floorcoach (devel), git 0aabf79c14e2 of 2026-11-02 18:04:11 UTC, with uncommitted changes
//	with go1.26.8 for linux/amd64
func describeBuild(bi *debug.BuildInfo) string {
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	from := bi.Main.Path
	if v := bi.Main.Version; v != "" {
		from += " " + v
	}
	if rev := settings["vcs.revision"]; rev != "" {
		from += fmt.Sprintf(", %s %s", settings["vcs"], rev[:min(len(rev), 12)])
		if t, err := time.Parse(time.RFC3339, settings["vcs.time"]); err == nil {
			from += " of " + t.UTC().Format("2006-01-02 15:04:05 UTC")
		}
		switch settings["vcs.modified"] {
		case "true":
			from += ", with uncommitted changes"
		case "false":
			from += ", as committed"
		}
	} else {
		from += " (no version control information)"
	}
	var b strings.Builder
	b.WriteString(version + "\n")
	if bi.Main.Path != "" {
		b.WriteString("built from " + from + "\n")
	}
	fmt.Fprintf(&b, "with %s for %s/%s", bi.GoVersion, settings["GOOS"], settings["GOARCH"])
	return b.String()
}
