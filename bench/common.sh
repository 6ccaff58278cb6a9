# Sourced by the bench scripts. bench_setup DEFAULT_RUNS [RUNS] moves to the
# repository's root, makes a work folder that is removed on exit and
# builds floorcoach into it. It sets runs (RUNS, or DEFAULT_RUNS), work
# and fc (the binary).
bench_setup() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  runs=${2:-$1}
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  go build -o "$work/floorcoach" ./cmd/floorcoach
  fc="$work/floorcoach"
}
