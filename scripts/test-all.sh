#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit and database tests (PGlite and PostgreSQL), build, then Playwright in Chromium.
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

ensure_chromium() {
  local chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  [ -x "$chromium" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium package…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) && return 0
    echo "Could not install chromium with apt-get."
    return 1
  fi
  echo "Chromium is missing at $chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium)"
  echo "or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again."
  return 1
}

stage "lint" npm run --silent lint
stage "typecheck" npm run --silent typecheck
stage "dependency audit" node scripts/audit-dependencies.mjs
stage "unit and database tests" npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json
if stage "chromium" ensure_chromium && stage "build" npx next build; then
  stage "end-to-end tests" npx playwright test
fi

node scripts/test-summary.mjs "${failed_stages[@]+"${failed_stages[@]}"}"
