#!/usr/bin/env bash
# Builds the Debian package with CPack and checks what it installs and what it depends on.
# usage: deb_test.sh BUILD_DIR HAS_RUNTIME(ON|OFF) HAS_GTEST(ON|OFF)   (exit 77, skipped, without dpkg-deb)
set -euo pipefail
build=$1
has_runtime=$2
has_gtest=$3
command -v dpkg-deb >/dev/null || { echo "dpkg-deb not found: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "deb test: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp" --config CPackConfig.cmake) >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack -G DEB failed"; }
debs=("$tmp"/lockscope_*.deb)
[[ -f ${debs[0]} ]] || fail "no lockscope_*.deb in $tmp"
deb=${debs[0]}
dpkg-deb -c "$deb" | awk '{print $NF}' >"$tmp/files"
expected=(./usr/bin/lockscope ./usr/lib/liblockscope-cli.so ./usr/lib/cmake/lockscope/lockscopeConfig.cmake
          ./usr/lib/cmake/lockscope/lockscopeConfigVersion.cmake)
if [[ $has_runtime == ON ]]; then
  expected+=(./usr/lib/liblockscope-rt.so ./usr/lib/liblockscope-rt.a ./usr/include/lockscope/runtime_api.h
            ./usr/include/lockscope/annotations.h)
fi
if [[ $has_gtest == ON ]]; then
  expected+=(./usr/lib/liblockscope_gtest.a ./usr/include/lockscope/lockscope_gtest.h)
fi
for f in "${expected[@]}"; do
  grep -qxF "$f" "$tmp/files" || { cat "$tmp/files"; fail "$f is not in $(basename "$deb")"; }
done
! grep -q "$build" "$tmp/files" || fail "the package contains build paths"
[[ $(dpkg-deb -f "$deb" Package) == lockscope ]] || fail "package name"
dpkg-deb -f "$deb" Depends | grep -q 'libclang-common-19-dev' || fail "Depends lacks the builtin headers (libclang-common-19-dev)"
dpkg-deb -f "$deb" Depends | grep -qw 'llvm-19' || fail "Depends lacks llvm-symbolizer (llvm-19), which runtime reports need"
echo "deb test: $(basename "$deb") holds ${#expected[@]} expected files:"
printf '  %s\n' "${expected[@]}"
