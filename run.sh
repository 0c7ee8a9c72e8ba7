#!/usr/bin/env bash
# The two commands of the README:
#   ./run.sh app    install what is needed, then serve the app on the bundled data
#   ./run.sh test   install what is needed (Chromium too), then lint and run every test
# Extra arguments go to streamlit (app) or pytest (test).
set -euo pipefail
cd "$(dirname "$0")"

python_311() {
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      echo "$candidate"; return
    fi
  done
  echo "Python 3.11 is required" >&2; exit 1
}

# A virtual environment in .venv, reinstalled only when a requirements file changes.
install_python_packages() {
  local requirements=$1 stamp
  [ -x .venv/bin/python ] || "$(python_311)" -m venv .venv
  stamp=".venv/installed-$(cat requirements*.txt | sha256sum | cut -c1-16)-$requirements"
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
    touch "$stamp"
  fi
}

# The browser tests drive Debian's Chromium (a browser download is not possible offline).
install_chromium() {
  command -v chromium >/dev/null && return
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

case "${1:-}" in
  app)
    install_python_packages requirements.txt
    exec .venv/bin/python -m streamlit run streamlit_app.py "${@:2}" ;;
  test)
    install_python_packages requirements-test.txt
    install_chromium
    .venv/bin/ruff check .
    exec .venv/bin/python -m pytest "${@:2}" ;;
  *)
    echo "usage: ./run.sh app|test [extra arguments]" >&2; exit 2 ;;
esac
