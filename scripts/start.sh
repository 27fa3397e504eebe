#!/usr/bin/env bash
# Starts Court Ops Portal on its embedded default: one process on http://localhost:${PORT:-7007}
# serving the backend and the built frontend, with SQLite files under ${COURT_OPS_DATA_DIR:-./data}.
# Installs and builds whatever is missing first. Ctrl-C stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh"

export PORT="${PORT:-7007}"
export COURT_OPS_DATA_DIR="${COURT_OPS_DATA_DIR:-$ROOT/data}"
mkdir -p "$COURT_OPS_DATA_DIR"
export COURT_OPS_DATA_DIR="$(cd "$COURT_OPS_DATA_DIR" && pwd)"

# The frontend is rebuilt only when a frontend source is newer than the last build.
app_index="$ROOT/packages/app/dist/index.html"
if [ ! -f "$app_index" ] || [ -n "$(find "$ROOT/packages/app/src" "$ROOT/packages/app/public" "$ROOT"/plugins/*/src -newer "$app_index" -type f -print -quit 2>/dev/null)" ]; then
  echo "[start] building the frontend (about a minute on two cores)" >&2
  (cd "$ROOT" && yarn workspace app build) >&2
fi

# The scaffolder's template sandbox needs this on Node 20 and later.
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-node-snapshot"
echo "[start] data in $COURT_OPS_DATA_DIR, port $PORT" >&2
cd "$ROOT/packages/backend"
yarn backstage-cli package start 2>&1 | while IFS= read -r line; do
  printf '%s\n' "$line"
  if [[ "$line" == *"Plugin initialization complete"* ]]; then
    printf '\n  Court Ops Portal is ready: http://localhost:%s\n\n' "$PORT"
  fi
done
