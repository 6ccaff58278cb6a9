#!/bin/sh
# Makes the music test files with ffmpeg. Each is a tone of known pitch,
# 440 Hz on the left and 660 Hz on the right, at -6 dBFS, faded in and out
# over 10 ms so that it starts and ends in silence.
set -e
cd "$(dirname "$0")"
stereo() { # rate seconds output [options]
  rate=$1 secs=$2 out=$3; shift 3
  fades="afade=t=in:d=0.01,afade=t=out:st=$(echo "$secs - 0.01" | bc):d=0.01"
  ffmpeg -v error -y -f lavfi \
    -i "aevalsrc=0.5*sin(2*PI*440*t)|0.5*sin(2*PI*660*t):s=$rate:d=$secs:c=stereo,$fades" \
    -map_metadata -1 "$@" "$out"
}
stereo 48000 4 tone-48k.mp3 -c:a libmp3lame -b:a 128k
stereo 32000 1.5 tone-32k.flac -c:a flac -sample_fmt s16
printf 'this is not music\n' > not-music.mp3
