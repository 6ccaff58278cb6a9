package cliapp

import (
	"reflect"
	"testing"

	"github.com/urfave/cli/v2"
)

func TestReorderPutsFlagsFirst(t *testing.T) {
	app := &cli.App{Commands: []*cli.Command{
		{Name: "show", Flags: []cli.Flag{&cli.StringFlag{Name: "level"}, &cli.BoolFlag{Name: "json"}}},
		{Name: "check"},
		{Name: "clips", Subcommands: []*cli.Command{{Name: "make", Flags: []cli.Flag{&cli.StringFlag{Name: "tts"}}}}},
	}}
	for _, tc := range []struct{ in, want []string }{
		{[]string{"fc", "show", "s.yaml", "--level", "full", "--json"}, []string{"fc", "show", "--level", "full", "--json", "s.yaml"}},
		{[]string{"fc", "show", "--level=gentle", "s.yaml"}, []string{"fc", "show", "--level=gentle", "s.yaml"}},
		{[]string{"fc", "check", "a.yaml", "b.yaml"}, []string{"fc", "check", "a.yaml", "b.yaml"}},
		{[]string{"fc", "show", "s.yaml", "--", "--json"}, []string{"fc", "show", "s.yaml", "--", "--json"}},
		{[]string{"fc", "--version"}, []string{"fc", "--version"}},
		{[]string{"fc", "clips", "make", "s.yaml", "--tts", "flite"}, []string{"fc", "clips", "make", "--tts", "flite", "s.yaml"}},
	} {
		if got := Reorder(app, tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Reorder(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
