#!/usr/bin/env bash
# Times what a user waits for in the shell: one Tab (the completion asks
# floorcoach what may come next), and 'floorcoach log' on the largest
# journal it reads (journal.MaxRead bytes, from its end), with peak memory.
# Usage: bench/shell.sh [RUNS]   (default 5 runs; best kept)
# Needs: go, python3, GNU time (/usr/bin/time).
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_setup 5 "$@"
export XDG_STATE_HOME="$work/state" FLOORCOACH_CACHE="$work/cache"

# best milliseconds of RUNS runs of a command (wall clock, GNU time's own
# start included), and its peak RSS in MB
measure() {
  local best="" rss=0 t m start
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    t=$((($(date +%s%N) - start) / 1000000))
    read -r m <"$work/time"
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "| $best ms | $((rss / 1024)) MB |"
}

echo "| job | time (best of $runs) | peak memory |"
echo "|---|---|---|"
echo "| Tab after \`play \` (sessions) $(measure "$fc" __complete play '')"
echo "| Tab after \`play --level \` $(measure "$fc" __complete play --level '')"
echo "| Tab after \`play lower-back --from \` (lays the session out) $(measure "$fc" __complete play lower-back --from '')"

mkdir -p "$XDG_STATE_HOME/floorcoach"
python3 - "$XDG_STATE_HOME/floorcoach/journal" <<'PY'
import json, sys
line = json.dumps({"start": "2026-11-03T18:02:11+01:00", "end": "2026-11-03T18:06:40+01:00",
    "session": "lower-back", "title": "Lower back relief", "level": "standard", "outcome": "stopped",
    "from": 1, "step": 3, "step_name": "Cat-cow", "steps": 7, "played_s": 242.3, "elapsed_s": 269},
    separators=(",", ":")) + "\n"
open(sys.argv[1], "w").write(line * (4 * 1024 * 1024 // len(line)))
PY
n=$(wc -l <"$XDG_STATE_HOME/floorcoach/journal")
echo "| \`log\`, a 4 MiB journal ($n sessions) $(measure "$fc" log)"
echo "| \`log --json\`, the same $(measure "$fc" log --json)"
