#!/usr/bin/env bash
# Builds trainer/target/rnnoise/rnnoise-driver: the RNNoise baseline of `trainer eval --rnnoise`.
# RNNoise comes from Debian's librnnoise0 / librnnoise-dev 0.2 (the unstable suite; bookworm has none). The two
# packages are downloaded from deb.debian.org, checked against pinned SHA-256 sums and unpacked under
# trainer/target (nothing is installed on the system); the driver links the static library, so it runs anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../target/rnnoise"
mkdir -p "$out/debs" "$out/root"
pool=http://deb.debian.org/debian/pool/main/r/rnnoise
while read -r sum deb; do
  if [ ! -f "$out/debs/$deb" ] || ! echo "$sum  $out/debs/$deb" | sha256sum -c --quiet - 2>/dev/null; then
    curl -fsSL --retry 3 -o "$out/debs/$deb" "$pool/$deb"
    echo "$sum  $out/debs/$deb" | sha256sum -c --quiet -
  fi
  dpkg-deb -x "$out/debs/$deb" "$out/root"
done <<'SUMS'
a576467806a67f75ad9693d16886f7d9662c48cc7cbd4ef1ad6a421d4071a424 librnnoise0_0.2+ds-1_amd64.deb
3f7d0a65ddbf4586f45a80192cbb9d2332bb0b961b259e91bd8958fa728925bc librnnoise-dev_0.2+ds-1_amd64.deb
SUMS
gcc -O2 -Wall -Wextra -Werror -I"$out/root/usr/include" -o "$out/rnnoise-driver" "$here/rnnoise_driver.c" \
  "$out/root/usr/lib/x86_64-linux-gnu/librnnoise.a" -lm
echo "$out/rnnoise-driver"
