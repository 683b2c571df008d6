#!/usr/bin/env bash
# CI for the VS Code extension: installs its locked dependencies, runs
# the client's tests and the grammar tests, and packages the .vsix
# without publishing it. Called by .ci/run; run it by hand from anywhere.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v npm >/dev/null 2>&1; then
	echo "ci.sh: installing node and npm from Debian"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
	echo "ci.sh: node $(node --version) is too old; @vscode/vsce needs node 20 or later" >&2
	exit 1
fi

npm ci --no-audit --no-fund
# The client's tests (node:test), one of which talks to a real garantie
# lsp built here, and the grammar tests (vscode-tmgrammar-test).
if command -v go >/dev/null 2>&1; then
	bin=$(mktemp -d)
	trap 'rm -rf "$bin"' EXIT
	(cd ../../.. && go build -o "$bin/garantie" ./cmd/garantie)
	export GARANTIE="$bin/garantie"
else
	echo "ci.sh: no go toolchain; the test against garantie lsp is skipped"
fi
npm test
out=${VSIX_OUT:-/tmp/garantie-vscode.vsix}
npx vsce package --allow-missing-repository --skip-license --out "$out"
echo "ci.sh: packaged $out"
