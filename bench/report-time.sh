#!/usr/bin/env bash
# Report build time (issue 18): `piste report` for a subject with TRANSFERS transfers (a synthetic file gives one
# recipient that many of the simulator's rows, over a simulated background), see ReportTime. Prints the snapshot and
# render times, total, pages and PDF size. Not a test.
#   bench/report-time.sh [TRANSFERS=5000] [BACKGROUND_SENDERS=300]
# Data and the benchmark's own embedded PostgreSQL go under bench/out/ (ignored by git); each run starts afresh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
transfers="${1:-5000}"
background="${2:-300}"
out="$root/bench/out/report-$transfers"
rm -rf "$out"
mkdir -p "$out"
cd "$root"
./mvnw -B -q -o -DskipTests package dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -pl bench -am >/dev/null
cp="$root/bench/target/classes:$(cat "$out/classpath.txt")"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" org.piste.bench.ReportTime "$out" "$transfers" "$background"
