#!/usr/bin/env bash
# Entity-resolution quality on labelled data (not a test): FEBRL 1 and 2 (with and without soc_sec_id), splink
# fake_1000 and nomenklatura's name pairs (ResolutionQuality), then the simulator's presets, both sides of every
# transfer resolved in context and scored per side (SimResolutionQuality).
#   bench/resolution-quality.sh [SENDERS=20000] [MONTHS=24] [SEEDS="7"] [PRESETS="default names-only family-heavy hard"]
# Third-party data sets are read from $PISTE_ER_DATA (default /work/shared/data/er); simulated data goes under
# bench/out/er-presets/ (kept between runs: one directory per preset, size and seed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
mkdir -p "$root/bench/out"
cd "$root"
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$root/bench/out/er-classpath.txt" -pl bench -am >/dev/null
# The project's own jars and classes are copied first: a rebuild during the (long) run must not change what it loads.
snapshot="$(mktemp -d "$root/bench/out/er-run-XXXXXX")"
trap 'rm -rf "$snapshot"' EXIT
cp -r "$root/bench/target/classes" "$snapshot/bench-classes"
cp=""
IFS=: read -ra entries < "$root/bench/out/er-classpath.txt" || true # no newline at the end
for e in "${entries[@]}"; do
  case "$e" in
    "$root"/*) cp -r "$e" "$snapshot/"; e="$snapshot/$(basename "$e")" ;;
  esac
  cp="$cp:$e"
done
cp="$snapshot/bench-classes$cp"
"$JAVA_HOME/bin/java" -Xmx4g -cp "$cp" org.piste.bench.ResolutionQuality "${PISTE_ER_DATA:-/work/shared/data/er}" \
  "$root/bench/profiles" 4
for seed in ${3:-7}; do
  echo
  echo "== simulator presets, ${1:-20000} senders over ${2:-24} months, seed $seed"
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -Xmx8g -cp "$cp" org.piste.bench.SimResolutionQuality "$root/bench/out/er-presets" \
    "${1:-20000}" "${2:-24}" "$seed" ${4:-default names-only family-heavy hard}
done
