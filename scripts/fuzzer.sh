#!/usr/bin/env bash
# Installs schemathesis (the OpenAPI-driven fuzzer of test/contract) into a project-local virtual
# environment, .tools/venv, pinned by test/contract/requirements.txt. Reinstalls only when that
# file changes, so a warm machine pays nothing. Prints the path of the `st` executable.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.tools/venv
req=test/contract/requirements.txt
stamp="$venv/.requirements.sha256"
# The newest CPython at hand: 3.11's ast module fails under hypothesis's lambda descriptions
# ("AST constructor recursion depth mismatch"), which schemathesis reports as errors.
python=""
for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3 python3.13 python3.12 python3; do
  if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then python=$candidate; break; fi
done
[ -n "$python" ] || { echo "fuzzer: no python3 (3.10 or newer) found" >&2; exit 1; }
want=$( (sha256sum "$req"; "$python" --version) | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/st" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "fuzzer: installing schemathesis into $venv" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --requirement "$req" >&2
  echo "$want" > "$stamp"
fi
echo "$PWD/$venv/bin/st"
