package pack

import "slices"

// Own returns the lines of the pack itself, not those of the packs it
// extends, as its voice.yaml spells them, sorted.
func (v *Voice) Own() []string {
	out := make([]string, 0, len(v.clips))
	for _, c := range v.clips {
		out = append(out, c.text)
	}
	slices.Sort(out)
	return out
}

// Extends returns the pack this one extends, or nil.
func (v *Voice) Extends() *Voice { return v.parent }
