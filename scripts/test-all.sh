#!/usr/bin/env bash
# `npm test`: lint, typecheck, dependency audit, unit and database tests (PGlite and PostgreSQL), build, then
# Playwright in Chromium and the fault-injection tests, both on that one build.
# `npm run test:quick` (this script with --quick): lint, typecheck and the unit tests that need no database.
#
# Stages run side by side where nothing orders them, each with its output in .test-reports/logs/<stage>.log,
# printed when the stage ends, with its time (wall and CPU). Order: lint, typecheck, the audit, the build and the
# Vitest tests start at once; Playwright and the fault tests start when the build is done. Each of them spends much
# of its time waiting (on servers, kill points, probes), so side by side they finish sooner than one after another
# (CI 2026-12-05, faults after Vitest: 1,458 s in all, with the two cores busy little more than half the time).
# Every stage runs even when another failed (except those that need a build after a failed build), and the last
# line counts the tests: "tests: N passed, N failed, N skipped".
set -uo pipefail
# No telemetry from the builds and servers the tests start (and no attempt to reach the network for it).
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

quick=false
if [ "${1:-}" = "--quick" ]; then quick=true; fi

mkdir -p .test-reports/logs
rm -f .test-reports/vitest.json .test-reports/playwright.json .test-reports/audit.json .test-reports/faults.json
rm -f .test-reports/logs/*
failed_stages=()
timings=()
began=$(date +%s)

# start_stage NAME COMMAND…: runs COMMAND in the background; its output, exit code, wall and CPU seconds go to
# .test-reports/logs/NAME.{log,rc,time}.
declare -A stage_pids=()
start_stage() {
  local name=$1
  shift
  local log=".test-reports/logs/${name// /-}"
  (
    start=$(date +%s.%N)
    "$@" >"$log.log" 2>&1
    rc=$?
    end=$(date +%s.%N)
    # `times`, second line: user and system CPU of this subshell's children (the stage's processes). Not in a
    # $(…), whose own subshell has no children.
    times >"$log.cpu"
    cpu=$(tail -n 1 "$log.cpu" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); n += p[1] * 60 + p[2] } printf "%.0f", n }')
    echo "$rc" >"$log.rc"
    awk -v s="$start" -v e="$end" -v b="$began" -v c="$cpu" \
      'BEGIN { printf "%.0f s (CPU %s s), from %.0f s to %.0f s\n", e - s, c, s - b, e - b }' >"$log.time"
  ) &
  stage_pids[$name]=$!
  echo "started: $name"
}

# finish_stage NAME: waits for the stage, prints its output and time; returns its exit code.
finish_stage() {
  local name=$1
  local log=".test-reports/logs/${name// /-}"
  wait "${stage_pids[$name]}"
  local rc
  rc=$(cat "$log.rc" 2>/dev/null || echo 1)
  local time
  time=$(cat "$log.time" 2>/dev/null || echo "?")
  echo
  echo "=== $name ==="
  cat "$log.log"
  if [ "$rc" = 0 ]; then
    echo "--- $name: passed in $time"
    timings+=("$(printf '%-24s passed  %s' "$name" "$time")")
  else
    echo "--- $name: FAILED (exit $rc) in $time"
    timings+=("$(printf '%-24s FAILED  %s' "$name" "$time")")
    failed_stages+=("$name")
  fi
  return "$rc"
}

# The end-to-end tests need Debian's headless Chromium (Playwright cannot download browsers here; e2e/chromium.ts)
# and PgBouncer (the two-servers test runs one server through it). Both come from Debian's packages.
ensure_e2e_packages() {
  local chromium=${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}
  local pgbouncer=${PGBOUNCER_PATH:-/usr/sbin/pgbouncer}
  local missing=()
  [ -x "$chromium" ] || missing+=(chromium-headless-shell)
  [ -x "$pgbouncer" ] || missing+=(pgbouncer)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Missing: ${missing[*]}: installing from Debian's packages…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) && return 0
    echo "Could not install ${missing[*]} with apt-get."
    return 1
  fi
  echo "Missing: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}),"
  echo "or set CHROMIUM_PATH / PGBOUNCER_PATH to where they are, then run npm test again."
  return 1
}

vitest_json=(--reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json)

# The fault tests time their servers: a health probe must be answered within 5 s while a 200,000-line upload runs.
# The other stages only need throughput, so they run at a lower CPU priority and yield the cores to the fault tests'
# servers when both want them. Side by side at one priority on two cores, everything ran 4-8 times slower than
# alone, and a server under test went unanswered for over 5 s (CI 2026-12-07: 11 of 813 probes, twice in a row).
# Whatever runs niced takes the same CPU in all; only the order in which the kernel hands it out changes.
background=(nice -n 5)

start_stage "lint" "${background[@]}" npm run --silent lint
start_stage "typecheck" "${background[@]}" npm run --silent typecheck
if $quick; then
  start_stage "unit tests" npx vitest run --project unit "${vitest_json[@]}"
else
  start_stage "dependency audit" node scripts/audit-dependencies.mjs
  # glibc's malloc hands freed memory back to the kernel and takes it again, a page fault a page: the database tests
  # (a PGlite per test file, in workers that each build and drop large heaps) spent a quarter of their CPU in the
  # kernel. Keeping it: measured on lib/data/locality-year-totals.test.ts, 705,000 → 522,000 page faults and 34 → 30
  # CPU-seconds. Only for this stage: the fault tests measure their servers' memory as a deployment would run them.
  start_stage "unit and database tests" "${background[@]}" env GLIBC_TUNABLES=glibc.malloc.trim_threshold=1073741824:glibc.malloc.mmap_threshold=1073741824 \
    npx vitest run "${vitest_json[@]}"
  start_stage "chromium and pgbouncer" ensure_e2e_packages
  built=false
  if finish_stage "chromium and pgbouncer"; then
    # The typecheck stage checks the types of everything the build compiles (next.config.js).
    start_stage "build" env ABATE_TEST_BUILD=1 npx next build
    finish_stage "build" && built=true
  fi
  if $built; then
    start_stage "end-to-end tests" "${background[@]}" npx playwright test
    # Faults injected into running imports, servers and databases (issue #8): SIGKILL mid-import, PostgreSQL cut
    # and restarted, full and read-only data folders, heavy uploads. Uses the build above; prints "faults: N injected …".
    start_stage "fault tests" npm run --silent test:faults
  fi
fi

finish_stage "lint"
finish_stage "typecheck"
if $quick; then
  finish_stage "unit tests"
else
  finish_stage "dependency audit"
  finish_stage "unit and database tests"
  if $built; then
    finish_stage "end-to-end tests"
    finish_stage "fault tests"
  fi
fi

echo
echo "=== stage times (wall, CPU of the stage's processes, from–to since the start) ==="
printf '%s\n' "${timings[@]}"
echo "total: $(($(date +%s) - began)) s"
node scripts/test-summary.mjs "${failed_stages[@]+"${failed_stages[@]}"}"
