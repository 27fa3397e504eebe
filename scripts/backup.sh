#!/usr/bin/env bash
# See scripts/backup.mjs: runs it with the portal's Node and its better-sqlite3.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh" >/dev/null
exec node "$ROOT/scripts/backup.mjs" "$@"
