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

# Neovim 0.11+ for the README's current-style snippet. Bookworm ships 0.7.2 and no backport exists (trixie has 0.10.4,
# without vim.lsp.config); Debian unstable's neovim is 0.11+ but needs glibc >= 2.38 (bookworm: 2.36). So its .debs
# and their dependency closure, libc6 included, are fetched from Debian's archive with a private apt state (the
# system's sources, lists and dpkg database are untouched), unpacked under .rig/neovim-sid/, and run through that
# libc's own loader (.rig/neovim-sid/nvim; --library-path is not inherited by the language server nvim spawns).
NVIM_SID=.rig/neovim-sid
# A failure here (Debian unstable mid-transition, say) must not stop the rest of the rig: the Neovim 0.11+ test then
# skips and says why.
if ! "$NVIM_SID/nvim" --headless --clean -c 'qa!' >/dev/null 2>&1; then
  (
  rm -rf "$NVIM_SID" && mkdir -p "$NVIM_SID"/apt/lists/partial "$NVIM_SID"/apt/cache/archives/partial "$NVIM_SID"/debs "$NVIM_SID"/root
  echo 'deb http://deb.debian.org/debian sid main' > "$NVIM_SID/apt/sources.list"
  apt_private=(-o "Dir::Etc::SourceList=$PWD/$NVIM_SID/apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
    -o "Dir::State::Lists=$PWD/$NVIM_SID/apt/lists" -o "Dir::Cache=$PWD/$NVIM_SID/apt/cache" -o Dir::State::status=/dev/null)
  apt-get "${apt_private[@]}" update -qq
  # Dir::State::status=/dev/null: the closure as if nothing were installed (bookworm's libs are too old for it).
  mapfile -t nvim_debs < <(apt-cache "${apt_private[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances neovim | grep -v '^ ' | grep -v '^<' | sort -u)
  (cd "$NVIM_SID/debs" && apt-get "${apt_private[@]}" download "${nvim_debs[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  for deb in "$NVIM_SID"/debs/*.deb; do dpkg-deb -x "$deb" "$NVIM_SID/root"; done
  cat > "$NVIM_SID/nvim" <<'WRAPPER'
#!/bin/sh
R="$(cd "$(dirname "$0")" && pwd)/root"
VIMRUNTIME="$R/usr/share/nvim/runtime" exec "$R/usr/lib64/ld-linux-x86-64.so.2" --library-path "$R/usr/lib/x86_64-linux-gnu" "$R/usr/bin/nvim" "$@"
WRAPPER
  chmod +x "$NVIM_SID/nvim"
  rm -rf "$NVIM_SID/apt" "$NVIM_SID/debs"
  ) || true
  if ! "$NVIM_SID/nvim" --headless --clean -c 'qa!' >/dev/null 2>&1; then
    echo "setup-vscode-rig: WARNING: could not install Debian unstable's Neovim into $NVIM_SID; the Neovim 0.11+ snippet test will skip" >&2
    rm -rf "$NVIM_SID"
  fi
fi
"$NVIM_SID/nvim" --version 2>/dev/null | head -1 || true

cd .rig
[ -f package.json ] || echo '{"name":"vscode-rig","private":true}' > package.json
if [ ! -x node_modules/.bin/code-server ] || [ ! -d node_modules/playwright-core ]; then
  # unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty runs `npx node-gyp`.
  npm_config_unsafe_perm=true npm_config_yes=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --no-audit --no-fund --foreground-scripts code-server@4.100.3 playwright-core@1 > install.log 2>&1 ||
    { tail -40 install.log; exit 1; }
fi
node_modules/.bin/code-server --version
