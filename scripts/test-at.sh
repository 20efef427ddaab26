#!/usr/bin/env bash
# Runs a command (default: the whole suite, `pnpm test` in this repository) in the current folder, with every process's clock moved to a given instant.
#
#   bash scripts/test-at.sh "2027-01-31T23:59:30+07:00"              # pnpm test, starting at that instant
#   bash scripts/test-at.sh "2027-01-31T23:59:30+07:00" pnpm test:e2e  # any other command
#   bash scripts/test-at.sh --matrix                                  # every instant below, one after another
#
# Debian's libfaketime moves the wall clock of every Node process started under it (pnpm, vitest and its workers,
# the local stack, the Zalo emulator) by one fixed offset, so they agree with each other and time still runs:
# a run started at 23:59:30 crosses midnight 30 seconds in. Monotonic clocks (timers, timeouts) are left alone.
# DynamoDB Local's JVM and Chromium keep the real clock: under libfaketime they start many times slower (seen
# here: 27 s → 187 s and 8 s → 121 s), and neither needs it: the product takes every time from its Clock port,
# never from DynamoDB (TTL deletion is not relied on), and the browser tests give each page the stack's clock.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# The instants the suite must pass at (Vietnam time, UTC+7), and why each one.
matrix=(
  "2026-12-08T03:00:00+07:00"  # quiet hours: no ZNS from 22:00 to 06:00
  "2027-01-31T23:59:30+07:00"  # last minute of a month: the run crosses into February
  "2026-12-31T23:59:30+07:00"  # last minute of a year
  "2026-12-09T06:59:30+07:00"  # Vietnam's day is a day ahead of the UTC day (before 07:00)
  "2026-12-12T10:00:00+07:00"  # a Saturday
  "2027-02-11T08:00:00+07:00"  # the first working day after Tết 2027 (off 2027-02-04 to 2027-02-10)
  "2028-02-29T09:00:00+07:00"  # a leap day
)

ensure_faketime() {
  if [ -z "$(faketime_library)" ]; then
    echo "› installing Debian's faketime"
    if [ "$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq faketime >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq faketime >/dev/null
    fi
  fi
}

faketime_library() {
  local candidate
  for candidate in /usr/lib/*/faketime/libfaketimeMT.so.1 /usr/lib/faketime/libfaketimeMT.so.1; do
    [ -f "$candidate" ] && { echo "$candidate"; return; }
  done
}

run_at() {
  local instant="$1"; shift
  local target now
  target=$(date -u -d "$instant" +%s) || { echo "✗ not an instant: $instant" >&2; exit 2; }
  now=$(date -u +%s)
  echo "› $* at $(TZ=Asia/Ho_Chi_Minh date -d "@$target" '+%Y-%m-%d %H:%M:%S %a') Vietnam time ($(date -u -d "@$target" '+%Y-%m-%dT%H:%M:%SZ'))"
  local started=$SECONDS
  # An offset in seconds from the real clock, the same for every process of the run.
  LD_PRELOAD="$(faketime_library)" FAKETIME="$(printf '%+d' $((target - now)))" FAKETIME_DONT_FAKE_MONOTONIC=1 \
    FAKETIME_SKIP_CMDS=java,chromium "$@"
  echo "✓ passed at $instant in $((SECONDS - started)) s"
}

ensure_faketime
if [ "${1:-}" = "--matrix" ]; then
  shift
  for instant in "${matrix[@]}"; do
    if [ $# -gt 0 ]; then run_at "$instant" "$@"; else run_at "$instant" pnpm --dir "$root" test; fi
  done
  echo "✓ the suite passed at all ${#matrix[@]} instants"
elif [ $# -ge 1 ]; then
  instant="$1"; shift
  if [ $# -gt 0 ]; then run_at "$instant" "$@"; else run_at "$instant" pnpm --dir "$root" test; fi
else
  echo "usage: bash scripts/test-at.sh <instant> [command…] | --matrix [command…]" >&2
  exit 2
fi
