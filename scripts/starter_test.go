package scripts

import "testing"

func TestStarterParses(t *testing.T) {
	for name, title := range map[string]string{"my-routine": "My routine", "": "My routine", `say "hi"`: `Say "hi"`} {
		s, err := Parse("new.yaml", Starter(name))
		if err != nil {
			t.Fatalf("Starter(%q) does not parse: %v", name, err)
		}
		if s.Title != title || len(s.Steps) != 5 {
			t.Errorf("Starter(%q): title %q, %d steps; want %q and 5", name, s.Title, len(s.Steps), title)
		}
	}
}
