#!/usr/bin/env bash
# Crash safety, proved: kills `cmr nightly` with SIGKILL at points spread over a night (ingest,
# silver, state, attribution, settlement, kpis, coefficient publication, export), reruns the
# night after each kill, and checks that
#   - every gold, silver, state, bronze and ops table equals an uninterrupted run (ops/job_runs:
#     every row of the uninterrupted run is there; the killed run's own rows come on top),
#   - the live coefficient files and the latest dashboard export equal the uninterrupted run's,
#   - LATEST (coefficients and exports) never named a missing or incomplete version, checked
#     right after each kill,
#   - the rerun took the killed writer's lock over (its pid had ended).
# Usage: scripts/crash-test.sh [KILLS (default 10)] [WORK_DIR (default target/crash-test)]
# Needs the built project (bin/cmr builds it). About 15 minutes for 10 kills on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kills="${1:-10}"
work="$(mkdir -p "${2:-$here/target/crash-test}" && cd "${2:-$here/target/crash-test}" && pwd)"
cmr="$here/bin/cmr"
from=2026-10-08
days=16
night=2026-10-24          # the night that is killed: the day after the base backfill
base_to=2026-10-23
landing="$work/landing"
wh="$work/wh"             # every run uses this path, so the values that hold it compare equal

log() { printf '[crash-test] %s\n' "$*"; }

cd "$work"
if [ ! -d "$work/base" ]; then
  log "generating $days days of small sample data and backfilling $from .. $base_to (the base)"
  rm -rf "$landing" "$wh"
  "$cmr" generate --scale small --from "$from" --days "$((days + 1))" --landing "$landing" \
    --truth "$work/truth" --overwrite > "$work/generate.log" 2>&1
  "$cmr" backfill --from "$from" --to "$base_to" --landing "$landing" --warehouse "$wh" \
    > "$work/base.log" 2>&1
  mv "$wh" "$work/base"
fi

dump() { # $1 = out dir
  rm -rf "$1"
  "$cmr" dump --warehouse "$wh" --landing "$landing" --root "$work" \
    --layers bronze,silver,state,gold,ops --out "$1" > /dev/null 2>&1
}

live_files() { # $1 = out dir: the live coefficient version's CSVs and the latest export's pages
  rm -rf "$1" && mkdir -p "$1"
  local v
  v="$(cat "$wh/published/coefficients/LATEST")"
  cp "$wh/published/coefficients/$v/campaigns.csv" "$wh/published/coefficients/$v/channels.csv" "$1/"
  v="$(cat "$wh/exports/LATEST")"
  cp "$wh/exports/$v/overview.html" "$wh/exports/$v/merchants.html" "$1/"
}

# LATEST names a complete version: the folder exists, is not hidden, and holds its files
check_latest() {
  local v
  v="$(cat "$wh/published/coefficients/LATEST")"
  for f in manifest.json campaigns.csv channels.csv; do
    [ -s "$wh/published/coefficients/$v/$f" ] || { echo "coefficients LATEST names $v without $f"; return 1; }
  done
  if [ -f "$wh/exports/LATEST" ]; then
    v="$(cat "$wh/exports/LATEST")"
    for f in overview.html overview.ipynb merchants.html merchants.ipynb; do
      [ -s "$wh/exports/$v/$f" ] || { echo "exports LATEST names $v without $f"; return 1; }
    done
  fi
}

log "uninterrupted run of $night (the reference)"
rm -rf "$wh" && cp -a "$work/base" "$wh"
start=$(date +%s%N)
"$cmr" nightly --date "$night" --landing "$landing" --warehouse "$wh" > "$work/reference.log" 2>&1
total=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
dump "$work/ref-dump"
live_files "$work/ref-live"
log "reference night took ${total}s"

results="$work/results.txt"
: > "$results"
identical=0
for i in $(seq 1 "$kills"); do
  rm -rf "$wh" && cp -a "$work/base" "$wh"
  # kill points spread over the night: i/(kills+1) of 90% of the reference duration (a night's
  # length varies by a few seconds: the last point must still fall inside it)
  at=$(awk -v t="$total" -v i="$i" -v n="$kills" 'BEGIN { printf "%.1f", 0.9 * t * i / (n + 1) }')
  "$cmr" nightly --date "$night" --landing "$landing" --warehouse "$wh" > "$work/killed-$i.log" 2>&1 &
  pid=$!
  sleep "$at"
  kill -9 "$pid" 2>/dev/null || true   # bin/cmr execs the JVM: this is the nightly itself
  wait "$pid" 2>/dev/null || true
  during="$(grep -E '^\[ *[0-9.]+s\] [a-z]+ ' "$work/killed-$i.log" | tail -1 | sed -E 's/^\[ *[0-9.]+s\] //' | cut -c1-70)"
  latest_ok="yes"
  check_latest > "$work/latest-$i.txt" 2>&1 || latest_ok="no: $(cat "$work/latest-$i.txt")"
  lock_left="$([ -f "$wh/_writer.lock" ] && echo yes || echo no)"
  # rerun the night
  if "$cmr" nightly --date "$night" --landing "$landing" --warehouse "$wh" > "$work/rerun-$i.log" 2>&1; then
    rerun="ok"
  else
    rerun="FAILED (exit $?)"
  fi
  takeover="$(grep -c 'took over the writer lock' "$work/rerun-$i.log" || true)"
  dump "$work/crash-dump"
  live_files "$work/crash-live"
  same="yes"
  diff -r -x ops.job_runs.txt "$work/ref-dump" "$work/crash-dump" > "$work/diff-$i.txt" 2>&1 || same="no"
  # every row of the reference run log is in the crash run log (the killed run's rows come on top)
  missing=$(comm -23 <(sort "$work/ref-dump/delta/ops.job_runs.txt") <(sort "$work/crash-dump/delta/ops.job_runs.txt") | grep -vc '^--$' || true)
  [ "$missing" = "0" ] || { same="no"; echo "job_runs: $missing reference rows missing" >> "$work/diff-$i.txt"; }
  diff -r "$work/ref-live" "$work/crash-live" >> "$work/diff-$i.txt" 2>&1 || same="no"
  if [ "$same" = "yes" ] && [ "$rerun" = "ok" ] && [ "${latest_ok}" = "yes" ]; then
    identical=$((identical + 1))
  fi
  line="kill $i at ${at}s, during: ${during:-start-up} | LATEST complete: $latest_ok | lock left: $lock_left, taken over: $takeover | rerun: $rerun | identical: $same"
  echo "$line" | tee -a "$results"
done
echo "identical after rerun: $identical/$kills (reference night ${total}s)" | tee -a "$results"
[ "$identical" = "$kills" ]
