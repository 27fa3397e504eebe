#!/usr/bin/env bash
# Starts Court Ops Portal on its embedded default: one process on http://localhost:${PORT:-7007}
# serving the backend and the built frontend, with SQLite files under ${COURT_OPS_DATA_DIR:-./data}.
# It runs the built backend with NODE_ENV=production, building it (and the frontend) first when a
# source changed. Ctrl-C or SIGTERM stops it gracefully, within 10 s.
#
#   bash scripts/start.sh                                        # the embedded default
#   bash scripts/start.sh --config app-config.production.yaml    # production: README, "Production"
#
# Further `--config FILE`s (relative to where you are) are read after app-config.yaml and a
# developer's own app-config.local.yaml (git ignores it), when there is one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

configs=(--config "$ROOT/app-config.yaml")
[ -f "$ROOT/app-config.local.yaml" ] && configs+=(--config "$ROOT/app-config.local.yaml")
while [ $# -gt 0 ]; do
  case "$1" in
    --config)
      [ -f "${2:-}" ] || { echo "[start] no config file '${2:-}'" >&2; exit 2; }
      configs+=(--config "$(realpath "$2")")
      shift 2
      ;;
    *) echo "[start] unknown argument '$1' (only --config FILE)" >&2; exit 2 ;;
  esac
done

source "$ROOT/scripts/bootstrap.sh"

export PORT="${PORT:-7007}"
export COURT_OPS_DATA_DIR="${COURT_OPS_DATA_DIR:-$ROOT/data}"
mkdir -p "$COURT_OPS_DATA_DIR"
export COURT_OPS_DATA_DIR="$(cd "$COURT_OPS_DATA_DIR" && pwd)"

# `yarn workspace backend build` builds every workspace package the backend uses, and the frontend
# (packages/app, which the backend serves), then packs them into packages/backend/dist/bundle.tar.gz
# for a container image. Here the bundle is unpacked next to the backend's own dist/index.cjs.js:
# the court's packages, built, under packages/backend/dist/node_modules, where Node finds them
# before the workspace links to their TypeScript sources; third-party packages come from the
# repository's node_modules as usual.
backend_dist="$ROOT/packages/backend/dist"
backend_main="$backend_dist/index.cjs.js"

sources_changed() {
  [ ! -f "$backend_main" ] && return 0
  local changed
  changed="$(cd "$ROOT" && find packages/app packages/backend plugins yarn.lock \
    \( -name node_modules -o -name dist -o -name dist-types -o -name coverage \) -prune \
    -o -type f -newer "$backend_main" -print -quit 2>/dev/null)"
  [ -n "$changed" ]
}

unpack_backend() {
  local bundle
  bundle="$(mktemp -d)"
  tar -xzf "$backend_dist/bundle.tar.gz" -C "$bundle"
  rm -rf "$backend_dist/node_modules"
  local package name
  for package in "$bundle"/packages/* "$bundle"/plugins/*; do
    name="$(node -p 'require(process.argv[1]).name' "$package/package.json")"
    case "$name" in
      backend) cp -R "$package"/dist/. "$backend_dist/" ;;
      app) ;; # the backend serves packages/app/dist, built in place by the same build
      *)
        mkdir -p "$backend_dist/node_modules/$(dirname "$name")"
        mv "$package" "$backend_dist/node_modules/$name"
        ;;
    esac
  done
  rm -rf "$bundle"
  touch "$backend_main"
}

if sources_changed; then
  echo "[start] building the backend and the frontend (about a minute on two cores)" >&2
  (cd "$ROOT" && yarn workspace backend build) >&2
  unpack_backend
fi

echo "[start] data in $COURT_OPS_DATA_DIR, port $PORT" >&2
cd "$ROOT/packages/backend" # catalog and runbook paths in app-config.yaml are relative to it

# The backend thread's heap limit. With one below V8's default, V8 grows the heap to at most 1.3-2
# times what survived its last full collection instead of 4 times: with 100,000 tickets the whole
# backend peaked at 916 MB instead of 1,054-1,176 (docs/operations.md, "The heap limit"). A year's
# report files render within 1 GB of heap.
heap_mb="${COURT_OPS_HEAP_MB:-1536}"
[[ "$heap_mb" =~ ^[1-9][0-9]*$ ]] || { echo "[start] COURT_OPS_HEAP_MB must be megabytes (a whole number above 0), not '$heap_mb'" >&2; exit 2; }

# exec: the signal that stops this script reaches the backend itself, with nothing in between, and
# its output goes straight to ours (it prints "Court Ops Portal is ready" itself once every plugin is
# up: packages/backend/src/rootHttpRouter.ts).
# --no-node-snapshot: the scaffolder's template sandbox (isolated-vm) needs it on Node 20 and later.
export NODE_ENV=production
exec node --no-node-snapshot --max-old-space-size="$heap_mb" . "${configs[@]}"
