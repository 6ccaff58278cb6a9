#!/bin/sh
# Regenerates the test voice packs. Needs sox, lame and flite.
# Run from this folder: sh make.sh
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p pack/tones pack/lines extends gapless

# A 440 Hz sine at half scale, 0.5 s, 16 kHz mono 16-bit WAV.
sox -n -r 16000 -c 1 -b 16 pack/tones/sine440-16k.wav synth 0.5 sine 440 vol 0.5

# The same sine as a 22.05 kHz mono MP3 (MPEG-2 layer III, 48 kbit/s).
# Not 24 or 32 kbit/s: go-mp3 v0.3.4 garbles 22.05 kHz MP3s at those rates.
sox -n -r 22050 -c 1 -b 16 "$tmp/sine22.wav" synth 0.5 sine 440 vol 0.5
lame --quiet --noreplaygain -m m -b 48 "$tmp/sine22.wav" pack/tones/sine440-22k.mp3

# 48 kHz stereo WAV, 0.1 s: a 440 Hz sine at 0.6 on the left, silence on
# the right, so a mono mix peaks near 0.3.
sox -n -r 48000 -c 2 -b 16 pack/tones/left440-48k.wav synth 0.1 sine 440 vol 0.6 remix 1 0

# 44.1 kHz mono WAV, 0.2 s of 660 Hz: no resampling needed.
sox -n -r 44100 -c 1 -b 16 pack/tones/sine660-44k.wav synth 0.2 sine 660 vol 0.5

# Speech from flite (voice slt, 16 kHz mono), one line as WAV, one as MP3.
flite -voice slt -t "Knee to chest." -o pack/lines/knee-to-chest.wav
flite -voice slt -t "Next." -o "$tmp/next.wav"
lame --quiet --noreplaygain -m m -b 32 "$tmp/next.wav" pack/lines/next.mp3

# The sine MP3 cut short in the middle of a frame.
head -c 1500 pack/tones/sine440-22k.mp3 > pack/tones/truncated.mp3

# Not audio at all.
printf 'This file is text, not an MP3.\n%.0s' 1 2 3 4 5 6 7 8 > pack/lines/corrupt.mp3

# A short 8 kHz blip for the pack that extends the default one.
sox -n -r 8000 -c 1 -b 16 extends/ready.wav synth 0.1 sine 600 vol 0.3 fade h 0.01 0.1 0.01

# A chirp as MP3s with and without a LAME tag (its encoder delay and padding).
sox -n -r 22050 -c 1 -b 16 "$tmp/chirp22.wav" synth 0.5 sine 200-4000 vol 0.5
sox -n -r 44100 -c 1 -b 16 "$tmp/chirp44.wav" synth 0.5 sine 200-4000 vol 0.5
lame --quiet --noreplaygain -m m -b 64 "$tmp/chirp22.wav" gapless/chirp-22k.mp3
lame --quiet --noreplaygain -m m -b 64 -t "$tmp/chirp22.wav" gapless/chirp-22k-notag.mp3
lame --quiet --noreplaygain -m m -b 64 --add-id3v2 --tt Chirp "$tmp/chirp44.wav" gapless/chirp-44k-id3.mp3
