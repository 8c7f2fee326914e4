#!/usr/bin/env bash
# Screening quality on the simulator's data: Piste's ranking of buyers and facilitators against the truth and a
# literal red-flag count, the targets met or missed, false positives by legitimate sender kind, and tuning
# diagnostics (see ScreeningQuality). Not a test.
#   bench/screening-quality.sh [SENDERS=20000] [MONTHS=24] [SEED=42] [RULES.yaml...]  (extra rule sets: one-line trials)
#   PRESET=hard bench/screening-quality.sh ...   a simulator preset (default, names-only, family-heavy, hard)
#   CAREFUL=0.3 bench/screening-quality.sh ...   that share of buyers careful (2-10 daytime payments, one facilitator);
#                                                each switch not given keeps the preset's share
#   LONE=0.3 bench/screening-quality.sh ...      that share of buyers paying a facilitator of their own first
#   FAMILY=0.3 bench/screening-quality.sh ...    that share of buyers also sending family a monthly remittance
#   FACFAMILY=0 bench/screening-quality.sh ...   that share of diaspora families sending a facilitator money
#   LAYOUT=operator bench/screening-quality.sh ... the French operator's export (windows-1252, local times, French
#                                                codes) imported through its profile, instead of the canonical file
# Simulated data goes under bench/out/screen-sim-seedSEED, or screen-sim-PRESET-seedSEED (reused when generated with
# the same parameters).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
preset="${PRESET:-default}"
careful="${CAREFUL:-}"
name="screen-sim"
[ "$preset" = default ] || name="$name-$preset"
lone="${LONE:-}"
[ -z "$careful" ] || name="$name-careful$careful"
family="${FAMILY:-}"
[ -z "$lone" ] || name="$name-lone$lone"
[ -z "$family" ] || name="$name-family$family"
facfamily="${FACFAMILY:-}"
[ -z "$facfamily" ] || name="$name-facfamily$facfamily"
layout="${LAYOUT:-canonical}"
[ "$layout" = canonical ] || name="$name-$layout"
out="$root/bench/out/$name-seed${3:-42}"
mkdir -p "$out"
cd "$root"
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$root/bench/out/screen-classpath.txt" -pl bench -am >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx6g ${BENCH_JAVA_OPTS:-} -Dpiste.preset="$preset" -Dpiste.careful="$careful" -Dpiste.lone="$lone" -Dpiste.family="$family" -Dpiste.facilitatorFamily="$facfamily" -Dpiste.layout="$layout" -cp "$root/bench/target/classes:$(cat "$root/bench/out/screen-classpath.txt")" \
  org.piste.bench.ScreeningQuality "$out" "${1:-20000}" "${2:-24}" "${3:-42}" "${@:4}"
