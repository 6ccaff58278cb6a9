package scripts

import (
	"bytes"
	_ "embed"
	"strings"
)

//go:embed starter.yaml
var starter []byte

// Starter returns a starter script that teaches the format in its
// comments, titled after name ("my-routine" gives "My routine").
func Starter(name string) []byte {
	title := strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	if title == "" {
		title = "My routine"
	}
	title = strings.ToUpper(title[:1]) + title[1:]
	quoted := `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(title) + `"`
	return bytes.Replace(starter, []byte("title: TITLE  "), []byte("title: "+quoted), 1)
}
