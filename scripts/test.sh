#!/usr/bin/env bash
# The whole test suite: lint, formatting (prettier --check), typecheck, then jest (unit, integration and e2e against real
# Postgres and a real Temporal dev server, which jest's global setup starts through the CLI). Then the two-by-two crash test on the
# real Temporal server (scripts/cluster-test.sh).
# Ends with one line "N passed, N failed, N skipped"; lint, formatting and typecheck count as one test each.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
step() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "!! $name failed"; failed=$((failed + 1)); fi
}

step lint npx eslint --max-warnings 0 .
step format npx prettier --check --log-level warn "**/*.{ts,tsx,js}"
step typecheck npm run --silent typecheck
# The console's browser tests (test/browser/) need its build and a Chromium (Debian's, installed when missing).
step console-build npm run --silent console:build
CHROMIUM_PATH=$(bash scripts/chromium.sh) || { echo "!! no Chromium for the browser tests"; failed=$((failed + 1)); }
export CHROMIUM_PATH

mkdir -p .data
report=.data/jest-report.json
rm -f "$report"
# Services first, with their progress on the terminal (the first run may build the Temporal CLI).
services=$(node bin/herald services up --json) || { echo "!! services did not start"; echo "$passed passed, $((failed + 1)) failed, 0 skipped"; exit 1; }
echo "services: $services"
npx jest --json --outputFile="$report" "$@"
jest_status=$?
# Stop what this run started; services that were already running stay up.
if node -e 'const s=JSON.parse(process.argv[1]).started; process.exit(s.postgres||s.temporal?0:1)' "$services"; then
  node bin/herald services down >/dev/null
fi

# The two-by-two crash test on the real Temporal server (docs/cluster.md): its own server, port and
# databases, started and stopped by the script; counted as one test.
step cluster bash scripts/cluster-test.sh

if [ -f "$report" ]; then
  read -r jp jf js < <(node -e 'const r=require(require("path").resolve(process.argv[1])); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0), r.numPendingTests + r.numTodoTests)' "$report" || echo "0 1 0")
else
  jp=0; jf=1; js=0
fi
jp=${jp:-0}; jf=${jf:-1}; js=${js:-0}
if [ "$jest_status" -ne 0 ] && [ "$jf" -eq 0 ]; then jf=1; fi
passed=$((passed + jp)); failed=$((failed + jf))
echo "$passed passed, $failed failed, $js skipped"
[ "$failed" -eq 0 ]
