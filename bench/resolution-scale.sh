#!/usr/bin/env bash
# Entity resolution at scale: both parties of ~TRANSFERS simulated transfers (1M records by default), resolved from
# scratch on 2 cores with a 4 GB heap; time of resolve() and peak heap (see ResolutionScale). Not a test.
#   bench/resolution-scale.sh [TRANSFERS=500000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
transfers="${1:-500000}"
out="$root/bench/out/er-scale-$transfers"
mkdir -p "$out"
cd "$root"
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -pl bench -am >/dev/null
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=(taskset -c 0,1); fi
exec "${pin[@]}" "$JAVA_HOME/bin/java" -Xmx4g -XX:ActiveProcessorCount=2 \
  -cp "$root/bench/target/classes:$(cat "$out/classpath.txt")" org.piste.bench.ResolutionScale "$transfers" "$out"
