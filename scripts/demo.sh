#!/usr/bin/env bash
# Installs, builds and starts the example server. Run through `npm run demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile
pnpm run build
exec pnpm --filter @mallkit/example-mall-server start
