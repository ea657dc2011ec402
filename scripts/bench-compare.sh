#!/usr/bin/env bash
# `npm run bench:compare -- <commit> [--scale state] [--driver pglite|postgres|both]`
#
# Benchmarks an earlier commit beside the working tree in one run, on one machine, so a change in a figure can be
# told from a change in the machine: the commit is checked out in a git worktree next to this one (its own
# production build, the same node_modules hard-linked), then `npm run bench` runs there and here, one after the
# other, and the load and per-request CPU figures are printed side by side. Everything it creates is removed.
set -euo pipefail
cd "$(dirname "$0")/.."
commit=${1:?usage: npm run bench:compare -- <commit> [bench options]}
shift
options=("$@")
[ ${#options[@]} -eq 0 ] && options=(--scale state --driver both)

here=$(pwd)
there="$(dirname "$here")/.abate-bench-$(git rev-parse --short "$commit")"
reports=$(mktemp -d)
cleanup() {
  git worktree remove --force "$there" >/dev/null 2>&1 || rm -rf "$there"
  rm -rf "$reports"
}
trap cleanup EXIT

git worktree add --detach --force "$there" "$commit" >/dev/null
if git diff --quiet "$commit" HEAD -- package-lock.json; then
  # Same dependencies: hard links on the same file system, no copy, and the bundler sees a real node_modules.
  cp -al "$here/node_modules" "$there/node_modules"
else
  # The commit had other dependencies (e.g. recharts, since removed): install its own lockfile.
  # (`npm install` where an old lockfile lacks the platform packages `npm ci` wants.)
  (cd "$there" && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; } >"$reports/install.log" 2>&1) || {
    tail -20 "$reports/install.log"
    echo "bench:compare: npm ci of $commit failed"
    exit 1
  }
fi
(cd "$there" && node node_modules/next/dist/bin/next build >"$reports/build.log" 2>&1) || {
  tail -20 "$reports/build.log"
  echo "bench:compare: the build of $commit failed"
  exit 1
}

echo "# bench of $commit (in $there)"
(cd "$there" && npx tsx scripts/bench.ts "${options[@]}" | tee "$reports/before.txt")
echo "# bench of the working tree ($(git rev-parse --short HEAD))"
npx tsx scripts/bench.ts "${options[@]}" | tee "$reports/after.txt"

echo
echo "# side by side: $commit, then the working tree"
for figure in page.locality.uncached.ttfb page.locality.cached.ttfb server.cpu_per_request load.locality.cached machine.loadavg; do
  grep -h -F "] $figure " "$reports/before.txt" | sed "s/^/before  /" || true
  grep -h -F "] $figure " "$reports/after.txt" | sed "s/^/after   /" || true
done
