# Sourced by ./piste and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# The default `java` on the project's machines is 17, too old for Piste.
piste_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}
piste_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(piste_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "piste: no JDK >= 21 found (looked at \$JAVA_HOME and /usr/lib/jvm/*). Install one, e.g. apt-get install openjdk-21-jdk-headless, or set JAVA_HOME." >&2
  return 1
}
