//go:build !darwin && !windows

package speaker

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/floorcoach/floorcoach/audio"
)

func (d *device) feed() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.feedLocked()
}

// feedLocked writes as many whole frames as the server asked for. It
// fails only when the source does: a server that goes is dropped, and
// the watcher reconnects.
func (d *device) feedLocked() error {
	for d.playing && !d.paused && d.link != nil {
		l := d.link
		n := min(l.credit.Load(), int64(len(d.buf))) / frameBytes * frameBytes
		if n <= 0 {
			return nil
		}
		if err := d.fill(d.buf[:n]); err != nil {
			return err
		}
		l.credit.Add(-n)
		if err := l.client.Send(l.stream.StreamIndex, d.buf[:n]); err != nil {
			d.drop(l, err)
			return nil
		}
		d.written += n / frameBytes
		d.clk.wrote(d.written)
	}
	return nil
}

// fill fills b with what is due, little-endian: the lead of silence, the
// source's frames, then silence after its end.
func (d *device) fill(b []byte) error {
	s := d.samples[:len(b)/2]
	n := int(min(d.lead*audio.Channels, int64(len(s))))
	clear(s[:n])
	d.lead -= int64(n / audio.Channels)
	for n < len(s) && !d.drained {
		k, err := d.src.Read(s[n:])
		n += k
		if errors.Is(err, io.EOF) {
			d.drained = true
		} else if err != nil {
			return fmt.Errorf("speaker: read source at frame %d: %w", d.src.Pos(), err)
		} else if k == 0 {
			return fmt.Errorf("speaker: read source at frame %d: no frames and no error", d.src.Pos())
		}
	}
	clear(s[n:])
	for i, v := range s {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(v))
	}
	return nil
}
