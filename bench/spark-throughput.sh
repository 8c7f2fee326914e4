#!/usr/bin/env bash
# Spark throughput: the piste-spark job (ingest, both resolution passes, screening, Parquet output) on ~TRANSFERS
# simulated canonical transfers (default preset, GenerateCanonical's seed), in local[1] then local[2] on the same
# pinned 2 cores; prints each stage's seconds and transfers/s and the whole job's. Not a test.
#   bench/spark-throughput.sh [TRANSFERS=100000] [XMX=4g]
#   CORES=2 bench/spark-throughput.sh ...   only local[2] (default: "1 2")
# Data and the job's outputs go under bench/out/spark-throughput-TRANSFERS (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
transfers="${1:-100000}"
export XMX="${2:-4g}"
out="$root/bench/out/spark-throughput-$transfers"
mkdir -p "$out"
cd "$root"
if [ ! -f "$out/transfers.csv" ]; then
  ./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -pl bench -am >/dev/null
  "$JAVA_HOME/bin/java" -Xmx4g -cp "$root/bench/target/classes:$(cat "$out/classpath.txt")" org.piste.bench.GenerateCanonical \
    "$transfers" "$out/transfers.csv"
fi
pin=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=(taskset -c 0,1); fi
for cores in ${CORES:-1 2}; do
  rm -rf "$out/job-$cores"
  echo "bench: local[$cores], $(date -u +%FT%TZ)"
  "${pin[@]}" "$root/scripts/piste-spark" --master "local[$cores]" --input "$out/transfers.csv" --out "$out/job-$cores" \
    2>"$out/job-$cores.err" | tee "$out/job-$cores.log" | grep '^piste-spark: ' || { cat "$out/job-$cores.err" >&2; exit 1; }
  # Stage lines end in "(S s)"; the ingest line's "N accepted" is the number of transfers.
  awk -v cores="$cores" -v w=28 '
    /^piste-spark: ingest/ { for (i = 1; i <= NF; i++) if ($(i + 1) == "accepted,") { n = $i; gsub(",", "", n) } }
    /^piste-spark: .*\([0-9.]+ s\)$/ {
      # The stage name fills a column of width w (Progress pads it), a longer one runs on to the next space.
      name = substr($0, 14, w); for (i = 14 + w; substr($0, i, 1) != " "; i++) name = name substr($0, i, 1)
      sub(/ +$/, "", name)
      secs = $(NF - 1); sub(/^\(/, "", secs); total += secs   # after the name: changing a field rebuilds the line
      stage[++k] = name; t[k] = secs
    }
    END {
      printf "bench: local[%d] %d transfers\n", cores, n
      for (j = 1; j <= k; j++) printf "bench:   %-28s %8.1f s %12.0f transfers/s\n", stage[j], t[j], (t[j] > 0 ? n / t[j] : 0)
      printf "bench:   %-28s %8.1f s %12.0f transfers/s\n", "whole job", total, n / total
    }' "$out/job-$cores.log"
done
