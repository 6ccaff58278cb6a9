// Package pack loads voice packs: the voice of a session, the clip that
// says each of its lines.
//
// A voice pack is a folder holding voice.yaml and the clips it names:
//
//	name: anna
//	language: en
//	extends: default          # optional: lines this pack lacks come from the default pack
//	clips:                    # the text of a line -> its clip, relative to this folder
//	  "Knee-to-chest.": lines/knee-to-chest.mp3
//	  "one": numbers/01.wav
//
// Clips are MP3 or WAV, at any rate, mono or stereo. Load reads a
// pack from any fs.FS; Default reads the one built into the program.
// Lines match by NormalizeText: case, spacing and punctuation are ignored,
// so "Next:" finds the clip of "next". Voice.Length gives a clip's length
// from its header alone, and Voice.Sound decodes it once into a Sound of
// exactly that length (an audio.Sound); Voice.Preload decodes many at once, on every CPU.
// An MP3 loses the silence its encoder and decoder add, as its LAME tag
// says (without one, only the decoder's 529 frames). Decoded clips are
// kept on disk for the next run, in the user's cache folder or where
// FLOORCOACH_CACHE says ("off" for nowhere).
//
// A pack extends at most four packs deep, each "default", one of the
// user's packs by name, or a folder beside it or inside it (never further
// out). Only regular files are read: a voice.yaml, clip or cache entry
// that is a named pipe or a device is an error, never a wait.
//
// Open finds a pack as --voice names it; the user's own packs live in
// folders under Root. A Writer adds clips to a pack on disk; Writers in
// several processes may add to one pack at once (each locks it while it
// adds a clip), and every line any of them adds is kept.
package pack
