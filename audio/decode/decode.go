package decode

import "fmt"

// MaxClipBytes is the largest clip file Open is meant for: read a clip with
// ReadFile and this limit.
const MaxClipBytes = maxClipBytes

// MP3 decodes the bytes of an MP3 file as the player does: mixed
// down to mono, at the file's own sample rate, with the decoder's delay
// and, when the file has a LAME tag, the tag frame, the encoder's delay and
// the padding removed (see mp3Gap). It returns the samples and the rate.
func MP3(data []byte) ([]float32, int, error) {
	f, err := Open(data, "clip.mp3")
	if err != nil {
		return nil, 0, err
	}
	samples, err := f.Samples()
	if err != nil {
		return nil, 0, fmt.Errorf("audio: decode MP3: %w", err)
	}
	return samples, f.rate, nil
}

// Rate returns the file's sample rate in Hz.
func (f *File) Rate() int { return f.rate }

// Frames returns the frames of sound in the file, at its rate: without an
// MP3's delays and padding.
func (f *File) Frames() int64 { return f.frames }
