#!/usr/bin/env bash
# Screening throughput: import (ImportService into an embedded PostgreSQL) + resolve (ResolutionService) + screen (as a
# refresh screens) of ~TRANSFERS simulated transfers on 2 cores, each phase's time and peak heap, then screening
# beside DuckDB computing the sender indicators' per-sender aggregates on the same stored facts in the same run
# (see ScreeningThroughput). Not a test.
#   bench/screening-throughput.sh [TRANSFERS=1000000] [XMX=4g]
#   JFR=FILE bench/screening-throughput.sh ...    also records a profile (settings=profile) into FILE
#   DUCKDB=skip bench/screening-throughput.sh ... leaves the DuckDB comparison out
#   COMPARE_ONLY=1 bench/screening-throughput.sh ... only the DuckDB comparison, on the database a previous run left
#   DUMP=FILE bench/screening-throughput.sh ...   writes the stored resolution, sorted (compare two builds with cmp)
#   RUNS=N bench/screening-throughput.sh ...      each computation N times on each side (default 5); ratios on the medians of runs 2..N
# Data, the benchmark's embedded PostgreSQL and the facts CSV go under bench/out/screen-throughput-TRANSFERS (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
transfers="${1:-1000000}"
xmx="${2:-4g}"
out="$root/bench/out/screen-throughput-$transfers"
mkdir -p "$out"
if [ "${COMPARE_ONLY:-}" != 1 ]; then rm -rf "$out/pg"; fi
cd "$root"
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -pl bench -am >/dev/null
# Run on a private copy of the build: a rebuild in the work tree during a long run must not pull classes from under it.
rm -rf "$out/lib" && mkdir -p "$out/lib" && cp -r "$root/bench/target/classes" "$out/lib/bench-classes"
classpath="$out/lib/bench-classes"
for entry in $(tr ':' ' ' < "$out/classpath.txt"); do
  if [[ "$entry" == "$root"/* ]]; then cp "$entry" "$out/lib/" && entry="$out/lib/$(basename "$entry")"; fi
  classpath="$classpath:$entry"
done
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=(taskset -c 0,1); fi
jfr=()
if [ -n "${JFR:-}" ]; then jfr=("-XX:StartFlightRecording=filename=$JFR,settings=profile"); fi
exec "${pin[@]}" "$JAVA_HOME/bin/java" "-Xmx$xmx" -XX:ActiveProcessorCount=2 --enable-native-access=ALL-UNNAMED "${jfr[@]}" \
  -cp "$classpath" org.piste.bench.ScreeningThroughput \
  "$transfers" "$out" "$root/bench/rules-senders-only.yaml"
