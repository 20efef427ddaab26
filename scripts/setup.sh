#!/usr/bin/env bash
# Sets up a fresh machine (Node 20, npm, Java 17, root) for this repository: pnpm 12.4.2, the workspace's
# packages and, with --browser, Debian's Chromium for the browser tests. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=12.4.2
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "› installing pnpm $want_pnpm"
  npm install --global --save-exact "pnpm@$want_pnpm" >/dev/null
fi

echo "› installing the workspace's packages"
pnpm install --frozen-lockfile --reporter=silent

if ! command -v java >/dev/null 2>&1; then
  echo "✗ Java is missing: DynamoDB Local needs it. Install it with: apt-get install -y openjdk-17-jre-headless" >&2
  exit 1
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "› installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi
echo "✓ ready"
