#!/usr/bin/env bash
# README command two: install the test dependencies, then build and run every test.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/install-test-deps.sh"
cd "$here"
mvn -B verify "$@"
