# Sourced by ./piste test and .ci/run: the web app's browser tests drive Debian's Chromium through Debian's
# chromedriver. Installs them when it can (root, or sudo without a password); otherwise says exactly what to run.
piste_browser_deps() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
  local packages="chromium chromium-driver fonts-dejavu-core" as=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as="sudo -n"
    else
      echo "piste: the browser tests need Debian's Chromium; run: sudo apt-get install -y $packages" >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "piste: the browser tests need Chromium and chromedriver at /usr/bin (Debian: apt-get install -y $packages)" >&2
    return 1
  fi
  echo "piste: installing $packages for the browser tests..." >&2
  $as env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    $as env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null || {
      echo "piste: could not install $packages; run: sudo apt-get install -y $packages" >&2
      return 1
    }
}
