#!/usr/bin/env bash
# Builds the packages, then runs the benchmarks in bench/ (all, or those whose path
# contains one of the arguments). Run through `npm run bench [-- filter…]`.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile
pnpm run build
pnpm --filter @mallkit/bench run bench "$@"
