#!/usr/bin/env bash
# The whole test suite, as CI runs it: install exactly the locked dependencies, then
# lint, build, type-check, check the published shape of every package, build the API
# docs (failing on warnings), and run the unit, packaging and integration tests.
# Run through `npm test`, which brings Node >= 22 and pnpm first (scripts/node-env.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile
pnpm run verify
