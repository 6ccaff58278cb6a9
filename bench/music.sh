#!/usr/bin/env bash
# Times exports of lower-back with music under it (issue 13: 300x real time
# or faster, under 80 MB), and without, with the music made here by ffmpeg:
# three minutes of MP3 at 44.1 kHz, the same as FLAC at 48 kHz (resampled),
# and a folder of five one-minute MP3 tracks. The clip cache is warm, as
# after any earlier run; the music is decoded afresh each time.
# Usage: bench/music.sh [RUNS]   (default 3; best wall time kept)
# Needs: go, ffmpeg, GNU time (/usr/bin/time), taskset (util-linux).
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_setup 3 "$@"

# music: a slow chord over pink noise, as loud as music is mastered (-14 LUFS or so)
music() { # seconds rate output [codec options]
  local secs=$1 rate=$2 out=$3; shift 3
  ffmpeg -v error -y \
    -f lavfi -i "aevalsrc=0.3*sin(2*PI*220*t)+0.2*sin(2*PI*330*t+sin(t))|0.3*sin(2*PI*220*t)+0.2*sin(2*PI*277*t):s=$rate:d=$secs" \
    -f lavfi -i "anoisesrc=c=pink:a=0.15:r=$rate:d=$secs" \
    -filter_complex "[1:a]pan=stereo|c0=c0|c1=c0[n];[0:a][n]amix=inputs=2:normalize=0" "$@" "$out"
}
music 180 44100 "$work/calm.mp3" -b:a 128k
music 180 48000 "$work/calm.flac"
mkdir "$work/playlist"
for i in 1 2 3 4 5; do music 60 44100 "$work/playlist/0$i.mp3" -b:a 192k; done

# best wall SECONDS of RUNS runs, with the CPU time (user + system) and
# the peak RSS in MB of that run
measure() {
  local best="" cpu="" rss=0 t u s m
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r t u s m <"$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; cpu=$(awk "BEGIN{print $u + $s}"); fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $cpu $((rss / 1024))"
}

row() { # name, wall seconds, CPU seconds, MB, audio seconds
  awk -v n="$1" -v s="$2" -v c="$3" -v m="$4" -v a="$5" 'BEGIN{
    printf "| %-46s | %6.2f s | %5.0f× | %5.2f s | %3d MB |\n", n, s, a / s, c, m }'
}

len=$("$fc" show lower-back --json | sed -n 's/.*"duration":\([0-9.]*\).*/\1/p' | head -1)
echo "lower-back: $len s of audio; $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| job | wall (best of $runs) | × real time | CPU | peak memory |"
echo "|---|---|---|---|---|"
"$fc" export lower-back -o "$work/warm.wav" -q # fills the clip cache
job() { # name, export arguments…
  local name=$1; shift
  read -r s c m < <(measure "$@")
  row "$name" "$s" "$c" "$m" "$len"
}
job "voice only → WAV" "$fc" export lower-back -o "$work/a.wav" --force -q
job "voice only → WAV (1 core)" taskset -c 0 "$fc" export lower-back -o "$work/a.wav" --force -q
job "--music 3 min MP3 → WAV" "$fc" export lower-back -o "$work/b.wav" --force -q --music "$work/calm.mp3"
job "--music 3 min FLAC, 48 kHz → WAV" "$fc" export lower-back -o "$work/c.wav" --force -q --music "$work/calm.flac"
job "--music folder of 5 MP3s (5 min) → WAV" "$fc" export lower-back -o "$work/d.wav" --force -q --music "$work/playlist"
job "--music 3 min MP3 → MP3 128 kbit/s" "$fc" export lower-back -o "$work/e.mp3" --force -q --music "$work/calm.mp3"
job "--music 3 min MP3 → FLAC" "$fc" export lower-back -o "$work/f.flac" --force -q --music "$work/calm.mp3"
