#!/usr/bin/env bash
# Import throughput: Piste's import of N canonical rows vs PostgreSQL's raw COPY of the same rows,
# pre-normalised, into the same table, in the same run (see ImportBenchmark). Not a test.
#   bench/import-throughput.sh [ROWS=1000000] [REPEATS=3] [bulk]   (bulk: as `piste import --bulk`)
# Data and the benchmark's own embedded PostgreSQL go under bench/out/ (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
rows="${1:-1000000}"
repeats="${2:-3}"
mode="${3:-}"
out="$root/bench/out/import-$rows"
mkdir -p "$out"
cd "$root"
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -pl bench -am >/dev/null
cp="$root/bench/target/classes:$(cat "$out/classpath.txt")"
data="$out/transfers.csv"
if [ ! -f "$data" ]; then
  echo "bench: generating $rows canonical transfers with the simulator..." >&2
  "$JAVA_HOME/bin/java" -cp "$cp" org.piste.bench.GenerateCanonical "$rows" "$data"
fi
rm -rf "$out/pg"
exec "$JAVA_HOME/bin/java" -Xmx4g -cp "$cp" org.piste.bench.ImportBenchmark "$data" canonical "$repeats" "$out" $mode
