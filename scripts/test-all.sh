#!/usr/bin/env bash
# `npm test`: lint, typecheck, dependency audit, unit and database tests (PGlite and PostgreSQL), build, then
# Playwright in Chromium, then the fault-injection tests.
# Every stage runs even when an earlier one failed (except e2e after a failed build), and the last line counts
# the tests: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .test-reports
rm -f .test-reports/vitest.json .test-reports/playwright.json .test-reports/audit.json .test-reports/faults.json
failed_stages=()

stage() {
  local name=$1
  shift
  echo
  echo "=== $name ==="
  if ! "$@"; then
    failed_stages+=("$name")
    return 1
  fi
}

# The end-to-end tests need Debian's Chromium (Playwright cannot download browsers here) and PgBouncer (the
# two-servers test runs one server through it). Both come from Debian's packages.
ensure_e2e_packages() {
  local chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  local pgbouncer=${PGBOUNCER_PATH:-/usr/sbin/pgbouncer}
  local missing=()
  [ -x "$chromium" ] || missing+=(chromium)
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

stage "lint" npm run --silent lint
stage "typecheck" npm run --silent typecheck
stage "dependency audit" node scripts/audit-dependencies.mjs
stage "unit and database tests" npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json
if stage "chromium and pgbouncer" ensure_e2e_packages && stage "build" npx next build; then
  stage "end-to-end tests" npx playwright test
  # Faults injected into running imports, servers and databases (issue #8): SIGKILL mid-import, PostgreSQL cut
  # and restarted, full and read-only data folders. Uses the build above; prints "faults: N injected …".
  stage "fault tests" npm run --silent test:faults
fi

node scripts/test-summary.mjs "${failed_stages[@]+"${failed_stages[@]}"}"
