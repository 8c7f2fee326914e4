#!/usr/bin/env bash
# Entity-resolution quality on labelled data: FEBRL 1 and 2 (with and without soc_sec_id), splink fake_1000,
# the simulator's senders, and the name comparator on nomenklatura's name pairs (see ResolutionQuality). Not a test.
#   bench/resolution-quality.sh [SENDERS=20000] [MONTHS=24] [EXAMPLES=4]
# Data sets are read from $PISTE_ER_DATA (default /work/shared/data/er); simulated data goes under bench/out/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
out="$root/bench/out/er-sim"
mkdir -p "$out"
cd "$root"
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$root/bench/out/er-classpath.txt" -pl bench -am >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx4g -cp "$root/bench/target/classes:$(cat "$root/bench/out/er-classpath.txt")" \
  org.piste.bench.ResolutionQuality "${PISTE_ER_DATA:-/work/shared/data/er}" "$root/bench/profiles" "$out" \
  "${1:-20000}" "${2:-24}" "${3:-4}"
