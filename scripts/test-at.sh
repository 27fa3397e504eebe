#!/usr/bin/env bash
# Runs the Jest suite (unit, plugin and store tests) with the machine's clock set to an instant,
# ticking on from there, through Debian's faketime (libfaketime). The suite must pass at any
# instant; this is how to check one.
#
#   bash scripts/test-at.sh 2026-02-28T12:00:00+08:00            # a make-up working Saturday, noon
#   bash scripts/test-at.sh hostile                               # what CI runs (scripts/hostile-instant.mjs)
#   bash scripts/test-at.sh 2026-03-03T18:29:30+08:00 plugins/tickets-backend   # one package
#
# The instant needs its offset. The tests run with TZ=UTC. Only the test processes are faked:
# PostgreSQL's own now() keeps the real time (nothing the SLA or schedules use reads it).
# Needs `faketime` (apt-get install faketime) and what scripts/test.sh needs.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh" || exit 1
cd "$ROOT"

if [ $# -lt 1 ]; then
  echo "usage: $0 <instant with offset, e.g. 2026-02-17T03:00:00+08:00 | hostile> [jest args...]" >&2
  exit 2
fi
instant="$1"
shift
if [ "$instant" = hostile ]; then
  instant="$(node scripts/hostile-instant.mjs)" || exit 1
fi
if ! [[ "$instant" =~ (Z|[+-][0-9]{2}:?[0-9]{2})$ ]]; then
  echo "test-at: name the offset of the instant ($instant), e.g. +08:00" >&2
  exit 2
fi
if ! command -v faketime >/dev/null; then
  echo "test-at: faketime is missing (apt-get install faketime)" >&2
  exit 2
fi
# faketime reads its start in the process's zone; the tests run in UTC.
start="$(TZ=UTC date -d "$instant" '+%Y-%m-%d %H:%M:%S')" || exit 2

export TZ=UTC
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
export CI=true

echo "==> Jest suite at $instant (UTC $start), clock ticking on"
faketime -f "@$start" node -e 'console.log(`    the tests see ${new Date().toISOString()}`)'
faketime -f "@$start" yarn backstage-cli repo test --maxWorkers=2 "$@"
