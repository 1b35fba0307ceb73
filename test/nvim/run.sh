#!/usr/bin/env bash
# The language server in an editor we did not write: headless Neovim 0.7 (apt `neovim`).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v nvim >/dev/null || { echo "test:nvim needs Neovim (apt-get install neovim; test/e2e/install.sh installs it)"; exit 1; }
[ -f dist/server.cjs ] || node build.mjs
timeout 60 nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/lsp_test.lua'
