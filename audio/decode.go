package audio

import "fmt"

// DecodeMP3 decodes the bytes of an MP3 file as the player does: mixed
// down to mono, at the file's own sample rate, with the decoder's delay
// and, when the file has a LAME tag, the tag frame, the encoder's delay and
// the padding removed (see mp3Gap). It returns the samples and the rate.
func DecodeMP3(data []byte) ([]float32, int, error) {
	f, err := openClip(data, "clip.mp3")
	if err != nil {
		return nil, 0, err
	}
	samples, err := f.readSound()
	if err != nil {
		return nil, 0, fmt.Errorf("audio: decode MP3: %w", err)
	}
	return samples, f.rate, nil
}
