#!/usr/bin/env bash
# Installs what the real-editor tests need on a fresh Debian machine:
#   - Debian packages: chromium (driven by playwright-core), neovim (test:nvim), and the tools
#     code-server's native modules build with (build-essential, python3, pkg-config, libkrb5-dev),
#     ripgrep (its binary stands in for the one @vscode/ripgrep would download);
#   - code-server 4.100.3 (VS Code 1.100.3's workbench; the last release that runs on Node 20)
#     into .e2e/code-server, outside node_modules.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
CS_VERSION=4.100.3
CS_DIR="$ROOT/.e2e/code-server"

need_apt=()
# fonts-liberation: chromium only recommends it; without it screenshots fall back to whatever font is there.
for pkg in chromium neovim ripgrep build-essential python3 pkg-config libkrb5-dev fonts-liberation; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install.sh: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  echo "install.sh: code-server $CS_VERSION already in $CS_DIR"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads ripgrep from a code host this machine cannot reach,
# unless it finds the archive in its cache first: give it Debian's rg under the expected name.
TMP="${TMPDIR:-/tmp}"
RG_CACHE="$TMP/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
RG_TGZ="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_TGZ" ]; then
  STAGE="$(mktemp -d)"; cp "$(command -v rg)" "$STAGE/rg"
  tar -czf "$RG_TGZ" -C "$STAGE" rg; rm -rf "$STAGE"
fi

mkdir -p "$CS_DIR"
[ -f "$CS_DIR/package.json" ] || echo '{"name":"e2e-code-server","private":true}' > "$CS_DIR/package.json"
echo "install.sh: npm install code-server@$CS_VERSION (about 1.5 minutes)"
( cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-save "code-server@$CS_VERSION" >"$CS_DIR/install.log" 2>&1 ) \
  || { tail -40 "$CS_DIR/install.log"; exit 1; }
echo "install.sh: code-server ready: $CS_DIR/node_modules/.bin/code-server"
