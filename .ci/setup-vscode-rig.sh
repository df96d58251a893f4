#!/usr/bin/env bash
# Installs the real-editor e2e rig (docs: shared reference vscode-test-rig.md): Debian chromium, neovim and emacs-nox + elpa-eglot, and
# code-server 4.100.3 (VS Code 1.100.3; the last release whose engines allow node 20) + playwright-core into the
# gitignored .rig/. Idempotent: a second run only re-checks. Needs root (apt) and the npm registry; nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v nvim >/dev/null || need_apt+=(neovim)
command -v emacs >/dev/null || need_apt+=(emacs-nox)
dpkg -s elpa-eglot >/dev/null 2>&1 || need_apt+=(elpa-eglot)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable offline) unless this cached asset exists;
# Debian's rg 13 stands in for the musl build it expects.
RGC="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RGC"
[ -f "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ] ||
  tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg

mkdir -p .rig
cd .rig
[ -f package.json ] || echo '{"name":"vscode-rig","private":true}' > package.json
if [ ! -x node_modules/.bin/code-server ] || [ ! -d node_modules/playwright-core ]; then
  # unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty runs `npx node-gyp`.
  npm_config_unsafe_perm=true npm_config_yes=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --no-audit --no-fund --foreground-scripts code-server@4.100.3 playwright-core@1 > install.log 2>&1 ||
    { tail -40 install.log; exit 1; }
fi
node_modules/.bin/code-server --version
