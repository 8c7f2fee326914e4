#!/usr/bin/env bash
# Mutation testing of piste-core with PIT (pitest-maven, JUnit 5 plugin, default mutators), one package a run.
#   scripts/mutation.sh                      every package of piste-core (normal ingest screen resolve)
#   scripts/mutation.sh normal screen        those packages only
# Each run fails when its test strength (mutants killed / mutants covered by a test) is under the package's threshold
# below; PIT_THRESHOLD=N overrides them all (0 reports without failing). Reports: piste-core/target/pit-reports/PACKAGE/
# (index.html, mutations.xml). The surviving mutants left, and why they are equivalent: docs/testing.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/find-jdk.sh"
piste_find_jdk
cd "$root"

threshold() {
  case "$1" in
    resolve) echo 80 ;;
    *) echo 85 ;;
  esac
}

packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(normal ingest screen resolve)
for p in "${packages[@]}"; do
  [ -d "piste-core/src/main/java/org/piste/$p" ] || { echo "mutation: no package org.piste.$p in piste-core" >&2; exit 2; }
done

# piste-core depends on no other module: its classes and tests are built once for every run.
./mvnw -B -q -pl piste-core test-compile
summary=()
failed=0
for p in "${packages[@]}"; do
  t="${PIT_THRESHOLD:-$(threshold "$p")}"
  log="piste-core/target/pit-$p.log"
  mkdir -p piste-core/target
  echo "mutation: org.piste.$p (threshold $t%)..."
  start=$(date +%s)
  if ./mvnw -B -pl piste-core org.pitest:pitest-maven:mutationCoverage -Dpit.package="$p" -Dpit.threshold="$t" >"$log" 2>&1; then
    verdict="ok"
  else
    verdict="FAILED"
    failed=1
  fi
  line=$(grep -E "Test strength" "$log" | tail -n1 | sed 's/^>> //')
  generated=$(grep -E "Generated [0-9]+ mutations" "$log" | tail -n1 | sed 's/^>> //')
  summary+=("$p: ${generated:-no mutation report} ${line:+; $line} (threshold $t%, $(( $(date +%s) - start )) s) $verdict")
  if [ "$verdict" = FAILED ]; then
    grep -E "ERROR|did not pass|threshold" "$log" | head -n 5 >&2 || true
    report="piste-core/target/pit-reports/$p/mutations.xml"
    if [ -f "$report" ]; then
      echo "mutation: surviving mutants in org.piste.$p (class.method:line, what was changed):" >&2
      grep -o "<mutation [^>]*status='SURVIVED'.*</mutation>" "$report" \
        | sed -E "s|.*<mutatedClass>org\.piste\.([^<]*)</mutatedClass><mutatedMethod>([^<]*)</mutatedMethod>.*<lineNumber>([0-9]+)</lineNumber>.*<description>([^<]*)</description>.*|  \1.\2:\3 \4|" \
        | head -n 60 >&2
    fi
  fi
done
printf 'mutation: %s\n' "${summary[@]}"
exit "$failed"
