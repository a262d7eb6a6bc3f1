#!/usr/bin/env bash
# The install test (issue 13): build the Debian package with CPack, check its control fields
# and files, unpack it into an empty root and run the sample from the unpacked files alone:
# import, index, search, help, the manual page and the completions.
# Usage: run.sh BUILD_DIR SAMPLE_DIR WORK_DIR
set -euo pipefail
build=$1 sample=$2 work=$3
rm -rf "$work"
mkdir -p "$work/pkg"
(cd "$build" && cpack -G DEB -B "$work/pkg" >/dev/null)
deb=$(ls "$work"/pkg/cqc-archive_*.deb)
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
info=$(dpkg-deb -f "$deb" Package Version Architecture Depends)
echo "$info"
for lib in libxapian libpoco libcurl libpoppler-cpp libgumbo libpugixml adduser; do
  grep -q "^Depends:.*$lib" <<<"$info" || { echo "Depends lacks $lib" >&2; exit 1; }
done
dpkg-deb -I "$deb" postinst >/dev/null || { echo "no postinst" >&2; exit 1; }

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/cqc-archive usr/bin/cqc-archive-store usr/bin/cqc-archive-full \
         usr/share/man/man1/cqc-archive.1.gz usr/share/bash-completion/completions/cqc-archive \
         usr/share/zsh/vendor-completions/_cqc-archive usr/share/doc/cqc-archive/OPERATIONS.md \
         usr/lib/systemd/system/cqc-archive-serve.service usr/lib/systemd/system/cqc-archive-refresh.service \
         usr/lib/systemd/system/cqc-archive-refresh.timer; do
  [ -e "$root/$f" ] || { echo "the package lacks $f" >&2; exit 1; }
done
echo "files: $(dpkg-deb -c "$deb" | grep -vc '/$')"

# The unpacked programs alone: a clean environment, nothing of the build tree on PATH.
bin="$root/usr/bin/cqc-archive"
run() { env -i PATH=/usr/bin:/bin HOME="$work" "$bin" "$@"; }
data="$work/data"
run import --data "$data" --base-url https://sample.cqc-archive.test/ "$sample" >/dev/null
run index --data "$data" >/dev/null   # cqc-archive-full, found next to cqc-archive
out=$(run search --data "$data" seclusion --json --limit 1)
grep -q '"total":[1-9]' <<<"$out" || { echo "search found nothing: $out" >&2; exit 1; }
run help search | grep -q "Usage: cqc-archive search" || { echo "help search failed" >&2; exit 1; }
zcat "$root/usr/share/man/man1/cqc-archive.1.gz" | head -1 | grep -q '^\.TH CQC' || { echo "bad manual page" >&2; exit 1; }
bash -n "$root/usr/share/bash-completion/completions/cqc-archive"
grep -q "^ExecStart=/usr/bin/cqc-archive serve" "$root/usr/lib/systemd/system/cqc-archive-serve.service"
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify --man=no "$root"/usr/lib/systemd/system/cqc-archive-*.service 2>&1 | grep -v "^$" || true
fi
echo "install test passed: the unpacked package imported, indexed and searched the sample"
