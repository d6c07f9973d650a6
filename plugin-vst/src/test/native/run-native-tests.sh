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
# The editor tests need Xlib headers (libx11-dev) for the test host's own parent windows; without them they skip.
X11_FLAGS=()
if echo '#include <X11/Xlib.h>' | gcc -E -x c - >/dev/null 2>&1; then X11_FLAGS=(-DHAVE_X11 -lX11); fi
gcc -std=gnu11 -O2 -g -Wall -Wextra -Wno-format-truncation -Werror -I"$HERE/../../main/c" \
    -I"$JAVA_HOME_FOR_TESTS/include" -I"$JAVA_HOME_FOR_TESTS/include/linux" \
    -o "$OUT/test_host" "$HERE/test_host.c" -ldl -lpthread -lm "${X11_FLAGS[@]}"

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
# Without a display, as in scanners and headless hosts: the JVM starts headless and the plugin reports no editor.
env -u DISPLAY "$OUT/test_host" "$OUT/test-bundle" "$OUT/broken-bundle" "$JAVA_HOME_FOR_TESTS/lib/server/libjvm.so" 2>&1 \
  | tee "$OUT/test-host.out"
rc=${PIPESTATUS[0]}
set -e
check_jni() {
  if grep -qE 'WARNING in native method|FATAL ERROR in native method|JNI local refs' "$1"; then
    echo "FAIL: -Xcheck:jni reported problems in $1:"
    grep -E 'WARNING in native method|FATAL ERROR in native method|JNI local refs' "$1" | sort | uniq -c | head
    exit 1
  fi
}
check_jni "$OUT/test-host.out"
echo "-Xcheck:jni: no JNI warnings"

# The editor under a private Xvfb (never the developer's desktop): embedded in the test host's X11 window, gestures,
# open/close cycles, two instances, effClose while open, floating fallbacks, editor=false.
run_editor_tests() {
  if [ ${#X11_FLAGS[@]} -eq 0 ]; then
    echo "SKIP: editor tests: no Xlib headers for the test host (apt-get install libx11-dev)"; return 0
  fi
  if ! command -v Xvfb >/dev/null; then
    echo "SKIP: editor tests: Xvfb is not installed (apt-get install xvfb)"; return 0
  fi
  if [ ! -e "$JAVA_HOME_FOR_TESTS/lib/libawt_xawt.so" ]; then
    echo "SKIP: editor tests: $JAVA_HOME_FOR_TESTS is a headless Java runtime without the X11 toolkit" \
         "(apt-get install openjdk-17-jre)"; return 0
  fi
  local n xvfb_pid=""
  for n in $(seq 99 160); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
    Xvfb ":$n" -screen 0 1920x1200x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 200); do
      [ -e "/tmp/.X11-unix/X$n" ] && break
      kill -0 "$xvfb_pid" 2>/dev/null || break
      sleep 0.05
    done
    if [ -e "/tmp/.X11-unix/X$n" ] && kill -0 "$xvfb_pid" 2>/dev/null; then break; fi
    kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; xvfb_pid=""  # lost a race for :$n, or it failed
  done
  if [ -z "$xvfb_pid" ]; then
    echo "FAIL: editor tests: Xvfb did not start (see $OUT/xvfb.log)"; return 1
  fi
  make_bundle "$OUT/editor-bundle" "jvmOption=-Xcheck:jni" "log=$OUT/editor-bundle.log"
  make_bundle "$OUT/no-editor-bundle" "editor=false" "log=off"
  # EditorDriver alone, for a child JVM that the test host starts itself (the plugin's classes must not be on it)
  rm -rf "$OUT/driver-classes"; mkdir -p "$OUT/driver-classes/org/percepnet4j/vst/testing"
  cp "$TEST_CLASSES"/org/percepnet4j/vst/testing/EditorDriver*.class "$OUT/driver-classes/org/percepnet4j/vst/testing/"
  rm -f "$OUT/editor-bundle.log" "$OUT/editor-embedded.ppm" "$OUT/editor-embedded.png"
  local erc
  set +e
  DISPLAY=":$n" EDITOR_TEST_LIBJVM="$JAVA_HOME_FOR_TESTS/lib/server/libjvm.so" \
    "$OUT/test_host" --editor "$OUT/editor-bundle" "$OUT" "$OUT/no-editor-bundle" "$OUT/driver-classes" \
    "$OUT/editor-bundle.log" 2>&1 | tee "$OUT/editor-host.out"
  erc=${PIPESTATUS[0]}
  set -e
  kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null || true
  # AWT's and the font rasteriser's own native code in the JDK trips -Xcheck:jni too: only warnings that do not come
  # from a JDK native method (the shim's calls from host threads, our hostGesture) fail the run.
  local ours jdk
  ours=$(awk '/WARNING in native method|FATAL ERROR in native method|JNI local refs/ {w=1; next}
              w { if ($0 !~ /^\tat .*\((java\.[a-z]+|jdk\.[a-z.]+)@[0-9.]+\/[^)]*Native Method\)/) n++; w=0 }
              END {print n+0}' "$OUT/editor-host.out")
  jdk=$(grep -cE 'WARNING in native method' "$OUT/editor-host.out" || true)
  if [ "$ours" -gt 0 ]; then
    echo "FAIL: -Xcheck:jni reported $ours problem(s) outside the JDK's own native methods (see $OUT/editor-host.out)"
    erc=1
  else
    echo "-Xcheck:jni: no JNI warnings from the plugin in the editor run ($jdk from the JDK's own AWT/font natives)"
  fi
  ls "$OUT"/editor-embedded.* 2>/dev/null | sed 's/^/screenshot: /'
  return $erc
}
run_editor_tests || rc=1
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
