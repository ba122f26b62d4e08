#!/usr/bin/env bash
# The whole test suite on a fresh machine: system packages the tests need,
# npm dependencies, then lint, typecheck and every package's tests.
# README's test command and .ci/run both call this script.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
# The dashboard's browser tests drive Debian's Chromium through playwright-core.
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing system packages: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing system packages: ${need_apt[*]} (run: sudo apt-get install -y ${need_apt[*]})" >&2
    exit 1
  fi
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
# Stale reports from an earlier run must not count.
rm -f packages/*/.vitest-results.json apps/*/.vitest-results.json collector/.vitest-results.json evals/.vitest-results.json
status=0
npm test || status=$?
node scripts/test-summary.mjs
exit $status
