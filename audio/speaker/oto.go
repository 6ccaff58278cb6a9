//go:build darwin || windows

package speaker

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"
	"github.com/floorcoach/floorcoach/audio"
)

// frameBytes is the size of one interleaved int16 stereo frame.
const frameBytes = 2 * audio.Channels

// device plays through oto (oto_device.go has its logic).
type device = pullDevice

// output is the process's one oto context: oto allows only one, so it is
// made at the first Open and kept. This is the package's only package-level
// state, and this file its only user.
var output struct {
	once  sync.Once
	ctx   *oto.Context
	ready chan struct{}
	err   error
}

// system names the sound system for errors.
func system() string {
	if runtime.GOOS == "darwin" {
		return "Core Audio"
	}
	return "the Windows audio service"
}

func openDevice(o Options) (*device, error) {
	output.once.Do(func() {
		output.ctx, output.ready, output.err = oto.NewContext(&oto.NewContextOptions{
			SampleRate:   audio.SampleRate,
			ChannelCount: audio.Channels,
			Format:       oto.FormatSignedInt16LE,
			BufferSize:   o.Latency,
		})
	})
	if output.err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNoOutput, system(), output.err)
	}
	select {
	case <-output.ready:
	case <-time.After(o.Timeout):
		return nil, fmt.Errorf("%w: %s: no answer within %v", ErrNoOutput, system(), o.Timeout)
	}
	if err := output.ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNoOutput, system(), err)
	}
	return &device{
		newPlayer: func(r io.Reader) puller { return output.ctx.NewPlayer(r) },
		latency:   audio.Frames(o.Latency),
		system:    system(),
		now:       time.Now,
		gain:      1,
	}, nil
}
