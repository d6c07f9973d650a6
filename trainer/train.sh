#!/usr/bin/env bash
# Builds engine + trainer and runs the trainer CLI with the given arguments, e.g.
#   trainer/train.sh train --out runs/default --minutes 85
#   trainer/train.sh export --checkpoint runs/default/checkpoint-best.safetensors --out model.safetensors
# Dependencies are read from the local Maven repository through the trainer jar's manifest (nothing installed).
# Set MVN_FLAGS=-o to build offline. DJL runs offline (-Dai.djl.offline=true): the PyTorch native library and
# its JNI bridge come from Maven Central artifacts, never from a download at run time.
# Memory: the heap holds the decoded-audio cache (2 GB by default) and the reuse pool; DJL passes every batch to
# PyTorch through direct buffers, which the JVM frees only at a GC and otherwise lets grow to the heap size, so
# that is capped too. A run then stays below about 6 GB (a run at -Xmx6g grew to 13 GB; two of them filled the
# 24 GB machine and thrashed).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_FLAGS:-} -pl trainer -am package -DskipTests
exec java -Xmx4g -XX:MaxDirectMemorySize=1g -Dai.djl.offline=true ${JAVA_OPTS:-} \
  -cp engine/target/classes:trainer/target/trainer-0.1.0-SNAPSHOT.jar \
  org.percepnet4j.trainer.TrainerCli "$@"
