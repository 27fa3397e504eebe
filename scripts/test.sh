#!/usr/bin/env bash
# Runs every test of Court Ops Portal: type check, lint, unit/plugin/store tests (stores on SQLite
# and PostgreSQL), then the browser tests in Chromium against the portal started by scripts/start.sh.
# Exits non-zero when anything fails. Needs PostgreSQL on 127.0.0.1:5432 and /usr/bin/chromium
# (.ci/run makes sure of both).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Set before bootstrap: the test command checks the committed state, so a dependency install
# uses exactly the committed yarn.lock (--immutable) here as in CI; and Jest runs once, no watch.
export CI=true
source "$ROOT/scripts/bootstrap.sh" || exit 1
cd "$ROOT"

# Store tests run on SQLite and on this PostgreSQL (Backstage's TestDatabases, without Docker).
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"

failed=()
step() {
  local name="$1"; shift
  echo
  echo "==> $name"
  local started=$SECONDS
  if "$@"; then
    echo "<== $name: ok ($((SECONDS - started)) s)"
  else
    echo "<== $name: FAILED ($((SECONDS - started)) s)"
    failed+=("$name")
  fi
}

step "type check" yarn tsc
step "lint" yarn backstage-cli repo lint
step "unit, plugin and store tests" yarn backstage-cli repo test --maxWorkers=2
step "browser and restart tests" yarn workspace e2e test

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All test steps passed."
