#!/usr/bin/env bash
# Builds and runs the project's own VST2 test host (test_host.c) against the bundle that `mvn package` made.
#
# usage: run-native-tests.sh BUNDLE_DIR TARGET_DIR TEST_CLASSES_DIR [--bench [CALLS]]
#
# The tests run a copy of the bundle whose config adds the test classes to the class path, selects the
# deterministic test gain model (VST_TEST_MODEL, or "default" for the shipped model) and turns on -Xcheck:jni;
# any JNI warning fails the run. A second copy names a missing libjvm to check that the plugin refuses to load.
# --bench runs the bridge overhead benchmark instead (no -Xcheck:jni).
set -euo pipefail
BUNDLE="$(cd "$1" && pwd)"; TARGET="$2"; TEST_CLASSES="$3"; shift 3
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$TARGET/native-tests"
MODEL="${VST_TEST_MODEL:-org.percepnet4j.vst.testing.DeterministicGainModel}"
mkdir -p "$OUT"

JAVA_HOME_FOR_TESTS="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
gcc -std=gnu11 -O2 -g -Wall -Wextra -Wno-format-truncation -Werror -I"$HERE/../../main/c" \
    -I"$JAVA_HOME_FOR_TESTS/include" -I"$JAVA_HOME_FOR_TESTS/include/linux" \
    -o "$OUT/test_host" "$HERE/test_host.c" -ldl -lpthread -lm

# make_bundle DIR EXTRA_CONFIG_LINE... : the built .so files with test configs
make_bundle() {
  local dir="$1"; shift
  rm -rf "$dir"; mkdir -p "$dir"
  for v in mono stereo; do
    cp "$BUNDLE/percepnet4j-$v.so" "$dir/"
    grep -v '^classPath=' "$BUNDLE/percepnet4j-$v.conf" >"$dir/percepnet4j-$v.conf"
    echo "classPath=$BUNDLE/percepnet4j-lib/*:$TEST_CLASSES" >>"$dir/percepnet4j-$v.conf"
    [ "$MODEL" = default ] || echo "testGainModel=$MODEL" >>"$dir/percepnet4j-$v.conf"
    for line in "$@"; do echo "$line" >>"$dir/percepnet4j-$v.conf"; done
  done
}

if [ "${1:-}" = --bench ]; then
  make_bundle "$OUT/bench-bundle" "log=off"
  exec "$OUT/test_host" --bench "$OUT/bench-bundle" "${2:-1000000}"
fi

make_bundle "$OUT/test-bundle" "jvmOption=-Xcheck:jni" "log=$OUT/test-bundle.log"
make_bundle "$OUT/broken-bundle" "jvm=/nonexistent/jdk/lib/server/libjvm.so"
rm -f "$OUT/test-bundle.log"

set +e
"$OUT/test_host" "$OUT/test-bundle" "$OUT/broken-bundle" "$JAVA_HOME_FOR_TESTS/lib/server/libjvm.so" 2>&1 \
  | tee "$OUT/test-host.out"
rc=${PIPESTATUS[0]}
set -e
if grep -qE 'WARNING in native method|FATAL ERROR in native method|JNI local refs' "$OUT/test-host.out"; then
  echo "FAIL: -Xcheck:jni reported problems:"
  grep -E 'WARNING in native method|FATAL ERROR in native method|JNI local refs' "$OUT/test-host.out" | sort | uniq -c | head
  exit 1
fi
echo "-Xcheck:jni: no JNI warnings"
# The shipped bundle as users install it (default model, its config verbatim; copied so its log stays out of it).
rm -rf "$OUT/shipped-bundle"; mkdir -p "$OUT/shipped-bundle"
cp "$BUNDLE"/percepnet4j-mono.so "$BUNDLE"/percepnet4j-mono.conf "$OUT/shipped-bundle/"
ln -s "$BUNDLE/percepnet4j-lib" "$OUT/shipped-bundle/percepnet4j-lib"
if "$OUT/test_host" --render "$OUT/shipped-bundle" /dev/null "$OUT/shipped-render.f32" 48000 512 >"$OUT/shipped.out" 2>&1; then
  echo "PASS: the shipped bundle (default model, shipped config) loads and runs"
else
  echo "FAIL: the shipped bundle does not load:"; sed 's/^/    | /' "$OUT/shipped.out" | tail -n 5; rc=1
fi
exit $rc
