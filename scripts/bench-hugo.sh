#!/usr/bin/env bash
# Times reportsite against Hugo on the same work: for each number of reports
# N, a synthsite root of N reports and its Hugo twin (scripts/hugotwin), each
# built RUNS times by the compiled command, output on the same file system.
#
#   scripts/bench-hugo.sh [N ...]            default: 10 100 250 1000
#
# Environment:
#   BENCH_OUT  the folder under which both write their output (default
#              /dev/shm, a tmpfs); the script works in a new folder inside it
#              and removes only that folder
#   RUNS       builds per tool and size (default 3); the table shows the median
#   KEEP=1     keep the generated inputs and the outputs, and say where
#
# reportsite builds without its search index (REPORTSITE_PAGEFIND=off), as
# the twin has none.
#
# Prints one row per N: the HTML pages each wrote; the wall time (s), CPU
# time (user + system, s) and peak resident memory (MB) of each; reportsite's
# as a fraction of Hugo's (below 1: reportsite needs less); and the
# one-minute load average after the runs. Other work on the machine makes
# wall times noisy; CPU time suffers less from it.
#
# Needs bash, go, hugo, /usr/bin/time, awk, find, sort.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 250 1000)
runs=${RUNS:-3}
out_parent=${BENCH_OUT:-/dev/shm}

for tool in go hugo /usr/bin/time awk; do
  command -v "$tool" >/dev/null || { echo "bench-hugo: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-hugo.XXXXXX")  # inputs and binaries
out=$(mktemp -d "$out_parent/bench-hugo-out.XXXXXX")     # build outputs
if [ "${KEEP:-}" = 1 ]; then
  trap 'echo "kept inputs in $work, outputs in $out" >&2' EXIT
else
  trap 'rm -rf "$work" "$out"' EXIT
fi

go build -o "$work/reportsite" ./cmd/reportsite
go build -o "$work/synthsite" ./cmd/synthsite
go build -o "$work/hugotwin" ./scripts/hugotwin

# timed FILE CMD...: runs CMD with its output discarded, appends "wall-s
# peak-KB user-s system-s" to FILE, and fails loudly if CMD fails.
timed() {
  local file=$1
  shift
  if ! /usr/bin/time -f '%e %M %U %S' -a -o "$file" "$@" >"$work/log" 2>&1; then
    echo "bench-hugo: failed: $*" >&2
    cat "$work/log" >&2
    exit 1
  fi
}

# median FILE COLUMN: the median of a column of FILE (column 5 is the CPU
# time, user + system).
median() {
  awk '{ print $0, $3 + $4 }' "$1" | sort -n -k"$2","$2" |
    awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# pages DIR: the HTML files a build wrote.
pages() { find "$1" -name '*.html' -type f | wc -l; }

# reports DIR LANG: the report pages of one language.
reports() { find "$1/$2/reports" -mindepth 2 -maxdepth 2 -name index.html -type f | wc -l; }

echo "$(nproc) cores; $(uname -r); $(go version | cut -d' ' -f3); $(hugo version | cut -d' ' -f1-2); output in $out_parent; $runs runs each, medians"
printf '%7s %8s %10s  %6s %6s %6s  %6s %8s %7s  %8s %7s %7s  %5s\n' \
  reports "rs pages" "hugo pages" "rs s" "rs cpu" "rs MB" "hugo s" "hugo cpu" "hugo MB" "time r/h" "cpu r/h" "mem r/h" load
for n in "${sizes[@]}"; do
  site=$work/site-$n twin=$work/twin-$n
  "$work/synthsite" -reports "$n" -out "$site" >/dev/null
  "$work/hugotwin" -root "$site" -out "$twin" >/dev/null
  rm -f "$work/rs-$n" "$work/hugo-$n"
  for _ in $(seq "$runs"); do
    rm -rf "$out/rs" "$out/hugo"
    timed "$work/rs-$n" env REPORTSITE_PAGEFIND=off "$work/reportsite" build -root "$site" -out "$out/rs"
    timed "$work/hugo-$n" hugo --quiet --source "$twin" --destination "$out/hugo"
  done
  # Both must have rendered every report in both languages.
  for lang in zh en; do
    for dir in "$out/rs" "$out/hugo"; do
      got=$(reports "$dir" "$lang")
      if [ "$got" -ne "$n" ]; then
        echo "bench-hugo: $dir has $got $lang report pages, want $n" >&2
        exit 1
      fi
    done
  done
  awk -v n="$n" -v rp="$(pages "$out/rs")" -v hp="$(pages "$out/hugo")" \
    -v rs="$(median "$work/rs-$n" 1)" -v rc="$(median "$work/rs-$n" 5)" -v rk="$(median "$work/rs-$n" 2)" \
    -v hs="$(median "$work/hugo-$n" 1)" -v hc="$(median "$work/hugo-$n" 5)" -v hk="$(median "$work/hugo-$n" 2)" \
    -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
      printf "%7d %8d %10d  %6.2f %6.2f %6.0f  %6.2f %8.2f %7.0f  %8.2f %7.2f %7.2f  %5s\n",
        n, rp, hp, rs, rc, rk / 1024, hs, hc, hk / 1024, rs / hs, rc / hc, rk / hk, load
    }'
done
