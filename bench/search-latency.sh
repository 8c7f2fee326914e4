#!/usr/bin/env bash
# Search latency (issue 17, item 3): p50/p95 per query kind (name, phone, ID number, e-mail, MTCN) at TARGET transfers,
# against one sequential scan of the table with indexes off, in the same run (see SearchLatency). Not a test.
#   bench/search-latency.sh [TARGET=10000000] [QUERIES=200] [BASE=300000]
# A simulated BASE is imported once by Piste, then copied in SQL (fresh ids, references, phones, ID numbers, e-mails,
# names recombined from other rows) up to TARGET: simulating and importing 10M rows takes hours on a shared machine.
# Data and the benchmark's own embedded PostgreSQL go under bench/out/ (ignored by git); a second run reuses them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
target="${1:-10000000}"
queries="${2:-200}"
base="${3:-300000}"
out="$root/bench/out/search-$target"
mkdir -p "$out"
cd "$root"
./mvnw -B -q -o -DskipTests package dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -pl bench -am >/dev/null
cp="$root/bench/target/classes:$(cat "$out/classpath.txt")"
data="$root/bench/out/search-base-$base.csv"
if [ ! -f "$data" ]; then
  echo "bench: generating $base canonical transfers with the simulator..." >&2
  "$JAVA_HOME/bin/java" -cp "$cp" org.piste.bench.GenerateCanonical "$base" "$data"
fi
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" org.piste.bench.SearchLatency "$data" "$target" "$queries" "$out"
