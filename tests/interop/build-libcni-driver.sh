#!/usr/bin/env bash
# Builds the libcni driver (tests/interop/libcni-driver) into artifacts/interop/libcni-driver,
# offline, from Debian's packaged Go and CNI library sources (golang-go,
# golang-github-appc-cni-dev), in GOPATH mode: no module proxy is ever asked.
# Idempotent: does nothing when the binary is newer than every source file and this script.
# Safe to run concurrently (a lock serialises builds; the binary is replaced atomically).
# Prints the binary's path on stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="$ROOT/tests/interop/libcni-driver"
OUT_DIR="$ROOT/artifacts/interop"
OUT="$OUT_DIR/libcni-driver"
SYSTEM_GOPATH=/usr/share/gocode
LIBCNI="$SYSTEM_GOPATH/src/github.com/containernetworking/cni/libcni"

up_to_date() {
    [[ -x "$OUT" ]] || return 1
    local newer
    newer=$(find "$SRC" "${BASH_SOURCE[0]}" -newer "$OUT" -print -quit)
    [[ -z "$newer" ]]
}

if up_to_date; then
    echo "$OUT"
    exit 0
fi

if ! command -v go >/dev/null 2>&1 || [[ ! -d "$LIBCNI" ]]; then
    echo "error: Go and the CNI library sources are needed: apt-get install golang-go golang-github-appc-cni-dev (or ./build.sh setup)" >&2
    exit 1
fi

mkdir -p "$OUT_DIR"
exec 9>"$OUT_DIR/.libcni-driver.lock"
flock 9
# Another build may have finished while this one waited for the lock.
if up_to_date; then
    echo "$OUT"
    exit 0
fi

unset GOFLAGS GOROOT
export GO111MODULE=off
export GOPATH="$OUT_DIR/gopath:$SYSTEM_GOPATH"
export GOCACHE="$OUT_DIR/go-cache"
export GOPROXY=off GOSUMDB=off GOTELEMETRY=off
export CGO_ENABLED=0
mkdir -p "$OUT_DIR/gopath" "$GOCACHE"

tmp="$OUT.tmp.$$"
trap 'rm -f "$tmp"' EXIT
(cd "$SRC" && go vet . && go build -trimpath -o "$tmp" .)
mv -f "$tmp" "$OUT"
trap - EXIT
echo "$OUT"
