package player

import "sort"

// lineStart returns the first frame of the spoken line sounding at frame
// pos, and false when no line is sounding there or it has only just begun.
func (t *Timeline) lineStart(pos int64) (int64, bool) {
	last := sort.Search(len(t.Events), func(k int) bool { return t.Events[k].At > pos }) - 1
	for k := last; k >= 0; k-- {
		if e := t.Events[k]; e.Spoken() {
			return e.At, e.At < pos && pos < e.End()
		}
	}
	return 0, false
}

// rewind makes frame at, a little before the frame being heard, the next
// one heard: a line cut short by a pause is heard whole after it. It is no
// jump: a Feed does not hand out again the events it has handed out, and
// the frames heard twice count twice. l.mu must be held.
func (l *Live) rewind(at int64) error {
	pos := l.out.Position()
	if err := l.out.SeekTo(at); err != nil {
		return err
	}
	l.endRun(pos)
	l.segStart = at
	return nil
}
