#!/usr/bin/env bash
# Simulator throughput and peak heap (10M transfers by default). Not a test.
#   bench/sim-throughput.sh [SENDERS=355000] [MONTHS=24] [canonical|operator]
# bench/sim-throughput.sh 20000 12 times the run piste-sim's DistributionTest checks (about 290,000 transfers): its
# timing moved here, out of the test, which required under 60 s.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
out="$root/bench/out/sim"
mkdir -p "$out"
cd "$root"
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -pl bench -am >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx256m -cp "$root/bench/target/classes:$(cat "$out/classpath.txt")" \
  org.piste.bench.SimulatorThroughput "${1:-355000}" "${2:-24}" "$out/data" "${3:-canonical}"
