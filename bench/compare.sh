#!/usr/bin/env bash
# Times floorcoach's exports against sox, lame and flac doing the same job on
# the same machine in the same run, and measures peak memory for a short and
# a two-hour session. Usage: bench/compare.sh [RUNS]   (default 3 runs; best kept)
# Needs: go, sox, lame, flac, GNU time (/usr/bin/time), taskset (util-linux).
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_setup 3 "$@"

# best SECONDS of RUNS runs of a command (wall clock), and its peak RSS in MB
measure() {
  local best="" rss=0 t m
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r t m <"$work/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $((rss / 1024))"
}

row() { # name, seconds, MB, audio seconds
  awk -v n="$1" -v s="$2" -v m="$3" -v a="$4" 'BEGIN{
    x = (s > 0) ? sprintf("%.0f", a / s) : "inf";
    printf "| %-44s | %7.2f s | %6s× | %4d MB |\n", n, s, x, m }'
}

len=$("$fc" show lower-back --json | sed -n 's/.*"duration":\([0-9.]*\).*/\1/p' | head -1)
echo "lower-back: $len s of audio; $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "| job | time (best of $runs) | × real time | peak memory |"
echo "|---|---|---|---|"
"$fc" export lower-back -o "$work/warm.wav" -q # fills the clip cache, as any earlier run would
read -r s m < <(measure taskset -c 0 "$fc" export lower-back -o "$work/a.wav" --force -q)
row "floorcoach export lower-back → WAV (1 core)" "$s" "$m" "$len"
read -r s m < <(measure taskset -c 0 sox -n "$work/b.wav" synth "$len" sine 440)
row "sox -n out.wav synth $len sine 440 (1 core)" "$s" "$m" "$len"
read -r s m < <(measure env FLOORCOACH_CACHE=off "$fc" export lower-back -o "$work/c.wav" --force -q)
row "floorcoach → WAV, clip cache off (2 cores)" "$s" "$m" "$len"
read -r s m < <(measure "$fc" export lower-back -o "$work/a.mp3" --force -q)
row "floorcoach export lower-back → MP3 128k" "$s" "$m" "$len"
read -r s m < <(measure lame --silent -b 128 "$work/a.wav" "$work/b.mp3")
row "lame -b 128 on the same WAV" "$s" "$m" "$len"
read -r s m < <(measure "$fc" export lower-back -o "$work/a.flac" --force -q)
row "floorcoach export lower-back → FLAC" "$s" "$m" "$len"
read -r s m < <(measure flac --silent -f -o "$work/b.flac" "$work/a.wav")
row "flac (default level) on the same WAV" "$s" "$m" "$len"

# Memory must not grow with the session: a two-minute and a two-hour script.
cat >"$work/long.yaml" <<'YAML'
title: Two hours
defaults: {rest: 15s}
steps:
  - repeat: 33
    steps:
      - {name: Knee hug, say: Hug one knee to your chest., hold: 45s, sides: [right, left]}
      - {name: Bridge, reps: 10, tempo: [2s, 2s], phases: [Up, Down], hold: 3s}
YAML
cat >"$work/short.yaml" <<'YAML'
title: Two minutes
steps:
  - {name: Knee hug, say: Hug one knee to your chest., hold: 45s, sides: [right, left]}
YAML
echo
for s in short long; do
  l=$("$fc" show "$work/$s.yaml" --json | sed -n 's/.*"duration":\([0-9.]*\).*/\1/p' | head -1)
  read -r t m < <(measure "$fc" export "$work/$s.yaml" -o "$work/$s.wav" --force -q)
  row "floorcoach → WAV, $s script" "$t" "$m" "$l"
  rm -f "$work/$s.wav"
done
