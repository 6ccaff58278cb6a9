package mp3frame

// DecoderDelay is the delay, in frames, that every MP3 decoder adds before
// the first encoded frame: go-mp3 and ffmpeg alike. A LAME tag's delay
// does not include it.
const DecoderDelay = 529
