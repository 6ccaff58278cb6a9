package scripts

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/floorcoach/floorcoach/internal/testenv"
	"go.yaml.in/yaml/v3"
)

// validator is Debian's python3-jsonschema, an independent implementation
// of JSON Schema, run with the system's Python.
const validator = `
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    errs = list(v.iter_errors(json.load(open(path))))
    print(path, "ok" if not errs else "bad: " + errs[0].message)
`

func TestSchemaAgreesWithParse(t *testing.T) {
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import jsonschema").Run() != nil {
		testenv.Missing(t, "python3-jsonschema")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "schema.json"), Schema(), 0o644)
	cases := map[string][]byte{"starter": Starter("x")}
	for _, n := range BuiltinNames() {
		cases[n], _ = builtins.ReadFile("builtin/" + n + ".yaml")
	}
	examples, _ := filepath.Glob(filepath.Join("..", "testdata", "examples", "*.yaml"))
	for _, f := range examples {
		cases[filepath.Base(f)], _ = os.ReadFile(f)
	}
	bad := map[string]string{
		"bad-unknown-key":  "title: T\nsteps:\n  - {name: A, hodl: 5s}\n",
		"bad-no-title":     "steps:\n  - {hold: 5s}\n",
		"bad-reps-text":    "title: T\nsteps:\n  - {reps: many}\n",
		"bad-side":         "title: T\nsteps:\n  - {hold: 5s, sides: [up]}\n",
		"bad-level":        "title: T\nlevel: hard\nsteps:\n  - {hold: 5s}\n",
		"bad-repeat":       "title: T\nsteps:\n  - {repeat: 2}\n",
		"bad-tempo-alone":  "title: T\nsteps:\n  - {hold: 5s, tempo: [1s]}\n",
		"bad-empty-steps":  "title: T\nsteps: []\n",
		"bad-duration":     "title: T\nsteps:\n  - {hold: 5 minutes}\n",
		"bad-side-unsided": "title: T\nsteps:\n  - hold: 5s\n    say:\n      - Sit.\n      - Turn {side}.\n",
		"bad-side-closing": "title: T\nsteps:\n  - {hold: 5s, sides: [left]}\nclosing: Now the {other}.\n",
		"bad-during-rest":  "title: T\nsteps:\n  - {rest: 5s, during: Breathe.}\n",
		"bad-quiet":        "title: T\ndefaults: {quiet: 1}\nsteps:\n  - {hold: 5s}\n",
	}
	cases["sided"] = []byte("title: T\nsteps:\n  - hold: 5s\n    sides: [right, left]\n    say:\n      - Sit.\n      - Turn {side}.\n" +
		"    during: \"{Other} arm long.\"\n    after: Come back slowly.\n    switch: 12s\n    every: 20s\n    quiet: true\n")
	if _, err := Parse("sided", cases["sided"]); err != nil {
		t.Errorf("sided: Parse refuses it, so the schema must too: %v", err)
	}
	for name, src := range bad {
		if _, err := Parse(name, []byte(src)); err == nil {
			t.Errorf("%s: Parse accepts it, so the schema must too; fix the case", name)
		}
		cases[name] = []byte(src)
	}
	args := []string{"-c", validator, filepath.Join(dir, "schema.json")}
	want := map[string]bool{}
	for name, src := range cases {
		path := filepath.Join(dir, name+".json")
		os.WriteFile(path, yamlToJSON(t, src), 0o644)
		args = append(args, path)
		_, isBad := bad[name]
		want[path] = !isBad
	}
	out, err := exec.Command(python, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("validator: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, verdict, _ := strings.Cut(line, " ")
		if ok := verdict == "ok"; ok != want[path] {
			t.Errorf("schema says %s: %s", filepath.Base(path), verdict)
		}
		delete(want, path)
	}
	if len(want) > 0 {
		t.Errorf("validator did not judge %d files", len(want))
	}
}

func yamlToJSON(t *testing.T, src []byte) []byte {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
