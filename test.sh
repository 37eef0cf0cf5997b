#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing (Debian's chromium and
# chromium-driver for the browser tests, python3 for Threads v3), then runs every test, unit and
# integration, with the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} for the tests"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

exec ./mvnw -B -ntp verify "$@"
