#!/usr/bin/env bash
# A small import into a database that holds data, to new scores: the demo's data (SENDERS senders, about 29 transfers
# each) imported and refreshed, then IMPORTS exports of ROWS rows from another simulated operator, each imported and
# refreshed as the web's upload does (incremental resolution, then screening); per import and median, the seconds of
# each part (see IncrementalImport). Not a test.
#   bench/incremental-import.sh [SENDERS=3000] [ROWS=100] [IMPORTS=5] [XMX=4g] [resume]
# resume: the database an earlier run left under the same directory (killed or stopped during a refresh): the pending
# refresh, then the ruling and an alert confirmed.
# BENCH_JAVA_OPTS: more JVM options, e.g. "-Xms14g -XX:+AlwaysPreTouch" with XMX=14g (-Xms no larger than XMX) for
# a heap touched once at start, as a long-running server's is after a while (docs/scale.md: on a VM that reclaims free
# pages, first touches cost).
# Data and the benchmark's embedded PostgreSQL go under bench/out/incremental-SENDERS (ignored by git, made afresh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
senders="${1:-3000}"
rows="${2:-100}"
imports="${3:-5}"
xmx="${4:-4g}"
out="$root/bench/out/incremental-$senders"
resume="${5:-}"
if [ "$resume" != resume ]; then rm -rf "$out"; fi
mkdir -p "$out"
cd "$root"
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -pl bench -am >/dev/null
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=(taskset -c 0,1); fi
# shellcheck disable=SC2086 # options split on spaces
exec "${pin[@]}" "$JAVA_HOME/bin/java" "-Xmx$xmx" ${BENCH_JAVA_OPTS:-} -XX:ActiveProcessorCount=2 --enable-native-access=ALL-UNNAMED \
  -cp "$root/bench/target/classes:$(cat "$out/classpath.txt")" org.piste.bench.IncrementalImport \
  "$senders" "$rows" "$imports" "$out" $resume
