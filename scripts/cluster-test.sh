#!/usr/bin/env bash
# The two-by-two crash test on the real Temporal server (docs/cluster.md): brings up Postgres and the
# Temporal server on it with `herald services up --cluster` (building the server with Go on first use),
# runs test/cluster/ with jest against that server, and stops what it started. Prints each step's time.
# The server gets a port and databases of its own, so a dev server on 7233 can keep running beside it:
# HERALD_CLUSTER_TEST_PORT (default 7433) and HERALD_CLUSTER_TEST_DATABASE (default temporal_cluster_test).
# Extra arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."

export TEMPORAL_PORT="${HERALD_CLUSTER_TEST_PORT:-7433}"
export TEMPORAL_CLUSTER_DATABASE="${HERALD_CLUSTER_TEST_DATABASE:-temporal_cluster_test}"
unset TEMPORAL_ADDRESS

started_at=$(date +%s)
services=$(node bin/herald services up --cluster --json) || { echo "!! the Temporal cluster did not start"; exit 1; }
echo "cluster: $services (up in $(($(date +%s) - started_at)) s)"
address=$(node -e 'console.log(JSON.parse(process.argv[1]).temporalAddress)' "$services")

jest_at=$(date +%s)
TEMPORAL_ADDRESS="$address" npx jest -c jest.cluster.config.js "$@"
status=$?
echo "cluster tests: $(($(date +%s) - jest_at)) s"

# Stop what this run started (the cluster, and Postgres if it was not running); the rest stays up.
if node -e 'process.exit(JSON.parse(process.argv[1]).started.temporal?0:1)' "$services"; then
  node bin/herald services down --only cluster >/dev/null
fi
if node -e 'process.exit(JSON.parse(process.argv[1]).started.postgres?0:1)' "$services"; then
  node bin/herald services down --only postgres >/dev/null
fi
exit "$status"
